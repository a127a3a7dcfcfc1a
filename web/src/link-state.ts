import { resolvePlanGpu } from '../../src/estimate/plan-hardware.js'
import {
  getPlanPreset,
  type PlanPreset
} from '../../src/estimate/plan-presets.js'
import { type PageState, stateFromHash, stateFromPlan } from './plan-state.js'

/** The plan a first visit shows: the case study, estimated realistically. */
export const DEFAULT_PRESET = 'llama-7b-realistic'

/** A link read: the state to show, and a message per value it cannot show. */
export interface LinkReading {
  state: PageState
  /** By state key (`gpu`, `wiGpu`…): why the link's value was not used. */
  problems: Map<string, string>
}

/** State keys whose value is a GPU model: an id, alias or printed name. */
const GPU_KEYS = ['gpu', 'wiGpu'] as const

/** A preset's plan as page state. */
export function presetState(preset: PlanPreset): PageState {
  return { ...stateFromPlan(preset.input), preset: preset.id }
}

/**
 * What a URL fragment asks for, as the CLI reads `--preset NAME` with
 * flags: the preset's plan first, then each field the link gives on top.
 * A link with no plan field at all shows the default preset; GPU aliases
 * (`h100`) become catalogue ids, and a value that names nothing the page
 * knows is left out with a message saying so.
 */
export function readLink(hash: string): LinkReading {
  const shared = stateFromHash(hash) ?? {}
  const problems = new Map<string, string>()
  const planKeys = Object.keys(shared).filter(
    key => key !== 'preset' && !key.startsWith('wi')
  )
  const presetId =
    shared.preset ?? (planKeys.length === 0 ? DEFAULT_PRESET : undefined)
  const preset = getPlanPreset(presetId ?? '')
  if (presetId !== undefined && preset === undefined)
    problems.set(
      'preset',
      `"${presetId}" from the link is not a preset of this page; choose one in this list, or fill in the fields`
    )
  const state: PageState = {
    ...(preset === undefined ? {} : presetState(preset)),
    ...shared
  }
  if (preset === undefined) delete state.preset
  for (const key of GPU_KEYS) resolveGpu(state, key, problems)
  return { state, problems }
}

/** Replaces a GPU alias by its catalogue id, or drops an unknown GPU. */
function resolveGpu(
  state: PageState,
  key: string,
  problems: Map<string, string>
): void {
  const value = state[key]
  if (value === undefined) return
  try {
    state[key] = resolvePlanGpu(value).id
  } catch {
    delete state[key]
    problems.set(
      key,
      `"${value}" from the link is not a GPU model, id or alias in the catalogue (calibration-data/hardware.json); choose one in this list`
    )
  }
}

/**
 * Values the form could not show as the link gave them (a select or a
 * radio has no such choice): each is a problem, so the page never
 * estimates silently with a default in its place.
 */
export function unshownValues(
  wanted: PageState,
  shown: PageState,
  problems: Map<string, string>
): void {
  for (const [key, value] of Object.entries(wanted)) {
    if (problems.has(key) || sameValue(key, value, shown[key])) continue
    problems.set(
      key,
      `"${value}" from the link is not one of the choices here; choose one`
    )
  }
}

/** True when the form shows `value` (speed-ups in any order). */
function sameValue(key: string, value: string, shown = ''): boolean {
  if (key !== 'speedups') return value.trim() === shown
  const set = (text: string): string =>
    text
      .split(',')
      .map(s => s.trim())
      .filter(s => s !== '')
      .sort()
      .join(',')
  return set(value) === set(shown)
}
