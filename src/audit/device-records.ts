import type { BoundedJ, DeviceOutcome } from '../model/device-outcome.js'
import type { DeviceSpec } from '../model/device-spec.js'
import type { DeviceIdentity, FileFact } from '../telemetry/sink.js'
import type { FileReading } from './read-telemetry.js'

/** Node name used when neither the file nor the user names one. */
export const LOCAL_NODE = 'local'

/** One device of the audit with what the model concluded for it. */
export interface DeviceRecord {
  id: string
  node: string
  file: string
  identity: DeviceIdentity
  spec: DeviceSpec
  hardwareNote: string | undefined
  outcome: DeviceOutcome
  /** Set when the node model lifts the device to L3. */
  l3: boolean
}

/**
 * Finishes every device of every file read. Ids are stable across runs:
 * node/uuid, else node/pci bus id, else node/index (or the file's key).
 */
export function collectDevices(
  readings: readonly FileReading[]
): DeviceRecord[] {
  const records: DeviceRecord[] = []
  const seen = new Map<string, number>()
  for (const reading of readings) {
    if (!('sink' in reading)) continue
    const itShare = 1 / appliedPueOf(reading.sink.facts)
    for (const device of reading.sink.devices) {
      const node = device.identity.node ?? LOCAL_NODE
      const id = uniqueId(`${node}/${deviceKey(device.identity)}`, seen)
      records.push({
        id,
        node,
        file: reading.file,
        identity: device.identity,
        spec: device.spec,
        hardwareNote: device.hardwareNote,
        outcome: scaleOutcome(device.accumulator.outcome(), itShare),
        l3: false
      })
    }
  }
  return records
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
