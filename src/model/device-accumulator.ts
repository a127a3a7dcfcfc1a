import type { PowerField } from '../telemetry/sink.js'
import { CounterSeries } from './counter-series.js'
import type { BoundedJ, DeviceOutcome } from './device-outcome.js'
import {
  counterUsable,
  outcomeFromCounter,
  outcomeFromWindows,
  unusableCounterFindings
} from './outcome-energy.js'
import { outcomeFromL1 } from './outcome-l1.js'
import { outcomeFromPower } from './outcome-power.js'
import { type PowerSummary, PowerSeries } from './power-series.js'
import { UtilizationSeries } from './utilization-series.js'
import type { DeviceSpec } from './device-spec.js'

/** Energies a tool measured over windows (CodeCarbon runs, Zeus windows). */
export interface WindowTotals {
  count: number
  energyJ: number
  durationS: number
  firstMs: number
  lastMs: number
}

/**
 * Everything read for one device, in constant memory, and the choice of
 * method at the end: tool-measured windows, then an energy counter, then
 * power samples, then the L1 estimate.
 */
export class DeviceAccumulator {
  readonly power: PowerSeries
  readonly utilization = new UtilizationSeries()
  counter: CounterSeries | undefined
  readonly windows: WindowTotals = {
    count: 0,
    energyJ: 0,
    durationS: 0,
    firstMs: Number.NaN,
    lastMs: Number.NaN
  }
  private firstSeenMs = Number.NaN
  private lastSeenMs = Number.NaN

  constructor(
    readonly spec: DeviceSpec,
    private readonly powerField: PowerField,
    file: string
  ) {
    this.power = new PowerSeries(
      { idleW: spec.idleW, plausibleMaxW: spec.plausibleMaxW },
      file
    )
  }

  /** Notes that the device was observed at `timeMs` (any reading). */
  seen(timeMs: number): void {
    if (!(timeMs >= this.firstSeenMs)) this.firstSeenMs = timeMs
    if (!(timeMs <= this.lastSeenMs)) this.lastSeenMs = timeMs
  }

  /** The counter series, created on first use. */
  counterSeries(): CounterSeries {
    this.counter ??= new CounterSeries(this.spec.plausibleMaxW)
    return this.counter
  }

  /** Adds a tool-measured energy window. */
  addWindow(startMs: number, endMs: number, energyJ: number): void {
    const w = this.windows
    w.count++
    w.energyJ += energyJ
    w.durationS += (endMs - startMs) / 1000
    if (!(startMs >= w.firstMs)) w.firstMs = startMs
    if (!(endMs <= w.lastMs)) w.lastMs = endMs
  }

  /** Chooses the best method available and computes the device's energy. */
  outcome(): DeviceOutcome {
    const power = this.power.summary()
    if (this.windows.count > 0) {
      return consistent(outcomeFromWindows(this.windows, this.spec))
    }
    const counter = this.counter?.summary()
    if (counter && counterUsable(counter, power)) {
      return consistent(outcomeFromCounter(counter, power, this.spec))
    }
    const fallback = consistent(this.outcomeWithoutCounter(power))
    if (counter === undefined) return fallback
    return {
      ...fallback,
      findings: [...unusableCounterFindings(counter), ...fallback.findings]
    }
  }

  /** Power samples, else the L1 estimate. */
  private outcomeWithoutCounter(power: PowerSummary): DeviceOutcome {
    if (power.measured.durationS > 0) {
      return { ...outcomeFromPower(power, this.spec), field: this.powerField }
    }
    return outcomeFromL1(
      { firstMs: this.firstSeenMs, lastMs: this.lastSeenMs },
      power,
      this.utilization.summary(),
      this.spec
    )
  }
}

/**
 * The outcome with low ≤ value ≤ high for energy and dynamic energy: a
 * fill rule and a sensor bound can disagree on degenerate input (a
 * counter that never rose), and a bound must never exclude its value.
 */
function consistent(outcome: DeviceOutcome): DeviceOutcome {
  const fix = (b: BoundedJ): BoundedJ => ({
    valueJ: b.valueJ,
    lowJ: Math.min(b.lowJ, b.valueJ),
    highJ: Math.max(b.highJ, b.valueJ)
  })
  return {
    ...outcome,
    energy: fix(outcome.energy),
    dynamic: fix(outcome.dynamic)
  }
}
