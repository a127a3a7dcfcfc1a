import type { Device } from './audit-schema.js'
import type { DeviceRecord } from './device-records.js'
import { toKWh } from './energy-totals.js'

/**
 * Below this, a time cannot come from a real clock in any supported
 * format (it is 1973-03-03): it counts from the first row of a file
 * without timestamps (sampling interval × row), so it has no date.
 */
const EARLIEST_CLOCK_MS = 1e11

/** ISO 8601 UTC, or null for an unknown or relative time. */
export function isoOrNull(timeMs: number): string | null {
  if (!Number.isFinite(timeMs) || timeMs < EARLIEST_CLOCK_MS) return null
  return new Date(timeMs).toISOString()
}

/** A finite number, or null. */
export function finiteOrNull(value: number): number | null {
  return Number.isFinite(value) ? value : null
}

/** Measured time over the run's window, 0–1. */
export function coverageOf(record: DeviceRecord, windowS: number): number {
  const measuredS = record.outcome.measuredS
  // Rounded to 1e-9 so a complete series reads 1, not 0.99999999999998.
  if (windowS > 0)
    return Math.min(1, Math.round((measuredS / windowS) * 1e9) / 1e9)
  return measuredS > 0 ? 1 : 0
}

/** One device as the audit JSON shows it. */
export function deviceJson(record: DeviceRecord, windowS: number): Device {
  const { outcome, identity } = record
  const level = record.l3 ? 'L3' : outcome.level
  const coverage =
    windowS > 0
      ? Math.min(1, outcome.measuredS / windowS)
      : outcome.measuredS > 0
        ? 1
        : 0
  const device: Device = {
    id: record.id,
    kind: identity.kind,
    name: identity.name ?? null,
    hardware_id: record.spec.hardwareId ?? null,
    node: record.node,
    job: record.job ?? null,
    file: record.file,
    level,
    level_reason: record.l3
      ? `${outcome.levelReason}; node model applied`
      : outcome.levelReason,
    field: outcome.field,
    samples: outcome.samples,
    first: isoOrNull(outcome.firstMs),
    last: isoOrNull(outcome.lastMs),
    median_interval_s: finiteOrNull(outcome.medianIntervalS),
    coverage,
    energy_kwh: toKWh(outcome.energy.valueJ),
    low_kwh: toKWh(outcome.energy.lowJ),
    high_kwh: toKWh(outcome.energy.highJ),
    mean_w: finiteOrNull(outcome.meanW),
    max_w: finiteOrNull(outcome.maxW),
    gaps: outcome.gaps.map(gap => ({
      start: isoOrNull(gap.startMs),
      end: isoOrNull(gap.endMs),
      duration_s: (gap.endMs - gap.startMs) / 1000,
      filled_kwh: toKWh(gap.filledJ)
    })),
    gap_count: outcome.gapCount,
    warnings: outcome.findings.map(finding => finding.message)
  }
  if (identity.uuid !== undefined) device.uuid = identity.uuid
  return device
}
