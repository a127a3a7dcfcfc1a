import type { Comparison, GateResult } from '../audit/audit-schema.js'
import {
  formatChangePercent,
  formatNumber,
  formatQuantity
} from '../report/format-number.js'
import type { GateOptions } from './gate-options.js'
import { type Measurement, METRIC_WORDS, changeKg } from './measurement.js'

/**
 * The gates on a comparable measurement. Only the worse direction fails
 * (a −50 % change passes any max-increase); a change inside the noise
 * floor passes without gating; a carbon budget already broken on the base
 * blocks only a change that makes it worse.
 */

/**
 * Slack in every limit check, in the limit's unit, for floating-point
 * rounding: 0.1 → 0.11 kg computes as +10.000000000000009 %, which must
 * not fail a 10 % limit.
 */
const ROUNDING_SLACK = 1e-9

/** What the gates decided, with one reason per decision. */
export interface GateOutcome {
  verdict: Comparison['verdict']
  gates: GateResult[]
  reasons: string[]
  withinNoise: boolean
}

/** Applies the noise floor, then max-increase and carbon-budget-kg. */
export function applyGates(m: Measurement, options: GateOptions): GateOutcome {
  const none = { gates: [], withinNoise: false }
  if (
    options.maxIncreasePercent === undefined &&
    options.carbonBudgetKg === undefined
  ) {
    const reasons = ['no gate set: nothing to pass or fail']
    return { ...none, verdict: 'neutral', reasons }
  }
  const noise = noiseFloorReason(m, options)
  if (noise !== undefined) {
    return { ...none, verdict: 'pass', reasons: [noise], withinNoise: true }
  }
  const gates: GateResult[] = []
  const reasons: string[] = []
  for (const check of [maxIncreaseGate, budgetGate]) {
    const outcome = check(m, options)
    if (outcome.gate) gates.push(outcome.gate)
    if (outcome.reason) reasons.push(outcome.reason)
  }
  return { verdict: verdictOf(gates), gates, reasons, withinNoise: false }
}

/** `within noise floor: …` when either floor covers the change. */
function noiseFloorReason(
  m: Measurement,
  options: GateOptions
): string | undefined {
  const label = METRIC_WORDS[m.metric].label
  const percent = options.minChangePercent
  if (
    percent !== undefined &&
    m.changePercent !== null &&
    atMost(Math.abs(m.changePercent), percent)
  ) {
    return `within noise floor: ${label} ${formatChangePercent(m.changePercent)} is inside ±${formatNumber(percent)} %`
  }
  const kg = options.minChangeKg
  const deltaKg = changeKg(m)
  if (kg !== undefined && atMost(Math.abs(deltaKg), kg)) {
    const energy = m.metric === 'carbon' ? '' : ' at the head’s kg CO2e per kWh'
    return `within noise floor: ${label} change of ${signed(deltaKg)} kg CO2e${energy} is inside ±${formatNumber(kg)} kg`
  }
  return undefined
}

/** One gate's outcome: its result when it applied, and what to say. */
interface GateCheck {
  gate?: GateResult
  reason?: string
}

/** max-increase: fails when the change is above the limit. */
function maxIncreaseGate(m: Measurement, options: GateOptions): GateCheck {
  const limit = options.maxIncreasePercent
  if (limit === undefined) return {}
  const label = METRIC_WORDS[m.metric].label
  if (m.changePercent === null) {
    return { reason: 'max-increase not applied: relative change undefined' }
  }
  const passed = atMost(m.changePercent, limit)
  const change = `${label} ${formatChangePercent(m.changePercent)}`
  return {
    gate: { name: 'max-increase', limit, value: m.changePercent, passed },
    reason: `${change} ${passed ? 'is within' : 'exceeds'} max-increase ${formatNumber(limit)} %`
  }
}

/** carbon-budget-kg: the head's carbon against an absolute limit. */
function budgetGate(m: Measurement, options: GateOptions): GateCheck {
  const limit = options.carbonBudgetKg
  if (limit === undefined) return {}
  const head = formatQuantity(m.headCarbonKg, 'kg CO2e')
  const budget = `the ${formatNumber(limit)} kg budget`
  const gate = (passed: boolean): GateResult => ({
    name: 'carbon-budget-kg',
    limit,
    value: m.headCarbonKg,
    passed
  })
  if (atMost(m.headCarbonKg, limit)) {
    return { gate: gate(true), reason: `carbon ${head} is within ${budget}` }
  }
  const base = formatQuantity(m.baseCarbonKg, 'kg CO2e')
  if (!atMost(m.baseCarbonKg, limit) && m.changeValue <= 0) {
    const reason = `carbon ${head} exceeds ${budget}, already exceeded on the base (${base}) and not made worse`
    return { gate: gate(true), reason }
  }
  return {
    gate: gate(false),
    reason: `carbon ${head} exceeds ${budget} (base ${base})`
  }
}

/** Fail when a gate failed, pass when one applied, else neutral. */
function verdictOf(gates: readonly GateResult[]): Comparison['verdict'] {
  if (gates.some(gate => !gate.passed)) return 'fail'
  return gates.length > 0 ? 'pass' : 'neutral'
}

/** value ≤ limit, allowing for rounding. */
function atMost(value: number, limit: number): boolean {
  return value - limit <= ROUNDING_SLACK
}

/** A number with its sign: `+0.05`, `-0.1`, `0`. */
function signed(value: number): string {
  return `${value > 0 ? '+' : ''}${formatNumber(value)}`
}
