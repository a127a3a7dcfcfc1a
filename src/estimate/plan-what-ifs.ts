/**
 * What-ifs estimated next to the baseline, with the change in time,
 * energy, carbon and cost. A change from 0, or to or from an unknown cost,
 * is null with the reason, never NaN or Infinity.
 */
import { estimatePlan } from './plan-estimate.js'
import type { PlanInput } from './plan-input.js'
import type { PlanEstimate } from './plan-schema.js'
import { WHAT_IFS } from './plan-what-if-catalogue.js'
import { resolveWhatIf } from './plan-what-if-params.js'

export { type WhatIf, WHAT_IFS } from './plan-what-if-catalogue.js'
export {
  PARAMETERISED_WHAT_IFS,
  type ParameterisedWhatIf,
  resolveWhatIf
} from './plan-what-if-params.js'

/** Percent changes against the baseline; null where there is none. */
export interface WhatIfChange {
  hours_pct: number | null
  energy_pct: number | null
  carbon_pct: number | null
  cost_pct: number | null
}

/** One what-if estimated. */
export interface WhatIfCase {
  id: string
  title: string
  source: string
  estimate: PlanEstimate
  change: WhatIfChange
  /** Why a change is null. */
  reasons: string[]
}

/** The baseline, each what-if, and those that do not apply to this plan. */
export interface WhatIfComparison {
  baseline: PlanEstimate
  cases: WhatIfCase[]
  skipped: { id: string; title: string; reason: string }[]
}

/**
 * Estimates `input` and each what-if (`ids` as `fp8` or `gpu=h200-sxm`;
 * default: every what-if that takes no parameter).
 */
export function compareWhatIfs(
  input: PlanInput,
  ids: readonly string[] = WHAT_IFS.map(w => w.id)
): WhatIfComparison {
  const baseline = estimatePlan(input)
  const comparison: WhatIfComparison = { baseline, cases: [], skipped: [] }
  for (const whatIf of ids.map(resolveWhatIf)) {
    const reason = whatIf.notApplicable?.(input) ?? null
    const { id, title, source } = whatIf
    if (reason !== null) {
      comparison.skipped.push({ id, title, reason })
      continue
    }
    const estimate = estimatePlan(whatIf.apply(input))
    comparison.cases.push({
      id,
      title,
      source,
      estimate,
      ...changeOf(baseline, estimate)
    })
  }
  return comparison
}

/** The four changes and the reasons for any that are null. */
function changeOf(
  base: PlanEstimate,
  next: PlanEstimate
): { change: WhatIfChange; reasons: string[] } {
  const reasons: string[] = []
  const pct = (
    name: string,
    from: number | null,
    to: number | null
  ): number | null => {
    if (from === null || to === null) {
      reasons.push(`${name}: no price given, so no cost to compare`)
      return null
    }
    if (from === 0) {
      if (to !== 0)
        reasons.push(
          `${name}: the baseline is 0, so a change from it has no percentage`
        )
      return to === 0 ? 0 : null
    }
    return ((to - from) / from) * 100
  }
  const change = {
    hours_pct: pct('time', base.hours, next.hours),
    energy_pct: pct(
      'energy',
      base.energy.facility_kwh,
      next.energy.facility_kwh
    ),
    carbon_pct: pct('carbon', base.carbon.kg, next.carbon.kg),
    cost_pct: pct('cost', base.cost.total_usd, next.cost.total_usd)
  }
  return { change, reasons }
}
