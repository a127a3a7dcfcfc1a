import type { PlanEstimate } from '../../src/estimate/plan-schema.js'
import { el } from './dom.js'
import {
  formatBounds,
  formatDays,
  formatFigure,
  formatMoney
} from './format-figures.js'
import { rangesNote } from './validation-note.js'

/** One headline figure with its bounds and a line of context. */
interface Figure {
  key: string
  label: string
  value: number | null
  low: number | null
  high: number | null
  unit: string
  context?: string
  money?: string
}

/** The headline figures of an estimate, each with its bounds. */
export function renderResults(estimate: PlanEstimate): HTMLElement {
  const list = el(
    'dl',
    { class: 'figures' },
    figures(estimate).map(renderFigure)
  )
  const notes = estimate.plan.notes.map(note => el('li', {}, [note]))
  return el('div', {}, [
    list,
    rangesNote(),
    notes.length === 0
      ? undefined
      : el(
          'ul',
          { class: 'notes', 'aria-label': 'Notes on this estimate' },
          notes
        )
  ])
}

/** Time, GPU-hours, energy, carbon, cost and the car equivalent. */
function figures(estimate: PlanEstimate): Figure[] {
  const { energy, carbon, cost } = estimate
  const car = estimate.equivalents.find(e => e.kind === 'passenger-car-km')
  const carRatio =
    carbon.kg > 0 && car !== undefined ? car.value / carbon.kg : null
  return [
    ...timeFigures(estimate),
    {
      key: 'energy',
      label: 'Energy (facility)',
      value: energy.facility_kwh,
      low: energy.low_kwh,
      high: energy.high_kwh,
      unit: 'kWh',
      context: `GPUs ${formatFigure(energy.gpu_kwh)} kWh, IT ${formatFigure(energy.it_kwh)} kWh before PUE`
    },
    {
      key: 'carbon',
      label: 'Carbon',
      value: carbon.kg,
      low: carbon.low_kg,
      high: carbon.high_kg,
      unit: 'kg CO2e',
      context: `${formatFigure(carbon.intensity_g_per_kwh)} gCO2e/kWh, ${carbon.region}`
    },
    {
      key: 'cost',
      label: 'Cost',
      value: cost.total_usd,
      low: cost.low_usd,
      high: cost.high_usd,
      unit: '',
      money: cost.currency,
      context:
        cost.total_usd === null
          ? 'not computed: give a GPU-hour or electricity price'
          : costParts(estimate)
    },
    {
      key: 'car-km',
      label: 'Car travel, same CO2e',
      value: car?.value ?? null,
      low: carRatio === null ? null : carbon.low_kg * carRatio,
      high: carRatio === null ? null : carbon.high_kg * carRatio,
      unit: 'km',
      context: car?.source
    }
  ]
}

/**
 * Time and GPU-hours. A serving plan counts the hours its GPUs compute,
 * not the days they are held, so its cards say "busy" and name the span
 * served: 71.7 h over 30 days reads as 10× too small otherwise.
 */
function timeFigures({ plan }: PlanEstimate): Figure[] {
  const served = plan.kind === 'inference' && plan.days !== null
  const span = served
    ? `busy time only, of ${formatFigure(plan.days! * 24)} h served (${formatFigure(plan.days)} days); idle hours not counted`
    : undefined
  const days = formatDays(plan.hours.value)
  return [
    {
      key: 'hours',
      label: served ? 'Busy GPU time' : 'Time',
      ...bounded(plan.hours),
      unit: 'h',
      context: served ? span : days
    },
    {
      key: 'gpu-hours',
      label: served ? 'Busy GPU-hours' : 'GPU-hours',
      ...bounded(plan.gpu_hours),
      unit: 'GPU-h',
      context: `${formatFigure(plan.gpus)} × ${plan.gpu_name}${served ? ', busy time only' : ''}`
    }
  ]
}

/** `value`, `low`, `high` of a bounded figure. */
function bounded(b: {
  value: number
  low: number
  high: number
}): Pick<Figure, 'value' | 'low' | 'high'> {
  return { value: b.value, low: b.low, high: b.high }
}

/** `compute $82,533 + energy $1,234`. */
function costParts({ cost }: PlanEstimate): string {
  const parts = [
    cost.compute_usd === null
      ? undefined
      : `compute ${formatMoney(cost.compute_usd, cost.currency)}`,
    cost.energy_usd === null
      ? undefined
      : `energy ${formatMoney(cost.energy_usd, cost.currency)}`
  ]
  return parts.filter(p => p !== undefined).join(' + ')
}

/** One figure: label, value with unit, bounds, context; exact values as data. */
function renderFigure(figure: Figure): HTMLElement {
  const shown =
    figure.money === undefined
      ? `${formatFigure(figure.value)} ${figure.unit}`
      : figure.value === null
        ? 'not computed'
        : formatMoney(figure.value, figure.money)
  const format =
    figure.money === undefined
      ? formatFigure
      : (v: number): string => formatMoney(v, figure.money!)
  return el(
    'div',
    {
      class: 'figure',
      id: `figure-${figure.key}`,
      'data-value': figure.value ?? '',
      'data-low': figure.low ?? '',
      'data-high': figure.high ?? ''
    },
    [
      el('dt', {}, [figure.label]),
      el('dd', { class: 'value' }, [shown]),
      el('dd', { class: 'bounds' }, [
        figure.value === null
          ? ''
          : formatBounds(figure.low, figure.high, format)
      ]),
      figure.context === undefined
        ? undefined
        : el('dd', { class: 'context' }, [figure.context])
    ]
  )
}
