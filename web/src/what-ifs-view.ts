import { listHardware } from '../../src/calibration/index.js'
import type { PlanInput } from '../../src/estimate/plan-input.js'
import { type WhatIfCase, WHAT_IFS } from '../../src/estimate/plan-what-ifs.js'
import { append, byId, el, scrollBox } from './dom.js'
import { selectField, textField } from './form-fields.js'
import { formatChange, formatFigure, formatMoney } from './format-figures.js'
import type { PageState } from './plan-state.js'
import { chosenSpecs, compareEach } from './what-if-compare.js'

/** The four columns of changes; each card at phone width names its own. */
const COLUMNS = ['Time', 'Energy', 'Carbon', 'Cost'] as const

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

/** The what-if table for `input`, with the chosen values. */
export function renderWhatIfs(
  input: PlanInput,
  choices: PageState
): HTMLElement {
  const fixed = WHAT_IFS.map(w => w.id)
  const chosen = chosenSpecs(choices)
  const { cases, skipped } = compareEach(input, fixed, chosen)
  const rows = cases.map(row => renderRow(row, currencyOf(cases)))
  const notes = skipped.map(s =>
    el('li', {}, [`${s.title}: does not apply (${s.reason}).`])
  )
  const head = COLUMNS.map(h => el('th', { scope: 'col' }, [h]))
  return el('div', {}, [
    scrollBox(
      'What-if table',
      el('table', { class: 'what-ifs cards' }, [
        el('thead', {}, [
          el('tr', {}, [el('th', { scope: 'col' }, ['What if']), ...head])
        ]),
        el('tbody', {}, rows)
      ])
    ),
    notes.length === 0 ? undefined : el('ul', { class: 'notes' }, notes)
  ])
}

/** The currency of the estimates (USD unless the engine says otherwise). */
function currencyOf(cases: readonly WhatIfCase[]): string {
  return cases[0]?.estimate.cost.currency ?? 'USD'
}

/** One what-if: title with source, then each change and the new figure. */
function renderRow(row: WhatIfCase, currency: string): HTMLElement {
  const { estimate, change } = row
  const cells = [
    cell('Time', change.hours_pct, `${formatFigure(estimate.hours)} h`),
    cell(
      'Energy',
      change.energy_pct,
      `${formatFigure(estimate.energy.facility_kwh)} kWh`
    ),
    cell('Carbon', change.carbon_pct, `${formatFigure(estimate.carbon.kg)} kg`),
    cell(
      'Cost',
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

/** A change and the figure it leads to; `label` heads it on a phone card. */
function cell(
  label: string,
  percent: number | null,
  figure: string
): HTMLElement {
  const shown = formatChange(percent)
  const direction =
    percent === null || shown === '0 %' ? 'same' : percent < 0 ? 'down' : 'up'
  return el(
    'td',
    {
      class: `change ${direction}`,
      'data-label': label,
      'data-change-pct': percent ?? ''
    },
    [
      el('span', { class: 'pct' }, [shown]),
      el('span', { class: 'then' }, [figure])
    ]
  )
}
