/**
 * The accepted range of every number a plan takes, shared by the zod
 * schema of `PlanInput` and the CLI's flags so both name the same range.
 */
import { USER_PUE_MAX, USER_PUE_MIN } from '../calibration/pue.js'

/** An accepted range: [min, max], or (min, max] with `minExclusive`. */
export interface NumberRule {
  min: number
  max: number
  minExclusive?: boolean
  integer?: boolean
  /** What the number is, with its unit. */
  meaning: string
}

/** The numeric fields of a plan, by field name. */
export const PLAN_NUMBER_RULES = {
  params: rule(0, 1e15, 'parameters; for MoE the active ones', true),
  tokens: rule(
    0,
    1e17,
    'training tokens, or tokens per day for inference',
    true
  ),
  days: rule(0, 36_500, 'days of serving (inference only)', true),
  gpus: { ...rule(1, 10_000_000, 'GPUs in the run'), integer: true },
  mfu: rule(0, 1, 'model-FLOPs utilisation, a fraction', true),
  pue: rule(USER_PUE_MIN, USER_PUE_MAX, 'facility energy ÷ IT energy'),
  utilisation: rule(0, 1, 'power utilisation between idle and max power'),
  powerCapW: rule(0, 5000, 'power cap per GPU in W', true),
  gpuHourPriceUsd: rule(0, 10_000, 'USD per GPU-hour'),
  electricityPriceUsdPerKWh: rule(0, 100, 'USD per kWh of facility energy'),
  flopsPerParamToken: rule(0, 1000, 'FLOPs per parameter per token', true),
  peakTflops: rule(0, 1_000_000, 'peak TFLOP/s per GPU', true),
  gpuPowerW: rule(0, 5000, 'fixed power per GPU in W', true),
  intensityGPerKWh: rule(0, 2000, 'grid carbon intensity in gCO2e/kWh'),
  carKmPerKg: rule(0, 1000, 'car km per kg CO2e', true)
} as const satisfies Record<string, NumberRule>

/** A numeric field of a plan. */
export type PlanNumberField = keyof typeof PLAN_NUMBER_RULES

function rule(
  min: number,
  max: number,
  meaning: string,
  minExclusive = false
): NumberRule {
  return { min, max, meaning, minExclusive }
}

/** True when `value` is a finite number inside `rule`. */
export function fitsRule(value: unknown, rule: NumberRule): value is number {
  if (typeof value !== 'number' || !Number.isFinite(value)) return false
  if (rule.integer === true && !Number.isInteger(value)) return false
  const aboveMin =
    rule.minExclusive === true ? value > rule.min : value >= rule.min
  return aboveMin && value <= rule.max
}

/** `a number greater than 0 and at most 1 (model-FLOPs utilisation …)`. */
export function describeRule(rule: NumberRule): string {
  const [min, max] = [formatLimit(rule.min), formatLimit(rule.max)]
  const range =
    rule.minExclusive === true
      ? `greater than ${min} and at most ${max}`
      : `from ${min} to ${max}`
  const noun = rule.integer === true ? 'a whole number' : 'a number'
  return `${noun} ${range} (${rule.meaning})`
}

/** `5,000` below a million, `1e15` from there on. */
function formatLimit(value: number): string {
  if (Math.abs(value) < 1e6) return value.toLocaleString('en-US')
  return value.toExponential().replace('e+', 'e')
}
