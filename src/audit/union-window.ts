import type { DeviceRecord } from './device-records.js'
import { extent } from './group-by.js'

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
