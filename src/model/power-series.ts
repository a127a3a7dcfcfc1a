import { formatInstant } from '../telemetry/timestamps.js'
import { InputError } from '../telemetry/input-error.js'
import { energyAboveFloorJ, trapezoidJ } from './dynamic-energy.js'
import { BREAK_S, GAP_FLOOR_S, gapThresholdS } from './gap-rule.js'
import { type IntervalTotals, IntervalHistogram } from './interval-histogram.js'
import { StaleSensorCheck, type StaleSummary } from './stale-sensor.js'

/** Gap intervals kept with their times for the report; the rest are counted. */
const GAP_DETAILS_KEPT = 50

/** Facts the series needs from the catalogue, fixed at registration. */
export interface PowerLimits {
  /** Idle power in W: the floor of the L3 dynamic term. */
  idleW: number
  /** Readings above this are implausible: max(2 × power limit, 1500 W). */
  plausibleMaxW: number
}

/** What a power series measured, once the file is read. */
export interface PowerSummary {
  samples: number
  missing: number
  implausible: number
  firstImplausibleLine: number | undefined
  medianIntervalS: number
  gapThresholdS: number
  measured: IntervalTotals
  gaps: IntervalTotals
  /** Intervals over BREAK_S: neither measured nor filled. */
  breaks: IntervalTotals
  gapList: { startMs: number; endMs: number }[]
  firstValidMs: number
  lastValidMs: number
  maxW: number
  stale: StaleSummary
}

/**
 * Integrates one device's power readings with the trapezoid rule on real
 * timestamps, streaming: constant memory whatever the file length.
 */
export class PowerSeries {
  private readonly histogram = new IntervalHistogram()
  private readonly stale = new StaleSensorCheck()
  private readonly gapCandidates: { startMs: number; endMs: number }[] = []
  private lastMs = Number.NaN
  private lastW: number | null = null
  private lastValidMs = Number.NaN
  private lastValidW = Number.NaN
  private firstValidMs = Number.NaN
  private samples = 0
  private missing = 0
  private implausible = 0
  private firstImplausibleLine: number | undefined
  private maxW = Number.NaN

  constructor(
    private readonly limits: PowerLimits,
    private readonly file: string
  ) {}

  /** Adds one reading; `powerW` null is a missing reading, never zero. */
  add(timeMs: number, powerW: number | null, line: number, aux: number): void {
    if (this.isRepeat(timeMs, powerW, line)) return
    this.lastMs = timeMs
    this.lastW = powerW
    if (powerW === null) {
      this.missing++
      return
    }
    if (!(powerW >= 0 && powerW <= this.limits.plausibleMaxW)) {
      this.flagImplausible(line)
      return
    }
    this.integrate(timeMs, powerW)
    this.stale.add(timeMs, powerW, aux)
  }

  /** True for an exact duplicate; throws for time running backwards. */
  private isRepeat(
    timeMs: number,
    powerW: number | null,
    line: number
  ): boolean {
    if (!(timeMs <= this.lastMs)) return false
    if (timeMs === this.lastMs && powerW === this.lastW) return true
    const when = formatInstant(timeMs)
    const before = formatInstant(this.lastMs)
    const problem =
      timeMs === this.lastMs
        ? `two different readings for one device at ${when}`
        : `time goes back from ${before} to ${when} for one device`
    throw new InputError(
      `${problem}: timestamps must increase per device (a log in local time repeats an hour when clocks go back: record times in UTC, or give --timezone for a log taken elsewhere)`,
      this.file,
      line
    )
  }

  /** Adds the trapezoid from the previous valid reading. */
  private integrate(timeMs: number, powerW: number): void {
    if (this.samples === 0) this.firstValidMs = timeMs
    this.samples++
    if (!(powerW <= this.maxW)) this.maxW = powerW

    if (!Number.isNaN(this.lastValidMs)) {
      const durationS = (timeMs - this.lastValidMs) / 1000
      const energyJ = trapezoidJ(durationS, this.lastValidW, powerW)
      const dynamicJ = energyAboveFloorJ(
        durationS,
        this.lastValidW,
        powerW,
        this.limits.idleW
      )
      this.histogram.add(durationS, energyJ, dynamicJ)
      if (
        durationS > GAP_FLOOR_S &&
        this.gapCandidates.length < GAP_DETAILS_KEPT * 20
      ) {
        this.gapCandidates.push({ startMs: this.lastValidMs, endMs: timeMs })
      }
    }
    this.lastValidMs = timeMs
    this.lastValidW = powerW
  }

  /** Counts an implausible reading; it is left out, not clamped. */
  private flagImplausible(line: number): void {
    this.implausible++
    this.firstImplausibleLine ??= line
  }

  /** The series' totals, splitting intervals at the gap threshold. */
  summary(): PowerSummary {
    const medianIntervalS = this.histogram.medianS()
    const thresholdS = gapThresholdS(medianIntervalS)
    const { measured, gaps, breaks } = this.histogram.split(thresholdS, BREAK_S)
    const gapList = this.gapCandidates
      .filter(gap => isGap((gap.endMs - gap.startMs) / 1000, thresholdS))
      .slice(0, GAP_DETAILS_KEPT)
    return {
      samples: this.samples,
      missing: this.missing,
      implausible: this.implausible,
      firstImplausibleLine: this.firstImplausibleLine,
      medianIntervalS,
      gapThresholdS: thresholdS,
      measured,
      gaps,
      breaks,
      gapList,
      firstValidMs: this.firstValidMs,
      lastValidMs: this.lastValidMs,
      maxW: this.maxW,
      stale: this.stale.summary()
    }
  }
}

/** True for an interval that is a gap: over the threshold, not a break. */
function isGap(durationS: number, thresholdS: number): boolean {
  return durationS > thresholdS * 1.02 && durationS <= BREAK_S
}
