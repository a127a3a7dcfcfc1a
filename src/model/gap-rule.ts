/**
 * When an interval between two readings stops being bridged: longer than
 * five median intervals, but never below 5 s (sensor refresh and logger
 * jitter) nor above 300 s (a five-minute hole is never a sample interval).
 */
export const GAP_FLOOR_S = 5
export const GAP_CEILING_S = 300
export const GAP_MEDIAN_FACTOR = 5

/** The gap threshold in s for a series with this median interval. */
export function gapThresholdS(medianIntervalS: number): number {
  if (!Number.isFinite(medianIntervalS)) return GAP_FLOOR_S
  const scaled = GAP_MEDIAN_FACTOR * medianIntervalS
  return Math.min(GAP_CEILING_S, Math.max(GAP_FLOOR_S, scaled))
}

/**
 * An interval longer than a day is not a hole in sampling but a clock
 * jump or a separate run: it is neither measured nor filled, since filling
 * it at the mean power could invent energy for days that never ran.
 */
export const BREAK_S = 86_400
