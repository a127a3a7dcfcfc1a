import type { DeviceFinding, DeviceOutcome } from './device-outcome.js'
import type { DeviceSpec } from './device-spec.js'
import type { PowerSummary } from './power-series.js'
import type { UtilizationSummary } from './utilization-series.js'
import { powerFindings } from './outcome-power.js'

/**
 * L1 for a device without usable power: over the span it was observed,
 * P_idle + (P_max − P_idle) · u when utilisation was logged, else the
 * maximum board power (TDP) × time; bounds from idle to TDP. Never
 * extrapolated past the device's own first and last rows.
 */
export function outcomeFromL1(
  span: { firstMs: number; lastMs: number },
  power: PowerSummary,
  utilization: UtilizationSummary,
  spec: DeviceSpec
): DeviceOutcome {
  const spanS = Number.isNaN(span.firstMs)
    ? 0
    : (span.lastMs - span.firstMs) / 1000
  const useUtilization =
    utilization.spanS > 0 && utilization.spanS >= spanS * 0.5
  const rangeW = spec.maxPowerW - spec.idleW
  const valueJ = useUtilization
    ? spec.idleW * spanS +
      (rangeW * utilization.integralPctS * spanS) / (100 * utilization.spanS)
    : spec.maxPowerW * spanS
  const reason = l1Reason(power.samples, useUtilization)

  return {
    level: 'L1',
    levelReason: reason,
    field: useUtilization ? 'utilization' : 'none',
    samples: power.samples,
    firstMs: span.firstMs,
    lastMs: span.lastMs,
    medianIntervalS: power.medianIntervalS,
    measuredS: 0,
    energy: {
      valueJ,
      lowJ: spec.idleLowW * spanS,
      highJ: spec.maxPowerW * spanS
    },
    dynamic: {
      valueJ: Math.max(0, valueJ - spec.idleW * spanS),
      lowJ: 0,
      highJ: rangeW * spanS
    },
    meanW: spanS > 0 ? valueJ / spanS : Number.NaN,
    maxW: power.maxW,
    gaps: [],
    gapCount: power.gaps.count,
    findings: [
      { code: 'level-fallback', message: reason },
      ...unmeasuredGaps(power),
      ...powerFindings(power, Number.NaN).filter(f => f.code !== 'gap')
    ]
  }
}

/**
 * Readings whose every interval was a gap (two readings an hour apart):
 * said as gaps, not bridged and not filled, since nothing was measured.
 */
function unmeasuredGaps(power: PowerSummary): DeviceFinding[] {
  if (power.gaps.count === 0) return []
  return [
    {
      code: 'gap',
      message: `${power.gaps.count} interval(s) between power readings longer than ${power.gapThresholdS.toFixed(1)} s (5 × median interval, within 5–300 s), ${power.gaps.durationS.toFixed(1)} s in all: not bridged, so no power was measured`
    }
  ]
}

/** Why the device is at L1, in the user's terms. */
function l1Reason(samples: number, useUtilization: boolean): string {
  const why =
    samples === 1
      ? 'only one power reading, so no interval to measure'
      : 'no usable power readings'
  return useUtilization
    ? `${why}: estimated from utilisation between idle and maximum power`
    : `${why}: maximum board power × observed time`
}
