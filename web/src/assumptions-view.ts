import type { Assumption } from '../../src/audit/audit-schema.js'
import type { PlanEstimate } from '../../src/estimate/plan-schema.js'
import type { PlanPreset } from '../../src/estimate/plan-presets.js'
import { el, scrollBox } from './dom.js'
import { formatFigure } from './format-figures.js'

/** Every value the estimate used, who chose it and where it comes from. */
export function renderAssumptions(
  estimate: PlanEstimate,
  preset: PlanPreset | undefined
): HTMLElement {
  const head = el(
    'tr',
    {},
    ['Assumption', 'Value', 'Range', 'Chosen by', 'Source'].map(h =>
      el('th', { scope: 'col' }, [h])
    )
  )
  const rows = Object.entries(estimate.assumptions).map(([name, a]) =>
    row(name, a)
  )
  const { carbon } = estimate
  const carbonLine = [
    `Carbon intensity ${formatFigure(carbon.intensity_g_per_kwh)} gCO2e/kWh`,
    `(${formatFigure(carbon.intensity_low_g_per_kwh)}–${formatFigure(carbon.intensity_high_g_per_kwh)})`,
    `for ${carbon.region}: ${carbon.dataset}${carbon.year === null ? '' : `, ${carbon.year}`}.`,
    carbon.licence === '' ? '' : `Licence: ${carbon.licence}.`
  ].join(' ')
  return el('div', {}, [
    preset === undefined
      ? undefined
      : el('p', {}, [
          el('strong', {}, ['Preset: ']),
          `${preset.title}. ${preset.source}.`
        ]),
    scrollBox(
      'Assumptions table',
      el('table', { class: 'assumptions cards' }, [
        el('thead', {}, [head]),
        el('tbody', {}, rows)
      ])
    ),
    el('p', {}, [carbonLine]),
    el(
      'ul',
      {},
      estimate.equivalents.map(e =>
        el('li', {}, [
          `${e.kind}: ${formatFigure(e.value)} ${e.unit}; ${e.source}`
        ])
      )
    )
  ])
}

/** One assumption row. */
function row(name: string, assumption: Assumption): HTMLElement {
  const value =
    assumption.value === null
      ? '— (none)'
      : typeof assumption.value === 'number'
        ? formatFigure(assumption.value)
        : assumption.value
  const low = assumption.low ?? null
  const high = assumption.high ?? null
  const range =
    low === null || high === null || low === high
      ? '—'
      : `${formatFigure(low)}–${formatFigure(high)}`
  return el('tr', { 'data-assumption': name }, [
    el('th', { scope: 'row' }, [name.replace(/_/g, ' ')]),
    el('td', { class: 'align-right', 'data-label': 'Value' }, [value]),
    el('td', { class: 'align-right', 'data-label': 'Range' }, [range]),
    el('td', { 'data-label': 'Chosen by' }, [
      assumption.is_default ? 'default' : 'you'
    ]),
    el('td', { class: 'source', 'data-label': 'Source' }, [assumption.source])
  ])
}
