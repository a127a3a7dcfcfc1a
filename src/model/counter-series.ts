/** A counter reading. */
interface CounterReading {
  timeMs: number
  energyMJ: number
  line: number
}

/** What a cumulative energy counter measured. */
export interface CounterSummary {
  readings: number
  energyJ: number
  measuredS: number
  firstMs: number
  lastMs: number
  resets: number
  /** Intervals whose rate exceeded the plausible maximum: left out. */
  implausible: number
  wraps: number
  glitches: number
  gapS: number
  gapList: { startMs: number; endMs: number }[]
}

const GAP_DETAILS_KEPT = 50

/**
 * Integrates a cumulative energy counter (mJ) by its deltas. A decrease is
 * held until the next reading shows what it was: back on trend means a
 * glitch (the dip is dropped); otherwise a reset (a new segment starts, and
 * the interval across it is a gap). A decrease with a known counter range
 * and a plausible rate is a wrap and adds the range.
 */
export class CounterSeries {
  private last: CounterReading | undefined
  private pending: CounterReading | undefined
  private readonly result: CounterSummary = {
    readings: 0,
    energyJ: 0,
    measuredS: 0,
    firstMs: Number.NaN,
    lastMs: Number.NaN,
    resets: 0,
    implausible: 0,
    wraps: 0,
    glitches: 0,
    gapS: 0,
    gapList: []
  }

  /** `plausibleMaxW` bounds the rate a wrap may imply. */
  constructor(private readonly plausibleMaxW: number) {}

  /** Adds one reading. */
  add(
    timeMs: number,
    energyMJ: number,
    line: number,
    wrapRangeMJ?: number
  ): void {
    const reading = { timeMs, energyMJ, line }
    this.result.readings++
    if (Number.isNaN(this.result.firstMs)) this.result.firstMs = timeMs
    this.result.lastMs = timeMs

    if (this.last === undefined) {
      this.last = reading
      return
    }
    if (this.pending !== undefined) this.resolvePending(reading)
    else if (energyMJ < this.last.energyMJ)
      this.onDecrease(reading, wrapRangeMJ)
    else this.accept(reading)
  }

  /** Totals; a decrease still pending at the end counts as a reset. */
  summary(): CounterSummary {
    if (this.pending !== undefined) this.startSegment(this.pending)
    this.pending = undefined
    return { ...this.result, gapList: [...this.result.gapList] }
  }

  /** A decrease: a wrap when the range is known and the rate plausible. */
  private onDecrease(reading: CounterReading, wrapRangeMJ?: number): void {
    const last = this.last!
    if (wrapRangeMJ !== undefined) {
      const deltaMJ = reading.energyMJ + wrapRangeMJ - last.energyMJ
      const durationS = (reading.timeMs - last.timeMs) / 1000
      if (deltaMJ / 1000 <= this.plausibleMaxW * durationS) {
        this.result.wraps++
        this.addDelta(deltaMJ, durationS)
        this.last = reading
        return
      }
    }
    this.pending = reading
  }

  /** Decides whether the held decrease was a glitch or a reset. */
  private resolvePending(reading: CounterReading): void {
    const last = this.last!
    if (reading.energyMJ >= last.energyMJ) {
      this.result.glitches++
      this.pending = undefined
      this.accept(reading)
      return
    }
    const reset = this.pending!
    this.pending = undefined
    this.startSegment(reset)
    if (reading.energyMJ < reset.energyMJ) this.pending = reading
    else this.accept(reading)
  }

  /** Starts a new segment at `reading`; the interval before it is a gap. */
  private startSegment(reading: CounterReading): void {
    const last = this.last!
    this.result.resets++
    this.result.gapS += (reading.timeMs - last.timeMs) / 1000
    if (this.result.gapList.length < GAP_DETAILS_KEPT) {
      this.result.gapList.push({ startMs: last.timeMs, endMs: reading.timeMs })
    }
    this.last = reading
  }

  /**
   * A normal increase (or no change) from the last reading. A rise faster
   * than the plausible power (a counter misread in µJ as mJ, a corrupt
   * value) is left out like a reset, never added.
   */
  private accept(reading: CounterReading): void {
    const last = this.last!
    const deltaMJ = reading.energyMJ - last.energyMJ
    const durationS = (reading.timeMs - last.timeMs) / 1000
    this.last = reading
    if (deltaMJ / 1000 > this.plausibleMaxW * durationS) {
      this.result.implausible++
      this.result.gapS += durationS
      return
    }
    this.addDelta(deltaMJ, durationS)
  }

  /** Adds a delta in mJ over `durationS`. */
  private addDelta(deltaMJ: number, durationS: number): void {
    this.result.energyJ += deltaMJ / 1000
    this.result.measuredS += durationS
  }
}
