import type {
  DeviceFinding,
  DeviceOutcome,
  FilledGap
} from './device-outcome.js'
import type { DeviceSpec } from './device-spec.js'
import type { PowerSummary } from './power-series.js'

/**
 * L2 from power samples: measured intervals by trapezoid, gaps filled with
 * the device's time-weighted mean power and bounded by idle and maximum.
 */
export function outcomeFromPower(
  power: PowerSummary,
  spec: DeviceSpec
): DeviceOutcome {
  const { measured, gaps } = power
  const meanW = measured.energyJ / measured.durationS
  const meanDynamicW = measured.dynamicEnergyJ / measured.durationS
  const gapS = gaps.durationS
  // A gap may have run at anything up to the board's maximum power.
  const ceilingW = Math.max(power.maxW, meanW, spec.maxPowerW)
  // A stale sensor's readings say nothing: bound them like a gap.
  const sensorJ =
    spec.accuracyW * measured.durationS + staleSpreadJ(power, spec, ceilingW)

  return {
    level: 'L2',
    levelReason: `power readings (${power.samples} samples) integrated`,
    field: 'power.draw',
    samples: power.samples,
    firstMs: power.firstValidMs,
    lastMs: power.lastValidMs,
    medianIntervalS: power.medianIntervalS,
    measuredS: measured.durationS,
    energy: {
      valueJ: measured.energyJ + meanW * gapS,
      lowJ: Math.max(0, measured.energyJ - sensorJ) + spec.idleLowW * gapS,
      highJ: measured.energyJ + sensorJ + ceilingW * gapS
    },
    dynamic: {
      valueJ: measured.dynamicEnergyJ + meanDynamicW * gapS,
      lowJ: Math.max(0, measured.dynamicEnergyJ - sensorJ),
      highJ:
        measured.dynamicEnergyJ +
        sensorJ +
        Math.max(0, ceilingW - spec.idleW) * gapS
    },
    meanW,
    maxW: power.maxW,
    gaps: power.gapList.map(gap => fillGap(gap, meanW)),
    gapCount: gaps.count,
    findings: powerFindings(power, meanW)
  }
}

/**
 * How far readings frozen at one value could be from the truth: over the
 * stale periods, from the frozen value down to idle or up to the maximum.
 */
function staleSpreadJ(
  power: PowerSummary,
  spec: DeviceSpec,
  ceilingW: number
): number {
  const { durationS, valueW } = power.stale
  if (!(durationS > 0)) return 0
  const spreadW = Math.max(valueW - spec.idleLowW, ceilingW - valueW, 0)
  return spreadW * durationS
}

/** A gap with the energy filled in at the mean power. */
function fillGap(
  gap: { startMs: number; endMs: number },
  meanW: number
): FilledGap {
  return { ...gap, filledJ: (meanW * (gap.endMs - gap.startMs)) / 1000 }
}

/** Gaps, stale sensor, implausible and missing readings, as findings. */
export function powerFindings(
  power: PowerSummary,
  meanW: number
): DeviceFinding[] {
  const findings: DeviceFinding[] = []
  if (power.gaps.count > 0) {
    findings.push({
      code: 'gap',
      message: `${power.gaps.count} gap(s) longer than ${power.gapThresholdS.toFixed(1)} s (5 × median interval, within 5–300 s), ${power.gaps.durationS.toFixed(1)} s in all, filled at the mean ${meanW.toFixed(1)} W`
    })
  }
  if (power.breaks.count > 0) {
    findings.push({
      code: 'gap',
      message: `${power.breaks.count} break(s) longer than a day (a clock jump, or separate runs in one file), ${(power.breaks.durationS / 3600).toFixed(1)} h in all: not filled and not counted`
    })
  }
  if (power.stale.periods > 0) {
    const why = power.stale.rowChanged
      ? 'while the other readings changed'
      : 'with no other readings to compare'
    findings.push({
      code: 'stale-sensor',
      message: `power stayed at exactly ${power.stale.valueW} W for ${power.stale.durationS.toFixed(0)} s in ${power.stale.periods} period(s) ${why}: the sensor may be stale; integrated as read`
    })
  }
  if (power.implausible > 0) {
    findings.push({
      code: 'implausible-power',
      message: `${power.implausible} reading(s) outside 0 W to max(2 × power limit, 1500 W), first on line ${power.firstImplausibleLine}: left out, not clamped`
    })
  }
  if (power.missing > 0) {
    findings.push({
      code: 'missing-power',
      message: `${power.missing} reading(s) had no power value (a sentinel such as [N/A]): treated as missing, not 0 W`
    })
  }
  return findings
}
