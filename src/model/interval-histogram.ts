/**
 * A bounded log-spaced histogram of sampling intervals that also sums the
 * energy integrated over the intervals in each bin. It gives the median
 * interval and, once the gap threshold is known, the energy of intervals
 * below and above it, all in one streaming pass and constant memory.
 */

/** Bin width ratio: intervals within 2 % share a bin. */
const RATIO = 1.02
const LOG_RATIO = Math.log(RATIO)
/** Smallest interval binned separately, in s; shorter ones go to bin 0. */
const MIN_INTERVAL_S = 1e-4
/** Bins cover 0.1 ms to about 10^7 s. */
const BIN_COUNT = Math.ceil(Math.log(1e11) / LOG_RATIO)

/** Totals of the intervals on one side of a threshold. */
export interface IntervalTotals {
  count: number
  durationS: number
  energyJ: number
  dynamicEnergyJ: number
}

/** Histogram of intervals with the energy integrated over each bin. */
export class IntervalHistogram {
  private readonly counts = new Float64Array(BIN_COUNT)
  private readonly durations = new Float64Array(BIN_COUNT)
  private readonly energies = new Float64Array(BIN_COUNT)
  private readonly dynamicEnergies = new Float64Array(BIN_COUNT)
  private total = 0
  // Regular sampling repeats one interval: its bin is looked up once.
  private lastDurationS = Number.NaN
  private lastBin = 0

  /** Adds one interval of `durationS` over which `energyJ` was integrated. */
  add(durationS: number, energyJ: number, dynamicEnergyJ: number): void {
    if (durationS !== this.lastDurationS) {
      this.lastDurationS = durationS
      this.lastBin = binOf(durationS)
    }
    const bin = this.lastBin
    this.counts[bin]! += 1
    this.durations[bin]! += durationS
    this.energies[bin]! += energyJ
    this.dynamicEnergies[bin]! += dynamicEnergyJ
    this.total += 1
  }

  /** Number of intervals added. */
  get count(): number {
    return this.total
  }

  /** Median interval in s (mean of the median bin), NaN when empty. */
  medianS(): number {
    if (this.total === 0) return Number.NaN
    const half = this.total / 2
    let seen = 0
    for (let bin = 0; bin < BIN_COUNT; bin++) {
      seen += this.counts[bin]!
      if (seen >= half) return this.durations[bin]! / this.counts[bin]!
    }
    return Number.NaN
  }

  /**
   * Totals of intervals at most `thresholdS` long (measured) and longer
   * (gaps). The bin holding the threshold counts as measured, so the split
   * is exact to within one bin's 2 % width.
   */
  split(thresholdS: number): {
    measured: IntervalTotals
    gaps: IntervalTotals
  } {
    const limit = binOf(thresholdS)
    const measured = emptyTotals()
    const gaps = emptyTotals()
    for (let bin = 0; bin < BIN_COUNT; bin++) {
      if (this.counts[bin] === 0) continue
      const target = bin <= limit ? measured : gaps
      target.count += this.counts[bin]!
      target.durationS += this.durations[bin]!
      target.energyJ += this.energies[bin]!
      target.dynamicEnergyJ += this.dynamicEnergies[bin]!
    }
    return { measured, gaps }
  }
}

/** Zero totals. */
export function emptyTotals(): IntervalTotals {
  return { count: 0, durationS: 0, energyJ: 0, dynamicEnergyJ: 0 }
}

/** Bin index of an interval. */
function binOf(durationS: number): number {
  if (durationS <= MIN_INTERVAL_S) return 0
  const bin = Math.floor(Math.log(durationS / MIN_INTERVAL_S) / LOG_RATIO) + 1
  return Math.min(bin, BIN_COUNT - 1)
}
