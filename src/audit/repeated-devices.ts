import type { DeviceRecord } from './device-records.js'

/** A copy of a device's readings that was set aside for another file's. */
export interface SetAsideCopy {
  file: string
  energyJ: number
  overlapS: number
  /** Seconds the copy covers outside the kept file's window. */
  outsideS: number
}

/**
 * Counts each GPU once when several files report it over the same time: a
 * device with the same node and UUID (or PCI bus id) in two files whose
 * windows overlap is one physical board sampled twice, say by
 * nvidia-smi and by DCGM, or a log uploaded by two jobs. The best copy is
 * kept and the others are noted on it; copies that do not overlap (one
 * board used by consecutive jobs) are all counted. Devices known only by
 * index are never merged: index 0 on two machines is two GPUs.
 */
export function mergeRepeatedDevices(
  records: readonly DeviceRecord[]
): DeviceRecord[] {
  const kept: DeviceRecord[] = []
  for (const record of [...records].sort(byPreference)) {
    const twin = kept.find(other => isSameBoardAtOnce(other, record))
    if (twin === undefined) kept.push(record)
    else twin.setAside.push(copyNote(twin, record))
  }
  // Back to reading order, so ids and tables follow the files.
  return kept.sort((a, b) => records.indexOf(a) - records.indexOf(b))
}

/** Same node, same hardware identity, overlapping windows. */
function isSameBoardAtOnce(a: DeviceRecord, b: DeviceRecord): boolean {
  const keyA = hardwareKey(a)
  if (keyA === undefined || keyA !== hardwareKey(b)) return false
  return overlapS(a, b) > 0
}

/** node + UUID or PCI bus id; undefined when the file gave neither. */
function hardwareKey(record: DeviceRecord): string | undefined {
  const { uuid, pciBusId } = record.identity
  const hardware = uuid ?? pciBusId
  return hardware === undefined
    ? undefined
    : `${record.node}/${hardware.toLowerCase()}`
}

/** Seconds both devices' windows share. */
function overlapS(a: DeviceRecord, b: DeviceRecord): number {
  const startMs = Math.max(a.outcome.firstMs, b.outcome.firstMs)
  const endMs = Math.min(a.outcome.lastMs, b.outcome.lastMs)
  const sameInstant = startMs === endMs && a.outcome.firstMs === endMs
  return sameInstant ? 1e-3 : Math.max(0, (endMs - startMs) / 1000)
}

/**
 * Measured before estimated, an energy counter before power readings,
 * then the longer measured time, then more samples.
 */
function byPreference(a: DeviceRecord, b: DeviceRecord): number {
  return (
    levelRank(a) - levelRank(b) ||
    fieldRank(a) - fieldRank(b) ||
    b.outcome.measuredS - a.outcome.measuredS ||
    b.outcome.samples - a.outcome.samples
  )
}

/** L2 readings rank before L1 estimates. */
function levelRank(record: DeviceRecord): number {
  return record.outcome.level === 'L2' ? 0 : 1
}

/** Energy counters rank before sampled power. */
function fieldRank(record: DeviceRecord): number {
  return record.outcome.field === 'energy-counter' ? 0 : 1
}

/** What the report says about a copy set aside. */
function copyNote(kept: DeviceRecord, copy: DeviceRecord): SetAsideCopy {
  const sharedS = overlapS(kept, copy)
  const copyS = Math.max(0, (copy.outcome.lastMs - copy.outcome.firstMs) / 1000)
  return {
    file: copy.file,
    energyJ: copy.outcome.energy.valueJ,
    overlapS: sharedS,
    outsideS: Math.max(0, copyS - sharedS)
  }
}
