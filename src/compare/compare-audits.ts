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
    return {
      ...summary,
      change_percent: null,
      verdict: 'neutral',
      reasons: [...differences, ...chosen.reasons],
      comparable: false,
      within_noise: false,
      gates: []
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
  const budget = gates.carbonBudgetKg
  const overBudget = budget !== undefined && head.carbon.kg > budget
  if (overBudget) {
    reasons.push(
      `carbon ${formatQuantity(head.carbon.kg, 'kg CO2e')} exceeds the ${formatNumber(budget)} kg budget, and no baseline shows it was already over`
    )
  }
  const budgetGates =
    budget === undefined
      ? []
      : [
          {
            name: 'carbon-budget-kg' as const,
            limit: budget,
            value: head.carbon.kg,
            passed: !overBudget
          }
        ]
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
