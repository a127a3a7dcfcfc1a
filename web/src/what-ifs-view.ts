import { listHardware } from '../../src/calibration/index.js'
import type { PlanInput } from '../../src/estimate/plan-input.js'
import type { PlanEstimate } from '../../src/estimate/plan-schema.js'
import {
  compareWhatIfs,
  resolveWhatIf,
  type WhatIfCase,
  WHAT_IFS
} from '../../src/estimate/plan-what-ifs.js'
import { append, byId, el, scrollBox } from './dom.js'
import { showFieldError } from './field-errors.js'
import { selectField, textField } from './form-fields.js'
import { formatChange, formatFigure, formatMoney } from './format-figures.js'
import type { PageState } from './plan-state.js'

/** The what-if choices that take a value, by state key and what-if id. */
const PARAMETERS = [
  { key: 'wiGpu', id: 'gpu' },
  { key: 'wiRegion', id: 'region' },
  { key: 'wiGpus', id: 'gpus' }
] as const

/** Builds the controls for another GPU, region and GPU count. */
export function buildWhatIfControls(): void {
  const gpus = listHardware()
    .filter(hw => hw.id !== 'generic-gpu')
    .map(hw => ({ value: hw.id, label: hw.display_name }))
  append(byId('what-ifs-choices', HTMLElement), [
    selectField({ id: 'wiGpu', label: 'Another GPU' }, [
      { value: '', label: 'pick one' },
      ...gpus
    ]),
    textField({ id: 'wiRegion', label: 'Another region', list: 'region-list' }),
    textField({
      id: 'wiGpus',
      label: 'Another GPU count',
      inputMode: 'numeric'
    })
  ])
}

/** Sensible what-if choices for a plan the state leaves open. */
export function defaultWhatIfChoices(
  input: PlanInput,
  state: PageState
): PageState {
  return {
    wiGpu: state.wiGpu ?? (input.gpu === 'h200-sxm' ? 'h100-sxm' : 'h200-sxm'),
    wiRegion:
      state.wiRegion ?? (input.region?.toUpperCase() === 'FR' ? 'SE' : 'FR'),
    wiGpus: state.wiGpus ?? String(input.gpus * 2)
  }
}

/** The what-if table for `input`, with the chosen values. */
export function renderWhatIfs(
  input: PlanInput,
  choices: PageState
): HTMLElement {
  const ids = [...WHAT_IFS.map(w => w.id), ...chosenSpecs(choices)]
  const comparison = compareWhatIfs(input, ids)
  const rows = comparison.cases.map(row => renderRow(row, comparison.baseline))
  const skipped = comparison.skipped.map(s =>
    el('li', {}, [`${s.title}: does not apply (${s.reason}).`])
  )
  const head = ['What if', 'Time', 'Energy', 'Carbon', 'Cost'].map(h =>
    el('th', { scope: 'col' }, [h])
  )
  return el('div', {}, [
    scrollBox(
      'What-if table',
      el('table', { class: 'what-ifs' }, [
        el('thead', {}, [el('tr', {}, head)]),
        el('tbody', {}, rows)
      ])
    ),
    skipped.length === 0 ? undefined : el('ul', { class: 'notes' }, skipped)
  ])
}

/** `gpu=…`, `region=…`, `gpus=…` for the choices that are valid. */
function chosenSpecs(choices: PageState): string[] {
  const specs: string[] = []
  for (const { key, id } of PARAMETERS) {
    const value = (choices[key] ?? '').trim()
    const spec = `${id}=${value}`
    try {
      resolveWhatIf(spec)
      specs.push(spec)
      showFieldError(key, undefined)
    } catch (error) {
      showFieldError(
        key,
        error instanceof Error
          ? error.message.replace(/^invalid plan input:\n/, '')
          : String(error)
      )
    }
  }
  return specs
}

/** One what-if: title with source, then each change and the new figure. */
function renderRow(row: WhatIfCase, base: PlanEstimate): HTMLElement {
  const { estimate, change } = row
  const currency = base.cost.currency
  const cells = [
    cell(change.hours_pct, `${formatFigure(estimate.hours)} h`),
    cell(
      change.energy_pct,
      `${formatFigure(estimate.energy.facility_kwh)} kWh`
    ),
    cell(change.carbon_pct, `${formatFigure(estimate.carbon.kg)} kg`),
    cell(
      change.cost_pct,
      estimate.cost.total_usd === null
        ? 'no price'
        : formatMoney(estimate.cost.total_usd, currency)
    )
  ]
  const title = el('th', { scope: 'row' }, [
    row.title,
    el('details', { class: 'source' }, [
      el('summary', {}, ['Source']),
      el('p', {}, [row.source]),
      ...row.reasons.map(reason => el('p', {}, [reason]))
    ])
  ])
  return el('tr', { 'data-what-if': row.id }, [title, ...cells])
}

/** A change and the figure it leads to. */
function cell(percent: number | null, figure: string): HTMLElement {
  const direction =
    percent === null || Math.abs(percent) < 0.05
      ? 'same'
      : percent < 0
        ? 'down'
        : 'up'
  return el(
    'td',
    { class: `change ${direction}`, 'data-change-pct': percent ?? '' },
    [
      el('span', { class: 'pct' }, [formatChange(percent)]),
      el('span', { class: 'then' }, [figure])
    ]
  )
}
