import type { PlanInput } from '../../src/estimate/plan-input.js'
import {
  CHOICE_FIELDS,
  NUMBER_FIELDS,
  type NumberFieldName
} from './plan-fields.js'
import { numberToText, readNumberText } from './number-text.js'

/**
 * The page's state as text, exactly as typed: what the form shows and the
 * URL carries. Keys are plan field names, plus `preset` and the what-if
 * choices `wiGpu`, `wiRegion` and `wiGpus`. An empty value is left out.
 */
export type PageState = Record<string, string>

/** Keys the URL may carry, in the order written. */
export const STATE_KEYS: readonly string[] = [
  'preset',
  'kind',
  ...Object.keys(NUMBER_FIELDS),
  ...CHOICE_FIELDS,
  'speedups',
  'wiGpu',
  'wiRegion',
  'wiGpus'
]

const NUMBER_NAMES = Object.keys(NUMBER_FIELDS) as NumberFieldName[]

/**
 * The raw plan for parsePlanInput: numbers read from text, an unreadable
 * number kept as its text so the schema names it and the rule it breaks.
 */
export function planFromState(state: PageState): Record<string, unknown> {
  const kind = state.kind ?? 'training'
  const plan: Record<string, unknown> = { kind }
  for (const name of NUMBER_NAMES) {
    if (name === 'days' && kind !== 'inference') continue
    const reading = readNumberText(state[name] ?? '')
    if (reading.kind === 'value') plan[name] = reading.value
    else if (reading.kind === 'invalid') plan[name] = reading.text
  }
  for (const name of CHOICE_FIELDS) {
    const value = (state[name] ?? '').trim()
    if (value !== '') plan[name] = value
  }
  const speedups = (state.speedups ?? '').split(',').filter(s => s !== '')
  if (speedups.length > 0) plan.speedups = speedups
  return plan
}

/** The state that shows `input` (a preset's plan). */
export function stateFromPlan(input: PlanInput): PageState {
  const state: PageState = { kind: input.kind }
  for (const name of NUMBER_NAMES) {
    const value = input[name]
    if (value !== undefined) state[name] = numberToText(value)
  }
  for (const name of CHOICE_FIELDS) {
    const value = input[name]
    if (value !== undefined) state[name] = value
  }
  if (input.speedups !== undefined && input.speedups.length > 0) {
    state.speedups = input.speedups.join(',')
  }
  return state
}

/** The state as a URL fragment: `#kind=training&params=7e9…`. */
export function stateToHash(state: PageState): string {
  const query = new URLSearchParams()
  for (const key of STATE_KEYS) {
    const value = state[key]
    if (value !== undefined && value !== '') query.set(key, value)
  }
  return `#${query.toString()}`
}

/** The state a URL fragment holds; unknown keys are ignored. */
export function stateFromHash(hash: string): PageState | undefined {
  const text = hash.replace(/^#/, '')
  if (text === '') return undefined
  const query = new URLSearchParams(text)
  const state: PageState = {}
  for (const key of STATE_KEYS) {
    const value = query.get(key)
    if (value !== null && value !== '') state[key] = value
  }
  return Object.keys(state).length === 0 ? undefined : state
}
