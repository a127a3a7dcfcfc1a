import { CollectError } from './collect-error.js'
import type { GpuChoice } from './collect-config.js'
import type { ListedGpu } from './gpu-discovery.js'

/** The GPUs to sample and what the user should know about the choice. */
export interface GpuSelection {
  gpus: ListedGpu[]
  /** Decisions worth recording in the telemetry. */
  notes: string[]
  /** What the user should see at once too (recorded as notes as well). */
  warnings: string[]
  /** Why no GPU is selected, when none is. */
  noneBecause?: string
}

/** What selection reads besides the listing. */
export interface SelectionContext {
  choice: GpuChoice
  cudaVisibleDevices: string | undefined
  cudaDeviceOrder: string | undefined
  /** MIG UUID → its parent GPU's UUID (from `nvidia-smi -L`). */
  migParents: ReadonlyMap<string, string>
}

/**
 * Picks the GPUs to sample. `auto` follows CUDA_VISIBLE_DEVICES the way
 * CUDA reads it (CUDA C Programming Guide, "CUDA Environment
 * Variables"): integers are device ordinals, `GPU-…` is a UUID or a
 * unique prefix of one, `MIG-…` an instance whose parent board is
 * sampled, and the first entry that names no device ends the list.
 */
export function selectGpus(
  listed: readonly ListedGpu[],
  context: SelectionContext
): GpuSelection {
  const { choice } = context
  const all = { gpus: [...listed], notes: [], warnings: [] }
  if (choice.mode === 'none')
    return { ...all, gpus: [], noneBecause: 'gpus is none' }
  if (choice.mode === 'all') return all
  if (choice.mode === 'list')
    return { ...all, gpus: pickListed(listed, choice.ids) }
  if (context.cudaVisibleDevices === undefined) return all
  return followCudaVisible(listed, context)
}

/** The `gpus` input's ids: nvidia-smi indices or UUIDs, all must exist. */
function pickListed(
  listed: readonly ListedGpu[],
  ids: readonly string[]
): ListedGpu[] {
  const picked = ids.map(id => {
    const found = /^\d+$/.test(id)
      ? listed.find(gpu => gpu.index === Number(id))
      : findByUuid(listed, id)
    if (found) return found
    throw new CollectError(
      `gpus: "${id}" is not a GPU nvidia-smi lists; it lists ${listedText(listed)}`
    )
  })
  return unique(picked)
}

/** CUDA_VISIBLE_DEVICES mapped onto nvidia-smi's GPUs. */
function followCudaVisible(
  listed: readonly ListedGpu[],
  context: SelectionContext
): GpuSelection {
  const value = context.cudaVisibleDevices ?? ''
  const entries = value.split(',').map(e => e.trim())
  const { picked, notes, stop } = walkEntries(listed, entries, context)
  const warnings = orderNotes(listed, entries, context.cudaDeviceOrder)
  if (picked.length > 0) {
    const ignored = stop === undefined ? [] : [stop]
    return { gpus: unique(picked), notes, warnings: [...ignored, ...warnings] }
  }
  const noneBecause =
    value.trim() === ''
      ? 'CUDA_VISIBLE_DEVICES is set but empty, which hides every GPU'
      : stop
  return { gpus: [], notes, warnings, noneBecause }
}

/** The entries' GPUs up to the first that names none (`stop` says why). */
function walkEntries(
  listed: readonly ListedGpu[],
  entries: readonly string[],
  context: SelectionContext
): { picked: ListedGpu[]; notes: string[]; stop?: string } {
  const picked: ListedGpu[] = []
  const notes: string[] = []
  for (const entry of entries) {
    const gpu = resolveEntry(listed, entry, context.migParents)
    if (gpu === undefined)
      return { picked, notes, stop: unmatchedEntry(listed, entry) }
    if (entry.startsWith('MIG-'))
      notes.push(
        `${entry} is a MIG instance: its parent board ${gpu.uuid ?? gpu.index} is sampled (NVML reports power per board, not per instance)`
      )
    picked.push(gpu)
  }
  return { picked, notes }
}

/**
 * Why one CUDA_VISIBLE_DEVICES entry names no GPU here, and what CUDA
 * does about it; a UUID prefix that starts several GPUs' UUIDs is
 * ambiguous, which CUDA treats as naming none.
 */
function unmatchedEntry(listed: readonly ListedGpu[], entry: string): string {
  const starts = listed.filter(gpu => gpu.uuid?.startsWith(entry)).length
  const what =
    entry === ''
      ? 'CUDA_VISIBLE_DEVICES has an empty entry'
      : starts > 1
        ? `CUDA_VISIBLE_DEVICES entry "${entry}" is the start of ${starts} GPUs' UUIDs, so it names none`
        : `CUDA_VISIBLE_DEVICES entry "${entry}" names no GPU here`
  return `${what}; CUDA ignores it and every entry after it (nvidia-smi lists ${listedText(listed)})`
}

/** `0 (GPU-…), 1 (GPU-…)`: the GPUs nvidia-smi lists, for messages. */
function listedText(listed: readonly ListedGpu[]): string {
  const known = listed.map(gpu => `${gpu.index} (${gpu.uuid ?? 'no UUID'})`)
  return known.join(', ') || 'none'
}

/** The GPU one CUDA_VISIBLE_DEVICES entry names, if any. */
function resolveEntry(
  listed: readonly ListedGpu[],
  entry: string,
  migParents: ReadonlyMap<string, string>
): ListedGpu | undefined {
  if (/^\d+$/.test(entry)) return listed[Number(entry)]
  if (entry.startsWith('GPU-')) return findByUuid(listed, entry)
  // Before driver R470 a MIG id named its parent: MIG-GPU-<uuid>/gi/ci.
  const legacy = /^MIG-(GPU-[^/]+)\//.exec(entry)?.[1]
  const parent = legacy ?? migParents.get(entry)
  return parent === undefined ? undefined : findByUuid(listed, parent)
}

/**
 * CUDA numbers devices fastest first unless CUDA_DEVICE_ORDER=PCI_BUS_ID,
 * while nvidia-smi numbers them by PCI bus: the two agree only when every
 * GPU is the same model.
 */
function orderNotes(
  listed: readonly ListedGpu[],
  entries: readonly string[],
  order: string | undefined
): string[] {
  const ordinals = entries.some(entry => /^\d+$/.test(entry))
  const models = new Set(listed.map(gpu => gpu.name))
  if (!ordinals || order === 'PCI_BUS_ID' || models.size <= 1) return []
  return [
    'CUDA_VISIBLE_DEVICES uses ordinals on a host with mixed GPU models and CUDA_DEVICE_ORDER is not PCI_BUS_ID: CUDA may number them differently from nvidia-smi; set CUDA_DEVICE_ORDER=PCI_BUS_ID or list GPU UUIDs'
  ]
}

/** The GPU whose UUID is `id` or starts with it (unique prefix only). */
function findByUuid(
  listed: readonly ListedGpu[],
  id: string
): ListedGpu | undefined {
  const exact = listed.find(gpu => gpu.uuid === id)
  if (exact) return exact
  const matches = listed.filter(gpu => gpu.uuid?.startsWith(id))
  return matches.length === 1 ? matches[0] : undefined
}

/** First occurrence of each GPU, in order. */
function unique(gpus: readonly ListedGpu[]): ListedGpu[] {
  return gpus.filter((gpu, at) => gpus.indexOf(gpu) === at)
}

/**
 * MIG UUID → parent GPU UUID from `nvidia-smi -L`, whose lines read
 * `GPU 0: NAME (UUID: GPU-…)` then, indented, `MIG 3g.40gb Device 0:
 * (UUID: MIG-…)`.
 */
export function parseMigParents(listing: string): Map<string, string> {
  const parents = new Map<string, string>()
  let parent: string | undefined
  for (const line of listing.split('\n')) {
    const uuid = /\(UUID: ((?:GPU|MIG)-[^)\s]+)\)/.exec(line)?.[1]
    if (uuid === undefined) continue
    if (uuid.startsWith('GPU-')) parent = uuid
    else if (parent !== undefined) parents.set(uuid, parent)
  }
  return parents
}
