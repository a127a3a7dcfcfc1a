/**
 * A bounded log-spaced histogram of sampling intervals that also sums the
 * energy integrated over the intervals in each bin. It gives the median
 * interval and, once the gap threshold is known, the energy of intervals
 * below and above it, in one streaming pass. Bins are made when first
 * used, so a device costs a few hundred bytes, not the whole range.
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
  private readonly bins = new Map<number, IntervalTotals>()
  private total = 0
  // Regular sampling repeats one interval: its bin is looked up once.
  private lastDurationS = Number.NaN
  private lastBin: IntervalTotals = emptyTotals()

  /** Adds one interval of `durationS` over which `energyJ` was integrated. */
  add(durationS: number, energyJ: number, dynamicEnergyJ: number): void {
    if (durationS !== this.lastDurationS) {
      this.lastDurationS = durationS
      this.lastBin = this.binFor(durationS)
    }
    const bin = this.lastBin
    bin.count += 1
    bin.durationS += durationS
    bin.energyJ += energyJ
    bin.dynamicEnergyJ += dynamicEnergyJ
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
    for (const bin of this.sortedBins()) {
      seen += bin.count
      if (seen >= half) return bin.durationS / bin.count
    }
    return Number.NaN
  }

  /**
   * Totals of intervals at most `thresholdS` long (measured), longer
   * (gaps), and longer than `breakS` (breaks between runs, neither
   * measured nor filled). The bin holding a limit counts with the shorter
   * side, so each split is exact to within one bin's 2 % width.
   */
  split(
    thresholdS: number,
    breakS = Number.POSITIVE_INFINITY
  ): {
    measured: IntervalTotals
    gaps: IntervalTotals
    breaks: IntervalTotals
  } {
    const gapBin = binOf(thresholdS)
    const breakBin = Number.isFinite(breakS) ? binOf(breakS) : BIN_COUNT
    const result = {
      measured: emptyTotals(),
      gaps: emptyTotals(),
      breaks: emptyTotals()
    }
    for (const [index, bin] of this.bins) {
      const side =
        index <= gapBin ? 'measured' : index <= breakBin ? 'gaps' : 'breaks'
      addTotals(result[side], bin)
    }
    return result
  }

  /** The bin of an interval, made on first use. */
  private binFor(durationS: number): IntervalTotals {
    const index = binOf(durationS)
    let bin = this.bins.get(index)
    if (bin === undefined) {
      bin = emptyTotals()
      this.bins.set(index, bin)
    }
    return bin
  }

  /** Bins in order of interval length. */
  private sortedBins(): IntervalTotals[] {
    return [...this.bins.entries()]
      .sort((a, b) => a[0] - b[0])
      .map(([, bin]) => bin)
  }
}

/** Zero totals. */
export function emptyTotals(): IntervalTotals {
  return { count: 0, durationS: 0, energyJ: 0, dynamicEnergyJ: 0 }
}

/** Adds `part` into `total`. */
function addTotals(total: IntervalTotals, part: IntervalTotals): void {
  total.count += part.count
  total.durationS += part.durationS
  total.energyJ += part.energyJ
  total.dynamicEnergyJ += part.dynamicEnergyJ
}

/** Bin index of an interval. */
function binOf(durationS: number): number {
  if (durationS <= MIN_INTERVAL_S) return 0
  const bin = Math.floor(Math.log(durationS / MIN_INTERVAL_S) / LOG_RATIO) + 1
  return Math.min(bin, BIN_COUNT - 1)
}
