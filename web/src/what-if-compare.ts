import {
  type PlanInput,
  PlanInputError
} from '../../src/estimate/plan-input.js'
import { PLAN_NUMBER_RULES } from '../../src/estimate/plan-number-rules.js'
import {
  compareWhatIfs,
  resolveWhatIf,
  type WhatIfComparison
} from '../../src/estimate/plan-what-ifs.js'
import { showFieldError } from './field-errors.js'
import type { PageState } from './plan-state.js'

/** The what-if choices that take a value, by state key and what-if id. */
const PARAMETERS = [
  { key: 'wiGpu', id: 'gpu' },
  { key: 'wiRegion', id: 'region' },
  { key: 'wiGpus', id: 'gpus' }
] as const

/** One chosen what-if: its state key and its spec, `gpus=128`. */
export interface ChosenSpec {
  key: string
  spec: string
}

/** The estimated what-ifs and those that do not apply. */
export type WhatIfRows = Pick<WhatIfComparison, 'cases' | 'skipped'>

/** Sensible what-if choices for a plan the state leaves open. */
export function defaultWhatIfChoices(
  input: PlanInput,
  state: PageState
): PageState {
  return {
    wiGpu: state.wiGpu ?? (input.gpu === 'h200-sxm' ? 'h100-sxm' : 'h200-sxm'),
    wiRegion:
      state.wiRegion ?? (input.region?.toUpperCase() === 'FR' ? 'SE' : 'FR'),
    wiGpus: state.wiGpus ?? String(otherGpuCount(input.gpus))
  }
}

/**
 * Twice the plan's GPUs, or half where twice would pass the largest count
 * a plan accepts (PLAN_NUMBER_RULES.gpus), so the default is always valid.
 */
function otherGpuCount(gpus: number): number {
  const { max } = PLAN_NUMBER_RULES.gpus
  return gpus * 2 <= max ? gpus * 2 : Math.max(1, Math.floor(gpus / 2))
}

/**
 * `gpu=…`, `region=…`, `gpus=…` for the choices that are valid; each
 * invalid one is named next to its field.
 */
export function chosenSpecs(choices: PageState): ChosenSpec[] {
  const specs: ChosenSpec[] = []
  for (const { key, id } of PARAMETERS) {
    const spec = `${id}=${(choices[key] ?? '').trim()}`
    try {
      resolveWhatIf(spec)
      specs.push({ key, spec })
      showFieldError(key, undefined)
    } catch (error) {
      showFieldError(key, problemText(error))
    }
  }
  return specs
}

/**
 * Every what-if estimated in one pass; where that fails, each on its own,
 * so one that cannot be estimated (a count past the limit, a region the
 * data lacks) is named next to its field and the others still show.
 */
export function compareEach(
  input: PlanInput,
  fixed: readonly string[],
  chosen: readonly ChosenSpec[]
): WhatIfRows {
  try {
    return compareWhatIfs(input, [...fixed, ...chosen.map(c => c.spec)])
  } catch {
    const rows: WhatIfRows = { cases: [], skipped: [] }
    const merge = (one: WhatIfComparison): void => {
      rows.cases.push(...one.cases)
      rows.skipped.push(...one.skipped)
    }
    for (const id of fixed) {
      const one = tryCompare(input, id)
      if (typeof one !== 'string') merge(one)
      else rows.skipped.push({ id, title: id, reason: one })
    }
    for (const { key, spec } of chosen) {
      const one = tryCompare(input, spec)
      if (typeof one !== 'string') merge(one)
      else showFieldError(key, one)
    }
    return rows
  }
}

/** One what-if compared, or why it cannot be. */
function tryCompare(input: PlanInput, spec: string): WhatIfComparison | string {
  try {
    return compareWhatIfs(input, [spec])
  } catch (error) {
    return problemText(error)
  }
}

/**
 * An engine error as one line for the field it belongs to: its problems,
 * with a leading field name dropped where the message goes on with what
 * it got or expected (the field's label already names it).
 */
export function problemText(error: unknown): string {
  const lines =
    error instanceof PlanInputError
      ? [...error.problems]
      : [error instanceof Error ? error.message : String(error)]
  return lines
    .map(line =>
      line
        .replace(/^what-if [\w-]+: /, '')
        .replace(/^[\w -]+: (?=got |expected |")/, '')
    )
    .join(' ')
}
