import { z } from 'zod'
import { UsageError } from '../cli/usage-error.js'

/**
 * Gate settings of a comparison with the base branch, as one checked
 * object. The action inputs and the `compare` flags arrive as text and go
 * through `parseGateOptions`, which names the input and the value received.
 */

/** What a missing baseline decides: `on-missing-baseline`. */
export const MISSING_BASELINE_POLICIES = ['neutral', 'fail', 'pass'] as const
export const MissingBaselinePolicy = z.enum(MISSING_BASELINE_POLICIES)
export type MissingBaselinePolicy = z.infer<typeof MissingBaselinePolicy>

const amount = z.number().nonnegative().finite()

/** Checked gate settings; every gate is off unless given. */
export const GateOptions = z.object({
  /** `max-increase`: fail when the change is above this many percent. */
  maxIncreasePercent: amount.optional(),
  /** `carbon-budget-kg`: fail when the head's carbon is above this. */
  carbonBudgetKg: amount.optional(),
  /** `min-change` in percent: smaller changes are noise and pass. */
  minChangePercent: amount.optional(),
  /** `min-change` in kg CO2e: smaller changes are noise and pass. */
  minChangeKg: amount.optional(),
  onMissingBaseline: MissingBaselinePolicy.default('neutral')
})
export type GateOptions = z.output<typeof GateOptions>

/** The gate inputs as text, keyed by their action input names. */
export interface GateTexts {
  'max-increase'?: string | undefined
  'carbon-budget-kg'?: string | undefined
  'min-change'?: string | undefined
  'on-missing-baseline'?: string | undefined
}

/** A plain decimal number, optionally signed, without units. */
const DECIMAL = /^[+-]?(?:\d+\.?\d*|\.\d+)$/

/** A finite, non-negative plain decimal. */
function isAmount(text: string): boolean {
  return (
    DECIMAL.test(text) && Number(text) >= 0 && Number.isFinite(Number(text))
  )
}

/**
 * Reads the gate inputs; `prefix` is put before each name in messages
 * (`--` for CLI flags). Throws UsageError for a value it cannot read.
 */
export function parseGateOptions(texts: GateTexts, prefix = ''): GateOptions {
  const floor = parseMinChange(texts['min-change'], `${prefix}min-change`)
  return GateOptions.parse({
    maxIncreasePercent: parsePercent(
      texts['max-increase'],
      `${prefix}max-increase`
    ),
    carbonBudgetKg: parseKg(
      texts['carbon-budget-kg'],
      `${prefix}carbon-budget-kg`
    ),
    minChangePercent: floor.percent,
    minChangeKg: floor.kg,
    onMissingBaseline: parsePolicy(
      texts['on-missing-baseline'],
      `${prefix}on-missing-baseline`
    )
  })
}

/** `10%`, `10 %` or `10` → 10; anything else is a usage error. */
function parsePercent(
  text: string | undefined,
  name: string
): number | undefined {
  const value = text?.trim()
  if (value === undefined || value === '') return undefined
  const number = value.replace(/\s*%$/, '')
  if (isAmount(number)) return Number(number)
  throw new UsageError(
    `${name} must be a percentage such as 10% or 10, got "${text}"`
  )
}

/** `2.5` or `2.5kg` → 2.5; anything else is a usage error. */
function parseKg(text: string | undefined, name: string): number | undefined {
  const value = text?.trim()
  if (value === undefined || value === '') return undefined
  const number = value.replace(/\s*kg$/i, '')
  if (isAmount(number)) return Number(number)
  throw new UsageError(
    `${name} must be a mass in kg CO2e such as 2.5 or 2.5kg, got "${text}"`
  )
}

/**
 * `2%`, `0.1kg`, or both separated by a comma (`2%,0.1kg`); a bare number
 * is a percentage, as for max-increase.
 */
function parseMinChange(
  text: string | undefined,
  name: string
): { percent?: number; kg?: number } {
  const floor: { percent?: number; kg?: number } = {}
  const parts = (text ?? '').split(',').map(part => part.trim())
  for (const part of parts.filter(Boolean)) {
    const isKg = /kg$/i.test(part)
    const key = isKg ? 'kg' : 'percent'
    if (floor[key] !== undefined) throw minChangeError(name, text)
    try {
      floor[key] = isKg ? parseKg(part, name) : parsePercent(part, name)
    } catch {
      throw minChangeError(name, text)
    }
  }
  return floor
}

/** The usage error of an unreadable min-change. */
function minChangeError(name: string, text: string | undefined): UsageError {
  return new UsageError(
    `${name} must be a percentage (2%), a mass (0.1kg) or both (2%,0.1kg), got "${text}"`
  )
}

/** One of neutral, fail, pass; neutral when not given. */
function parsePolicy(
  text: string | undefined,
  name: string
): MissingBaselinePolicy {
  const value = text?.trim()
  if (value === undefined || value === '') return 'neutral'
  const parsed = MissingBaselinePolicy.safeParse(value)
  if (parsed.success) return parsed.data
  throw new UsageError(
    `${name} must be one of ${MISSING_BASELINE_POLICIES.join(', ')}, got "${text}"`
  )
}
