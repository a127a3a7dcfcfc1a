import { estimatePlan } from '../../src/estimate/plan-estimate.js'
import {
  parsePlanInput,
  type PlanInput
} from '../../src/estimate/plan-input.js'
import {
  getPlanPreset,
  type PlanPreset
} from '../../src/estimate/plan-presets.js'
import type { PlanEstimate } from '../../src/estimate/plan-schema.js'
import { renderAssumptions } from './assumptions-view.js'
import { renderCompareCharts } from './compare-charts.js'
import { byId, el, replaceChildren } from './dom.js'
import { showDefaults } from './default-hints.js'
import { buildPlanFields, fieldId } from './plan-fields.js'
import {
  fillWhatIfChoices,
  readFormState,
  showKindFields,
  writeFormState
} from './plan-form.js'
import { clearPlanProblems, showPlanProblems } from './plan-problems.js'
import {
  type PageState,
  planFromState,
  stateFromHash,
  stateFromPlan,
  stateToHash
} from './plan-state.js'
import { renderResults } from './results-view.js'
import { scheduleUrlUpdate } from './url-sync.js'
import {
  buildWhatIfControls,
  defaultWhatIfChoices,
  renderWhatIfs
} from './what-ifs-view.js'

/** The plan a first visit shows: the case study, estimated realistically. */
const DEFAULT_PRESET = 'llama-7b-realistic'

/** Builds the estimator, restores a shared plan from the URL, and runs it. */
export function startEstimator(): void {
  const form = byId('plan-form', HTMLFormElement)
  buildPlanFields(form)
  buildWhatIfControls()
  restore(location.hash)
  form.addEventListener('submit', event => event.preventDefault())
  form.addEventListener('input', event => onPlanInput(event.target))
  byId('what-ifs-choices', HTMLElement).addEventListener('input', () =>
    recompute()
  )
  // A fragment that holds no plan (an in-page link) leaves the plan alone.
  window.addEventListener('hashchange', () => {
    const shared = stateFromHash(location.hash) !== undefined
    if (shared && location.hash !== stateToHash(readFormState())) {
      restore(location.hash)
    }
  })
}

/** Shows the state a URL fragment holds (or the default preset) and runs it. */
function restore(hash: string): void {
  const shared = stateFromHash(hash)
  const preset = getPlanPreset(shared?.preset ?? DEFAULT_PRESET)
  const onlyPreset =
    shared === undefined ||
    Object.keys(shared).every(k => k === 'preset' || k.startsWith('wi'))
  const state =
    onlyPreset && preset !== undefined
      ? { ...presetState(preset), ...shared }
      : (shared ?? {})
  writeFormState(state)
  recompute()
}

/** A preset's plan as page state. */
function presetState(preset: PlanPreset): PageState {
  return { ...stateFromPlan(preset.input), preset: preset.id }
}

/** Choosing a preset fills the form; editing a field leaves the preset. */
function onPlanInput(target: EventTarget | null): void {
  if (target instanceof HTMLSelectElement && target.id === fieldId('preset')) {
    const preset = getPlanPreset(target.value)
    if (preset !== undefined)
      writeFormState({ ...readWhatIfChoices(), ...presetState(preset) })
  } else {
    const presetField = byId(fieldId('preset'), HTMLSelectElement)
    const preset = getPlanPreset(presetField.value)
    if (preset !== undefined && !matchesPreset(readFormState(), preset))
      presetField.value = ''
  }
  recompute()
}

/** True when the form still holds exactly the preset's plan. */
function matchesPreset(state: PageState, preset: PlanPreset): boolean {
  const wanted = JSON.stringify(planFromState(stateFromPlan(preset.input)))
  return JSON.stringify(planFromState(state)) === wanted
}

/** The what-if choices of the form. */
function readWhatIfChoices(): PageState {
  const state = readFormState()
  return Object.fromEntries(
    Object.entries(state).filter(([key]) => key.startsWith('wi'))
  )
}

/** Reads the form, estimates, and redraws every result; times itself. */
function recompute(): void {
  const started = performance.now()
  const state = readFormState()
  showKindFields(state.kind ?? 'training')
  clearPlanProblems()
  let input: PlanInput
  let estimate: PlanEstimate
  try {
    input = parsePlanInput(planFromState(state))
    estimate = estimatePlan(input)
  } catch (error) {
    showPlanProblems(error)
    showStale()
    return
  }
  const choices = defaultWhatIfChoices(input, state)
  fillWhatIfChoices(choices)
  render(input, estimate, { ...state, ...choices })
  scheduleUrlUpdate({ ...state, ...choices })
  byId('results', HTMLElement).dataset.recomputeMs = (
    performance.now() - started
  ).toFixed(3)
}

/** Every view of one estimate. */
function render(
  input: PlanInput,
  estimate: PlanEstimate,
  state: PageState
): void {
  replaceChildren(byId('results-body', HTMLElement), [renderResults(estimate)])
  replaceChildren(byId('what-ifs-body', HTMLElement), [
    renderWhatIfs(input, state)
  ])
  replaceChildren(
    byId('charts-body', HTMLElement),
    renderCompareCharts(input, estimate)
  )
  replaceChildren(byId('assumptions-body', HTMLElement), [
    renderAssumptions(estimate, getPlanPreset(state.preset ?? ''))
  ])
  showDefaults(estimate)
  byId('results', HTMLElement).dataset.state = 'current'
}

/** With an input in error there is no estimate: say so instead of old numbers. */
function showStale(): void {
  const message = el('p', { class: 'stale' }, [
    'No estimate until the inputs marked above are fixed.'
  ])
  replaceChildren(byId('results-body', HTMLElement), [message])
  for (const id of ['what-ifs-body', 'charts-body', 'assumptions-body'])
    replaceChildren(byId(id, HTMLElement), [])
  byId('results', HTMLElement).dataset.state = 'error'
}
