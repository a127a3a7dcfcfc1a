/**
 * Accelerator lookup by the name a tool printed or by a user-facing alias.
 * Matching is exact after {@link normaliseGpuName}; there is no substring
 * or prefix matching, so `NVIDIA L40S` never becomes an `L4` and
 * `NVIDIA GeForce RTX 4090 D` is unknown rather than an RTX 4090.
 */
import { normaliseGpuName } from './gpu-name.js'
import { loadCalibration } from './load.js'
import type { Hardware } from './schemas.js'

/** How a name matched: a printed device name, or an id/alias. */
export type HardwareMatchKind = 'exact' | 'alias'

/** A catalogue hit for a GPU name. */
export interface HardwareMatch {
  hardware: Hardware
  matched: HardwareMatchKind
  /** The MIG profile removed from the name (`3g.20gb`), if any. */
  migProfile?: string
}

interface NameIndex {
  names: Map<string, Hardware>
  aliases: Map<string, Hardware>
}

let index: NameIndex | undefined

/** Printed names (vendor word optional) and aliases (id included). */
function nameIndex(): NameIndex {
  if (index !== undefined) return index
  const records = loadCalibration().hardware.records
  index = {
    names: new Map(
      records.flatMap(hw => hw.names.map(n => [normaliseGpuName(n).key, hw]))
    ),
    aliases: new Map(
      records.flatMap(hw =>
        [hw.id, ...hw.aliases].map(a => [normaliseGpuName(a).aliasKey, hw])
      )
    )
  }
  return index
}

/**
 * Finds the catalogue record for a GPU name such as `NVIDIA H100 80GB HBM3`,
 * `1 x NVIDIA A100-SXM4-40GB`, `NVIDIA A100-SXM4-40GB MIG 3g.20gb` (its
 * parent) or an alias like `h100`; undefined when the name is unknown, for
 * the caller to report and fall back to {@link genericGpu}.
 */
export function matchHardware(name: string): HardwareMatch | undefined {
  const { key, aliasKey, migProfile } = normaliseGpuName(name)
  const { names, aliases } = nameIndex()
  const printed = key === '' ? undefined : names.get(key)
  const alias = aliases.get(aliasKey)

  const match: HardwareMatch | undefined =
    printed !== undefined
      ? { hardware: printed, matched: 'exact' }
      : alias && { hardware: alias, matched: 'alias' }
  if (match === undefined || migProfile === undefined) return match
  return { ...match, migProfile }
}

/** The record with this catalogue id (`h100-sxm`), if any. */
export function getHardware(id: string): Hardware | undefined {
  return loadCalibration().hardware.records.find(hw => hw.id === id)
}

/** The wide-bounds class used for a GPU the catalogue does not know. */
export function genericGpu(): Hardware {
  const generic = getHardware('generic-gpu')
  // The loader refuses data without it, so this only guards the type.
  if (generic === undefined) throw new Error('generic-gpu record missing')
  return generic
}

/** Every accelerator record, generic class included. */
export function listHardware(): readonly Hardware[] {
  return loadCalibration().hardware.records
}
