import { CHOICE_FIELDS, fieldId, NUMBER_FIELDS } from './plan-fields.js'
import type { PageState } from './plan-state.js'

/** Every element that holds a state value, by state key. */
const TEXT_KEYS = [...Object.keys(NUMBER_FIELDS), ...CHOICE_FIELDS, 'preset']

/** Reads the plan form (and the what-if choices) into a state. */
export function readFormState(): PageState {
  const state: PageState = {}
  for (const key of TEXT_KEYS) setIfAny(state, key, valueOf(fieldId(key)))
  const kind = document.querySelector<HTMLInputElement>(
    `input[name="${fieldId('kind')}"]:checked`
  )
  setIfAny(state, 'kind', kind?.value ?? 'training')
  const speedups = [
    ...document.querySelectorAll<HTMLInputElement>(
      `input[name="${fieldId('speedups')}"]:checked`
    )
  ]
  setIfAny(state, 'speedups', speedups.map(box => box.value).join(','))
  for (const key of WHAT_IF_KEYS)
    if (!isAutoFilled(key)) setIfAny(state, key, valueOf(key))
  return state
}

/** Shows `state` in the form; fields it lacks are emptied. */
export function writeFormState(state: PageState): void {
  for (const key of TEXT_KEYS) setValue(fieldId(key), state[key] ?? '')
  const kind = state.kind === 'inference' ? 'inference' : 'training'
  for (const radio of document.querySelectorAll<HTMLInputElement>(
    `input[name="${fieldId('kind')}"]`
  )) {
    radio.checked = radio.value === kind
  }
  const speedups = new Set((state.speedups ?? '').split(','))
  for (const box of document.querySelectorAll<HTMLInputElement>(
    `input[name="${fieldId('speedups')}"]`
  )) {
    box.checked = speedups.has(box.value)
  }
  for (const key of WHAT_IF_KEYS) {
    if (state[key] === undefined) continue
    setValue(key, state[key])
    markAutoFilled(key, false)
  }
  showKindFields(kind)
}

/** The what-if choices that take a value. */
const WHAT_IF_KEYS = ['wiGpu', 'wiRegion', 'wiGpus'] as const

/**
 * Fills the what-if choices that are empty or still hold a default, and
 * leaves typed ones alone: a default follows the plan (twice its GPUs),
 * so it is marked, refreshed on every change and kept out of the URL.
 */
export function fillWhatIfChoices(choices: PageState): void {
  for (const [key, value] of Object.entries(choices)) {
    if (valueOf(key) !== '' && !isAutoFilled(key)) continue
    if (value === undefined) continue
    setValue(key, value)
    markAutoFilled(key, true)
  }
}

/** Whether a what-if field holds a default the page filled in. */
function isAutoFilled(id: string): boolean {
  return document.getElementById(id)?.dataset.auto === 'true'
}

/** Marks (or unmarks) a field's value as the page's default; typing unmarks it. */
function markAutoFilled(id: string, auto: boolean): void {
  const field = document.getElementById(id)
  if (field === null) return
  if (!auto) {
    delete field.dataset.auto
    return
  }
  if (field.dataset.auto === undefined)
    field.addEventListener('input', () => delete field.dataset.auto, {
      once: true
    })
  field.dataset.auto = 'true'
}

/** Days apply to serving only; tokens mean tokens per day there. */
export function showKindFields(kind: string): void {
  const days = document.getElementById(fieldId('days'))?.closest('.field')
  if (days instanceof HTMLElement) days.hidden = kind !== 'inference'
  const label = document.querySelector(`label[for="${fieldId('tokens')}"]`)
  if (label !== null)
    label.textContent =
      kind === 'inference' ? 'Tokens per day' : 'Training tokens'
}

function setIfAny(
  state: PageState,
  key: string,
  value: string | undefined
): void {
  if (value !== undefined && value.trim() !== '') state[key] = value.trim()
}

function valueOf(id: string): string | undefined {
  const field = document.getElementById(id)
  if (field instanceof HTMLInputElement || field instanceof HTMLSelectElement)
    return field.value
  return undefined
}

function setValue(id: string, value: string): void {
  const field = document.getElementById(id)
  if (field instanceof HTMLInputElement || field instanceof HTMLSelectElement)
    field.value = value
}
