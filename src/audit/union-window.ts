import type { DeviceRecord } from './device-records.js'
import { extent, groupBy } from './group-by.js'

/** A stretch of time in ms since the epoch, with its length in s. */
export interface TimeWindow {
  startMs: number
  endMs: number
  durationS: number
}

/**
 * The union of the devices' first to last readings; an empty window (NaN
 * times, 0 s) when no device has a time.
 */
export function unionWindow(devices: readonly DeviceRecord[]): TimeWindow {
  const firsts = extent(
    devices.map(d => d.outcome.firstMs).filter(Number.isFinite)
  )
  const lasts = extent(
    devices.map(d => d.outcome.lastMs).filter(Number.isFinite)
  )
  if (!Number.isFinite(firsts.min)) {
    return { startMs: Number.NaN, endMs: Number.NaN, durationS: 0 }
  }
  return {
    startMs: firsts.min,
    endMs: lasts.max,
    durationS: (lasts.max - firsts.min) / 1000
  }
}

/**
 * The window each device's coverage is measured against: its job's (the
 * union of that job's devices) when it came from a job's telemetry
 * artifact, else the whole run's. Matrix legs run at different times, so
 * against the run's window each would look partly unmeasured.
 */
export function coverageWindows(
  devices: readonly DeviceRecord[]
): (device: DeviceRecord) => number {
  const runS = unionWindow(devices).durationS
  const byJob = new Map<string | undefined, number>()
  for (const [job, members] of groupBy(devices, d => d.job))
    byJob.set(job, job === undefined ? runS : unionWindow(members).durationS)
  return device => byJob.get(device.job) ?? runS
}
