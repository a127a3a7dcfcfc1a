/** A power value unchanged this long, while the row changes, is stale. */
export const STALE_AFTER_S = 60

/** What the stale-sensor check found. */
export interface StaleSummary {
  periods: number
  durationS: number
  firstStartMs: number
  valueW: number
  /** True when other readings in the row changed during a stale period. */
  rowChanged: boolean
}

/**
 * Detects power readings that stay identical for more than 60 s. When the
 * file has other readings (temperature, clocks), a period only counts if
 * they changed meanwhile: a frozen sensor beside a live row.
 */
export class StaleSensorCheck {
  private runStartMs = Number.NaN
  private runLastMs = Number.NaN
  private runValueW = Number.NaN
  private runFirstAux = Number.NaN
  private runAuxChanged = false
  private result: StaleSummary = {
    periods: 0,
    durationS: 0,
    firstStartMs: Number.NaN,
    valueW: Number.NaN,
    rowChanged: false
  }

  /** Adds a valid reading. */
  add(timeMs: number, powerW: number, aux: number): void {
    if (powerW === this.runValueW) {
      this.runLastMs = timeMs
      if (aux !== this.runFirstAux && !Number.isNaN(aux))
        this.runAuxChanged = true
      return
    }
    this.closeRun()
    this.runStartMs = timeMs
    this.runLastMs = timeMs
    this.runValueW = powerW
    this.runFirstAux = aux
    this.runAuxChanged = false
  }

  /** Totals, closing the run in progress. */
  summary(): StaleSummary {
    this.closeRun()
    this.runValueW = Number.NaN
    this.runStartMs = Number.NaN
    return { ...this.result }
  }

  /** Records the current run if it was long enough to be stale. */
  private closeRun(): void {
    const durationS = (this.runLastMs - this.runStartMs) / 1000
    if (!(durationS > STALE_AFTER_S)) return
    const auxKnown = !Number.isNaN(this.runFirstAux)
    if (auxKnown && !this.runAuxChanged) return
    if (this.result.periods === 0) {
      this.result.firstStartMs = this.runStartMs
      this.result.valueW = this.runValueW
    }
    this.result.periods++
    this.result.durationS += durationS
    this.result.rowChanged ||= this.runAuxChanged
  }
}
