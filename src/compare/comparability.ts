import type { AuditResult, COMPARISON_METRICS } from '../audit/audit-schema.js'
import { safeText } from '../report/escape-text.js'

/**
 * Whether two audit results can be compared, and on what. Different
 * hardware or workload makes a change meaningless (a slower GPU model is
 * not a regression in the code); a different region or PUE changes carbon
 * without any change in the work, so the comparison falls back to energy.
 */

/** The quantity a comparison measures. */
export type ComparisonMetric = (typeof COMPARISON_METRICS)[number]

/** Longest piece of file text quoted in a reason. */
const QUOTE_LENGTH = 60

/** Two PUE values closer than this are the same value. */
const PUE_TOLERANCE = 1e-9

/** Why base and head cannot be compared; empty when they can. */
export function incomparableReasons(
  base: AuditResult,
  head: AuditResult
): string[] {
  const reasons: string[] = []
  const baseGpus = describeGpus(base)
  const headGpus = describeGpus(head)
  if (baseGpus !== headGpus) {
    reasons.push(
      `hardware differs (${baseGpus} vs ${headGpus}): not comparable`
    )
  }
  if (base.grounding.level !== head.grounding.level) {
    reasons.push(
      `grounding level differs (${base.grounding.level} vs ${head.grounding.level}): a different method, or missing readings, not a change in the work; not comparable`
    )
  }
  const baseWorkload = quote(base.assumptions.workload?.value)
  const headWorkload = quote(head.assumptions.workload?.value)
  if (baseWorkload !== headWorkload) {
    reasons.push(
      `workload differs (${baseWorkload} vs ${headWorkload}): not comparable`
    )
  }
  return reasons
}

/**
 * Carbon when region and PUE agree; facility energy when only the region
 * differs; IT energy (before PUE) when the PUE differs, since facility
 * energy moves with the PUE. The reasons say which and why.
 */
export function chooseMetric(
  base: AuditResult,
  head: AuditResult
): { metric: ComparisonMetric; reasons: string[] } {
  const reasons: string[] = []
  const baseRegion = quote(base.carbon.region)
  const headRegion = quote(head.carbon.region)
  const regionDiffers = baseRegion !== headRegion
  const basePue = base.assumptions.pue?.value
  const headPue = head.assumptions.pue?.value
  const pueDiffers = !samePue(basePue, headPue)
  if (pueDiffers) {
    const pues = `${quote(basePue)} vs ${quote(headPue)}`
    reasons.push(`PUE differs (${pues}): compared on IT energy before PUE`)
  }
  if (regionDiffers) {
    const basis = pueDiffers ? 'IT energy' : 'energy'
    reasons.push(
      `regions differ (${baseRegion} vs ${headRegion}): compared on ${basis}`
    )
  }
  if (pueDiffers) return { metric: 'it_energy', reasons }
  return { metric: regionDiffers ? 'facility_energy' : 'carbon', reasons }
}

/** The value a metric compares: kg CO2e or kWh. */
export function metricValue(
  result: AuditResult,
  metric: ComparisonMetric
): number {
  switch (metric) {
    case 'carbon':
      return result.carbon.kg
    case 'facility_energy':
      return result.energy.facility_kwh
    case 'it_energy':
      return result.energy.it_kwh
  }
}

/** The GPUs as a sorted multiset: `2 × h100-sxm`, or `no GPUs`. */
function describeGpus(result: AuditResult): string {
  const counts = new Map<string, number>()
  for (const device of result.devices) {
    if (device.kind !== 'gpu') continue
    const model = quote(device.hardware_id ?? device.name ?? 'unnamed GPU')
    counts.set(model, (counts.get(model) ?? 0) + 1)
  }
  if (counts.size === 0) return 'no GPUs'
  return [...counts]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([model, count]) => `${count} × ${model}`)
    .join(', ')
}

/** Equal PUE values, allowing for floating-point noise. */
function samePue(
  base: string | number | null | undefined,
  head: string | number | null | undefined
): boolean {
  if (typeof base === 'number' && typeof head === 'number') {
    return Math.abs(base - head) <= PUE_TOLERANCE
  }
  return base === head
}

/** A value from a file, safe and short enough to quote in a reason. */
function quote(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return 'not stated'
  return safeText(String(value), QUOTE_LENGTH)
}
