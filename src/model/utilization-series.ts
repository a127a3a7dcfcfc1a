/** Time integral of utilisation over a device's observed span. */
export interface UtilizationSummary {
  /** ∫ u dt in percent-seconds. */
  integralPctS: number
  spanS: number
}

/**
 * Integrates utilisation (percent) with the trapezoid rule, for the L1
 * estimate P = P_idle + (P_max − P_idle) · u of a GPU without power.
 */
export class UtilizationSeries {
  private lastMs = Number.NaN
  private lastPct = Number.NaN
  private integral = 0
  private span = 0

  /** Adds a reading; out-of-order readings are ignored. */
  add(timeMs: number, percent: number): void {
    if (timeMs > this.lastMs) {
      const durationS = (timeMs - this.lastMs) / 1000
      this.integral += (durationS * (this.lastPct + percent)) / 2
      this.span += durationS
    }
    if (!(timeMs <= this.lastMs)) {
      this.lastMs = timeMs
      this.lastPct = percent
    }
  }

  /** The integral so far. */
  summary(): UtilizationSummary {
    return { integralPctS: this.integral, spanS: this.span }
  }
}
