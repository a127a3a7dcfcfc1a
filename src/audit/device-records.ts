import type { BoundedJ, DeviceOutcome } from '../model/device-outcome.js'
import type { DeviceSpec } from '../model/device-spec.js'
import type { DeviceIdentity, FileFact } from '../telemetry/sink.js'
import type { FileReading } from './read-source.js'
import { type SetAsideCopy, mergeRepeatedDevices } from './repeated-devices.js'

/** Node name used when neither the file nor the user names one. */
export const LOCAL_NODE = 'local'

/** One device of the audit with what the model concluded for it. */
export interface DeviceRecord {
  id: string
  node: string
  /** The job (matrix leg) whose telemetry artifact held the file. */
  job: string | undefined
  file: string
  identity: DeviceIdentity
  spec: DeviceSpec
  hardwareNote: string | undefined
  outcome: DeviceOutcome
  /** Set when the node model lifts the device to L3. */
  l3: boolean
  /** Other files' readings of this same board over the same time. */
  setAside: SetAsideCopy[]
}

/** Files under `folder` came from the telemetry artifact of `job`. */
export interface JobFolder {
  folder: string
  job: string
}

/**
 * Finishes every device of every file read, counts a board that several
 * files report over the same time once, and names each device. Ids are
 * stable across runs: node/uuid, else node/pci bus id, else node/index
 * (or the file's key).
 */
export function collectDevices(
  readings: readonly FileReading[],
  jobFolders: readonly JobFolder[] = []
): DeviceRecord[] {
  const records: DeviceRecord[] = []
  for (const reading of readings) {
    if (!('sink' in reading)) continue
    const itShare = 1 / appliedPueOf(reading.sink.facts)
    const job = jobOf(reading.file, jobFolders)
    for (const device of reading.sink.devices) {
      const node = device.identity.node ?? LOCAL_NODE
      records.push({
        id: `${node}/${deviceKey(device.identity)}`,
        node,
        job,
        file: reading.file,
        identity: device.identity,
        spec: device.spec,
        hardwareNote: device.hardwareNote,
        outcome: scaleOutcome(device.accumulator.outcome(), itShare),
        l3: false,
        setAside: []
      })
    }
  }
  const seen = new Map<string, number>()
  const merged = mergeRepeatedDevices(records)
  for (const record of merged) record.id = uniqueId(record.id, seen)
  return merged
}

/** The job whose folder holds the file, if any. */
function jobOf(
  file: string,
  jobFolders: readonly JobFolder[]
): string | undefined {
  const found = jobFolders.find(({ folder }) =>
    file.startsWith(folder.endsWith('/') ? folder : `${folder}/`)
  )
  return found?.job
}

/**
 * The PUE a file says its energies already include (CodeCarbon multiplies
 * every energy column by its PUE), 1 when none.
 */
function appliedPueOf(facts: readonly FileFact[]): number {
  const fact = facts.find(f => f.kind === 'pue-applied')
  return fact?.kind === 'pue-applied' ? fact.pue : 1
}

/** Energies × `factor` (to take a PUE a tool applied back out). */
function scaleOutcome(outcome: DeviceOutcome, factor: number): DeviceOutcome {
  if (factor === 1) return outcome
  const scale = (e: BoundedJ): BoundedJ => ({
    valueJ: e.valueJ * factor,
    lowJ: e.lowJ * factor,
    highJ: e.highJ * factor
  })
  return {
    ...outcome,
    energy: scale(outcome.energy),
    dynamic: scale(outcome.dynamic),
    meanW: outcome.meanW * factor,
    gaps: outcome.gaps.map(gap => ({ ...gap, filledJ: gap.filledJ * factor }))
  }
}

/** The most stable key the file gives for a device. */
function deviceKey(identity: DeviceIdentity): string {
  if (identity.kind !== 'gpu') return identity.kind
  return identity.uuid ?? identity.pciBusId ?? identity.index ?? identity.key
}

/** `id`, or `id#2`, `id#3`… when another file already used it. */
function uniqueId(id: string, seen: Map<string, number>): string {
  const count = (seen.get(id) ?? 0) + 1
  seen.set(id, count)
  return count === 1 ? id : `${id}#${count}`
}
