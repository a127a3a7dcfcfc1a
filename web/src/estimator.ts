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
import { byId } from './dom.js'
import { showFieldError } from './field-errors.js'
import { presetState, readLink, unshownValues } from './link-state.js'
import { buildPlanFields, fieldId } from './plan-fields.js'
import {
  fillWhatIfChoices,
  readFormState,
  showKindFields,
  writeFormState
} from './plan-form.js'
import { startFieldLinks } from './field-links.js'
import { clearPlanProblems, showPlanProblems } from './plan-problems.js'
import {
  type PageState,
  planFromState,
  stateFromHash,
  stateFromPlan,
  stateToHash
} from './plan-state.js'
import { renderAll, showStale } from './render-all.js'
import { scheduleUrlUpdate } from './url-sync.js'
import { defaultWhatIfChoices } from './what-if-compare.js'
import { buildWhatIfControls } from './what-ifs-view.js'

/**
 * What the last link asked for that the page could not show, by state key;
 * each stays next to its field until that field is changed.
 */
const linkProblems = new Map<string, string>()

/**
 * Builds the estimator, restores a shared plan from the URL, and runs it.
 * Listeners come first, so whatever a link holds the page stays usable.
 */
export function startEstimator(): void {
  const form = byId('plan-form', HTMLFormElement)
  buildPlanFields(form)
  buildWhatIfControls()
  startFieldLinks(byId('plan-error', HTMLElement))
  form.addEventListener('submit', event => event.preventDefault())
  form.addEventListener('input', event => onPlanInput(event.target))
  byId('what-ifs-choices', HTMLElement).addEventListener('input', event => {
    forgetLinkProblem(event.target)
    recompute()
  })
  // A fragment that holds no plan (an in-page link) leaves the plan alone.
  window.addEventListener('hashchange', () => {
    const shared = stateFromHash(location.hash) !== undefined
    if (shared && location.hash !== stateToHash(readFormState())) {
      restore(location.hash)
    }
  })
  restore(location.hash)
}

/** Shows the plan a URL fragment asks for (preset, then its fields) and runs it. */
function restore(hash: string): void {
  const link = readLink(hash)
  writeFormState(link.state)
  unshownValues(link.state, readFormState(), link.problems)
  linkProblems.clear()
  for (const [key, message] of link.problems) linkProblems.set(key, message)
  leavePresetIfChanged()
  recompute()
}

/** Choosing a preset fills the form; editing a field leaves the preset. */
function onPlanInput(target: EventTarget | null): void {
  if (target instanceof HTMLSelectElement && target.id === fieldId('preset')) {
    const preset = getPlanPreset(target.value)
    if (preset !== undefined) {
      linkProblems.clear()
      writeFormState({ ...readWhatIfChoices(), ...presetState(preset) })
    }
  } else {
    forgetLinkProblem(target)
    leavePresetIfChanged()
  }
  recompute()
}

/** Shows "Custom" as the starting point once the form is not the preset's. */
function leavePresetIfChanged(): void {
  const presetField = byId(fieldId('preset'), HTMLSelectElement)
  const preset = getPlanPreset(presetField.value)
  if (preset !== undefined && !matchesPreset(readFormState(), preset))
    presetField.value = ''
}

/** True when the form still holds exactly the preset's plan. */
function matchesPreset(state: PageState, preset: PlanPreset): boolean {
  const wanted = JSON.stringify(planFromState(stateFromPlan(preset.input)))
  return JSON.stringify(planFromState(state)) === wanted
}

/** The what-if choices of the form. */
function readWhatIfChoices(): PageState {
  return Object.fromEntries(
    Object.entries(readFormState()).filter(([key]) => key.startsWith('wi'))
  )
}

/** A field the user changed no longer carries the link's problem. */
function forgetLinkProblem(target: EventTarget | null): void {
  if (!(
    target instanceof HTMLInputElement || target instanceof HTMLSelectElement
  ))
    return
  const name = target.name === '' ? target.id : target.name
  linkProblems.delete(name.replace(/^plan-/, ''))
}

/** The link's problems with the plan's own fields (not the what-ifs'). */
function planLinkProblems(): Map<string, string> {
  return new Map([...linkProblems].filter(([key]) => !key.startsWith('wi')))
}

/** Reads the form, estimates, and redraws every result; times itself. */
function recompute(): void {
  const started = performance.now()
  const state = readFormState()
  showKindFields(state.kind ?? 'training')
  clearPlanProblems()
  const planned = estimateOrExplain(state)
  if (planned === undefined) {
    showStale()
    return
  }
  const open = Object.fromEntries(
    Object.entries(defaultWhatIfChoices(planned.input, state)).filter(
      ([key]) => !linkProblems.has(key)
    )
  )
  fillWhatIfChoices(open)
  // The state holds only what the user chose (typed what-if choices
  // included); `open` adds the defaults, which follow the plan and stay
  // out of the link.
  const choices = { ...state, ...open }
  renderAll(planned.input, planned.estimate, choices)
  for (const [key, message] of linkProblems)
    if (key.startsWith('wi')) showFieldError(key, message)
  scheduleUrlUpdate(state)
  byId('results', HTMLElement).dataset.recomputeMs = (
    performance.now() - started
  ).toFixed(3)
}

/**
 * The plan and its estimate; or, when the link or an input is wrong or
 * the engine refuses the plan, undefined with every problem shown next
 * to its field. Nothing the engine throws escapes.
 */
function estimateOrExplain(
  state: PageState
): { input: PlanInput; estimate: PlanEstimate } | undefined {
  const fromLink = planLinkProblems()
  try {
    const input = parsePlanInput(planFromState(state))
    const estimate = estimatePlan(input)
    if (fromLink.size === 0) return { input, estimate }
    showPlanProblems(undefined, fromLink)
  } catch (error) {
    showPlanProblems(error, fromLink)
  }
  return undefined
}
