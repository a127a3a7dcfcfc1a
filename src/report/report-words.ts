import type { AuditResult, GroundingLevel } from '../audit/audit-schema.js'
import { NOT_KNOWN } from './format-number.js'

/**
 * Wording shared by the Markdown and the text reports, so both say the
 * same thing about what a result covers and what a missing value means.
 */

/** What each grounding level's energy covers (DESIGN section 3). */
export const LEVEL_COVERAGE: Readonly<Record<GroundingLevel, string>> = {
  L1: 'static estimate from rated power and time, wide bounds',
  L2: 'measured GPU power, PUE applied, host not modelled',
  L3: 'whole node: measured GPUs plus calibrated host, PUE applied'
}

/** Why cost may be missing: it needs a price and none was given. */
export const COST_NOT_COMPUTED = 'not computed — no price given'

/** What a dash in a device row stands for: not known, never zero. */
export const DASH_MEANING = `${NOT_KNOWN} means not known: no name in the file, or no power readings`

/** The currency costs are stated in (raw file text: escape it). */
export function costUnit(result: AuditResult): string {
  return result.cost.currency === '' ? 'USD' : result.cost.currency
}

/** Counts the devices at each level, as `L2: 6, L1: 2`, highest first. */
export function levelCounts(result: AuditResult): string {
  const counts = new Map<GroundingLevel, number>()
  for (const device of result.devices) {
    counts.set(device.level, (counts.get(device.level) ?? 0) + 1)
  }
  const levels: GroundingLevel[] = ['L3', 'L2', 'L1']
  return levels
    .filter(level => counts.has(level))
    .map(level => `${level}: ${counts.get(level) ?? 0}`)
    .join(', ')
}

/** Sum of a warning list's occurrences, aggregated ones counted in full. */
export function countWarnings(result: AuditResult): number {
  return result.warnings.reduce((sum, w) => sum + (w.count ?? 1), 0)
}
