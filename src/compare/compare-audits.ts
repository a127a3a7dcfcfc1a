import type { AuditResult, Comparison } from '../audit/audit-schema.js'
import { formatNumber, formatQuantity } from '../report/format-number.js'
import { applyGates } from './apply-gates.js'
import { chooseMetric, incomparableReasons } from './comparability.js'
import type { GateOptions } from './gate-options.js'
import { METRIC_WORDS, type Measurement, measure } from './measurement.js'

/**
 * Compares a head audit with its base and applies the gates, returning the
 * result's `comparison` block. Pure: no I/O, the same inputs give the same
 * block. `baselineSource` says where the base came from (a file, a run).
 */
export function compareAudits(
  base: AuditResult | undefined,
  head: AuditResult,
  gates: GateOptions,
  baselineSource: string
): Comparison {
  if (base === undefined) return missingBaseline(head, gates, baselineSource)

  const chosen = chooseMetric(base, head)
  const measurement = measure(base, head, chosen.metric)
  const summary = describe(measurement, baselineSource)
  const differences = incomparableReasons(base, head)
  if (differences.length > 0) {
    const budget = absoluteBudget(head, base, gates.carbonBudgetKg)
    return {
      ...summary,
      change_percent: null,
      verdict: budget?.passed === false ? 'fail' : 'neutral',
      reasons: [...differences, ...chosen.reasons, ...(budget?.reasons ?? [])],
      comparable: false,
      within_noise: false,
      gates: budget === undefined ? [] : [budget.gate]
    }
  }

  const zeroBase = zeroBaseReason(measurement)
  const outcome = applyGates(measurement, gates)
  return {
    ...summary,
    verdict: outcome.verdict,
    reasons: [...chosen.reasons, ...zeroBase, ...outcome.reasons],
    comparable: true,
    within_noise: outcome.withinNoise,
    gates: outcome.gates
  }
}

/** The fields every comparison with a base carries. */
function describe(
  m: Measurement,
  baselineSource: string
): Omit<Comparison, 'verdict' | 'reasons'> {
  return {
    baseline_source: baselineSource,
    change_percent: m.changePercent,
    metric: m.metric,
    unit: METRIC_WORDS[m.metric].unit,
    base_value: m.baseValue,
    head_value: m.headValue,
    change_value: m.changeValue,
    base_carbon_kg: m.baseCarbonKg
  }
}

/** Says why there is no percentage when the base is 0 and the head not. */
function zeroBaseReason(m: Measurement): string[] {
  if (m.changePercent !== null) return []
  const { label, unitText } = METRIC_WORDS[m.metric]
  return [`base ${label} is 0 ${unitText}; relative change undefined`]
}

/**
 * No baseline: the verdict is the on-missing-baseline policy, except that
 * an absolute budget still holds: with no base to show it was already
 * broken, a head over budget fails.
 */
function missingBaseline(
  head: AuditResult,
  gates: GateOptions,
  baselineSource: string
): Comparison {
  const policy = gates.onMissingBaseline
  const reasons = [
    `no baseline (${baselineSource}): ${policy} by on-missing-baseline`
  ]
  const budget = absoluteBudget(head, undefined, gates.carbonBudgetKg)
  reasons.push(...(budget?.reasons ?? []))
  const overBudget = budget?.passed === false
  const budgetGates = budget === undefined ? [] : [budget.gate]
  return {
    baseline_source: baselineSource,
    change_percent: null,
    verdict: overBudget ? 'fail' : policy,
    reasons,
    metric: 'carbon',
    unit: 'kg',
    base_value: null,
    head_value: head.carbon.kg,
    change_value: null,
    base_carbon_kg: null,
    comparable: null,
    within_noise: false,
    gates: budgetGates
  }
}

/**
 * The absolute budget, which holds even when there is nothing to compare
 * with (no baseline, or one on other hardware or workload): a head over
 * the budget fails unless the base was already over it and the head is
 * no worse in kg CO2e.
 */
function absoluteBudget(
  head: AuditResult,
  base: AuditResult | undefined,
  budgetKg: number | undefined
) {
  if (budgetKg === undefined) return undefined
  const headKg = head.carbon.kg
  const over = headKg > budgetKg
  const alreadyOver =
    base !== undefined && base.carbon.kg > budgetKg && headKg <= base.carbon.kg
  const passed = !over || alreadyOver
  const gate = {
    name: 'carbon-budget-kg' as const,
    limit: budgetKg,
    value: headKg,
    passed
  }
  const headText = formatQuantity(headKg, 'kg CO2e')
  const limit = `${formatNumber(budgetKg)} kg budget`
  const why = !over
    ? []
    : alreadyOver
      ? [
          `carbon ${headText} exceeds the ${limit}, but the base was already over it (${formatQuantity(base.carbon.kg, 'kg CO2e')}) and this is no worse`
        ]
      : base === undefined
        ? [
            `carbon ${headText} exceeds the ${limit}, and no baseline shows it was already over`
          ]
        : [
            `carbon ${headText} exceeds the ${limit}; the budget holds even though the base is not comparable`
          ]
  return { gate, passed, reasons: why }
}
