/**
 * Command-line flags of the planning mode, turned into a PlanInput on top
 * of a preset. Problems name the flag the user typed, its value and the
 * accepted range, one line each.
 */
import { type PlanInput, PlanInputError, parsePlanInput } from './plan-input.js'
import {
  describeRule,
  fitsRule,
  PLAN_NUMBER_RULES,
  type PlanNumberField
} from './plan-number-rules.js'

/** Numeric flags and the plan field each sets. */
export const PLAN_NUMBER_FLAGS = {
  params: 'params',
  tokens: 'tokens',
  days: 'days',
  gpus: 'gpus',
  mfu: 'mfu',
  pue: 'pue',
  utilisation: 'utilisation',
  'power-cap-w': 'powerCapW',
  'gpu-hour-price': 'gpuHourPriceUsd',
  'electricity-price': 'electricityPriceUsdPerKWh',
  'peak-tflops': 'peakTflops',
  intensity: 'intensityGPerKWh'
} as const satisfies Record<string, PlanNumberField>

/** Text flags and the plan field each sets. */
export const PLAN_TEXT_FLAGS = {
  kind: 'kind',
  gpu: 'gpu',
  region: 'region',
  'node-profile': 'nodeProfile',
  workload: 'workload'
} as const satisfies Record<string, keyof PlanInput>

/** Flags that only the planning mode has (a published run has none). */
export const PLANNING_ONLY_FLAGS = [
  'params',
  'tokens',
  'days',
  'gpus',
  'mfu',
  'utilisation',
  'power-cap-w',
  'peak-tflops',
  'kind',
  'gpu',
  'region',
  'node-profile',
  'workload',
  'preset',
  'what-if'
] as const

/** The plan fields the required flags set, when no preset gives them. */
const REQUIRED = ['params', 'tokens', 'gpu', 'gpus'] as const

/** Flag values as node:util parseArgs returns them. */
export type FlagValues = Partial<Record<string, string | boolean | undefined>>

/**
 * The plan the flags describe, over `preset` when one was named. Throws a
 * PlanInputError whose lines name flags (`--mfu must be …, got "1.5"`).
 */
export function planInputFromFlags(
  values: FlagValues,
  preset?: PlanInput
): PlanInput {
  const problems: string[] = []
  const raw: Record<string, unknown> = { ...preset }
  for (const [flag, field] of Object.entries(PLAN_NUMBER_FLAGS)) {
    const text = values[flag]
    if (typeof text !== 'string') continue
    const value = parseNumber(text)
    const rule = PLAN_NUMBER_RULES[field]
    if (fitsRule(value, rule)) raw[field] = value
    else problems.push(`--${flag} must be ${describeRule(rule)}, got "${text}"`)
  }
  for (const [flag, field] of Object.entries(PLAN_TEXT_FLAGS)) {
    const text = values[flag]
    if (typeof text === 'string') raw[field] = text
  }
  raw.kind ??= 'training'
  problems.push(...missing(raw, values))
  if (problems.length > 0) throw new PlanInputError(problems)
  return withFlagNames(() => parsePlanInput(raw))
}

/** A strict decimal or exponent number; NaN for anything else (`abc`, `1e`). */
function parseNumber(text: string): number {
  const number = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/.test(text.trim())
  return number ? Number(text) : Number.NaN
}

/** One line naming the required flags neither given nor in the preset. */
function missing(raw: Record<string, unknown>, values: FlagValues): string[] {
  // The required fields' flags carry the fields' names.
  const absent = REQUIRED.filter(
    field => raw[field] === undefined && values[field] === undefined
  )
  if (absent.length === 0) return []
  return [
    `the planning mode needs --params, --tokens, --gpu and --gpus (or --preset NAME); missing: ${absent.map(f => `--${f}`).join(', ')}`
  ]
}

/** Field names in a PlanInputError's lines become the flags that set them. */
export function withFlagNames<T>(run: () => T): T {
  try {
    return run()
  } catch (error) {
    if (!(error instanceof PlanInputError)) throw error
    throw new PlanInputError(error.problems.map(renameField))
  }
}

const FLAG_OF_FIELD = new Map<string, string>([
  ...Object.entries(PLAN_NUMBER_FLAGS).map(
    ([flag, field]): [string, string] => [field, `--${flag}`]
  ),
  ...Object.entries(PLAN_TEXT_FLAGS).map(([flag, field]): [string, string] => [
    field,
    `--${flag}`
  ]),
  ['speedups', '--what-if']
])

/** `powerCapW: …` → `--power-cap-w: …`; lines of preset-only fields stay. */
function renameField(line: string): string {
  const [field = '', ...rest] = line.split(':')
  const flag = FLAG_OF_FIELD.get(field)
  return flag === undefined ? line : [flag, ...rest].join(':')
}
