import type { CounterSummary } from './counter-series.js'
import type { WindowTotals } from './device-accumulator.js'
import type { DeviceFinding, DeviceOutcome } from './device-outcome.js'
import type { DeviceSpec } from './device-spec.js'
import type { PowerSummary } from './power-series.js'
import { powerFindings } from './outcome-power.js'

/** Counter and power disagreeing by more than this are reported. */
const MISMATCH_FRACTION = 0.2

/** L2 from energies a tool already measured (CodeCarbon, Zeus). */
export function outcomeFromWindows(
  windows: WindowTotals,
  spec: DeviceSpec
): DeviceOutcome {
  const meanW = windows.energyJ / windows.durationS
  const sensorJ = Math.max(
    spec.accuracyW * windows.durationS,
    spec.estimateSpread * windows.energyJ
  )
  return {
    level: 'L2',
    levelReason:
      spec.estimateSpread > 0
        ? `energy reported by the recording tool over ${windows.count} window(s), which may estimate it (CPU from TDP, RAM from size): ±${spec.estimateSpread * 100} %`
        : `energy measured by the recording tool over ${windows.count} window(s)`,
    field: 'energy-window',
    samples: windows.count,
    firstMs: windows.firstMs,
    lastMs: windows.lastMs,
    medianIntervalS: Number.NaN,
    measuredS: windows.durationS,
    energy: bounded(windows.energyJ, sensorJ),
    dynamic: bounded(
      Math.max(0, windows.energyJ - spec.idleW * windows.durationS),
      sensorJ
    ),
    meanW,
    maxW: Number.NaN,
    gaps: [],
    gapCount: 0,
    findings: []
  }
}

/**
 * L2 from a cumulative energy counter, which beats power samples: it sees
 * every joule between readings. Intervals across a reset are gaps, filled
 * at the counter's mean power.
 */
export function outcomeFromCounter(
  counter: CounterSummary,
  power: PowerSummary,
  spec: DeviceSpec
): DeviceOutcome {
  const meanW = counter.energyJ / counter.measuredS
  const sensorJ = spec.accuracyW * counter.measuredS
  const gapS = counter.gapS
  // A gap's upper bound is the device's maximum: its highest power reading
  // when it has power samples, else its maximum board power.
  const maxW = Number.isFinite(power.maxW) ? power.maxW : spec.maxPowerW
  const ceilingW = Math.max(maxW, meanW)
  const valueJ = counter.energyJ + meanW * gapS
  const dynamicJ = Math.max(0, valueJ - spec.idleW * (counter.measuredS + gapS))
  return {
    level: 'L2',
    levelReason: `cumulative energy counter (${counter.readings} readings)`,
    field: 'energy-counter',
    samples: counter.readings,
    firstMs: counter.firstMs,
    lastMs: counter.lastMs,
    medianIntervalS: power.medianIntervalS,
    measuredS: counter.measuredS,
    energy: {
      valueJ,
      lowJ: Math.max(0, counter.energyJ - sensorJ) + spec.idleLowW * gapS,
      highJ: counter.energyJ + sensorJ + ceilingW * gapS
    },
    dynamic: bounded(dynamicJ, sensorJ + ceilingW * gapS),
    meanW,
    maxW: power.maxW,
    gaps: counter.gapList.map(gap => ({
      ...gap,
      filledJ: (meanW * (gap.endMs - gap.startMs)) / 1000
    })),
    gapCount: counter.resets,
    findings: [
      ...counterFindings(counter),
      ...crossCheck(counter, power, meanW)
    ]
  }
}

/** Value ± spread, never below zero. */
function bounded(
  valueJ: number,
  spreadJ: number
): { valueJ: number; lowJ: number; highJ: number } {
  return {
    valueJ,
    lowJ: Math.max(0, valueJ - spreadJ),
    highJ: valueJ + spreadJ
  }
}

/**
 * Why a counter that measured no interval was not used: every step was a
 * decrease (a reset, or a wrap whose range the file does not give).
 */
export function unusableCounterFindings(
  counter: CounterSummary
): DeviceFinding[] {
  if (counter.readings < 2) return []
  if (counter.measuredS > 0) {
    return [
      {
        code: 'counter-power-mismatch',
        message: `energy counter stayed at one value over ${counter.measuredS.toFixed(1)} s while the power readings show the device drawing power: the counter is broken and was not used`
      }
    ]
  }
  return counterFindings(counter).concat({
    code: 'level-fallback',
    message: `energy counter read ${counter.readings} time(s) but no interval could be measured from it (it went down, or rose implausibly fast), so it was not used`
  })
}

/**
 * True when a counter measured something it can be trusted for: it
 * measured time, and it advanced unless the power readings say the device
 * drew nothing (a counter stuck at one value beside live power is broken).
 */
export function counterUsable(
  counter: CounterSummary,
  power: PowerSummary
): boolean {
  if (counter.measuredS <= 0) return false
  return counter.energyJ > 0 || !(power.measured.energyJ > 0)
}

/** Resets, wraps and glitches of the counter. */
function counterFindings(counter: CounterSummary): DeviceFinding[] {
  const findings: DeviceFinding[] = []
  if (counter.resets > 0) {
    findings.push({
      code: 'counter-reset',
      message: `energy counter went down ${counter.resets} time(s) (reset, or a wrap of unknown range): the intervals across them are gaps`
    })
  }
  if (counter.implausible > 0) {
    findings.push({
      code: 'implausible-power',
      message: `${counter.implausible} energy-counter interval(s) rose faster than max(2 × power limit, 1500 W): left out as gaps, not added`
    })
  }
  if (counter.wraps > 0) {
    findings.push({
      code: 'counter-wrap',
      message: `energy counter wrapped ${counter.wraps} time(s); its range was added`
    })
  }
  if (counter.glitches > 0) {
    findings.push({
      code: 'counter-glitch',
      message: `${counter.glitches} counter reading(s) dipped and came back on trend: dropped`
    })
  }
  return findings
}

/** Compares the counter with the power samples of the same device. */
function crossCheck(
  counter: CounterSummary,
  power: PowerSummary,
  counterMeanW: number
): DeviceFinding[] {
  const findings =
    power.measured.durationS > 0
      ? powerFindings(power, power.measured.energyJ / power.measured.durationS)
      : []
  if (power.measured.durationS <= 0)
    return findings.filter(f => f.code !== 'gap')
  const powerMeanW = power.measured.energyJ / power.measured.durationS
  const larger = Math.max(powerMeanW, counterMeanW)
  const difference =
    larger > 0 ? Math.abs(powerMeanW - counterMeanW) / larger : 0
  const kept = findings.filter(
    f => f.code === 'stale-sensor' || f.code === 'implausible-power'
  )
  if (difference > MISMATCH_FRACTION) {
    kept.push({
      code: 'counter-power-mismatch',
      message: `energy counter mean ${counterMeanW.toFixed(1)} W and power samples mean ${powerMeanW.toFixed(1)} W differ by ${(difference * 100).toFixed(0)} %: the counter was used`
    })
  }
  return kept
}
