import { CollectError } from './collect-error.js'
import type { GpuChoice } from './collect-config.js'
import type { ListedGpu } from './gpu-discovery.js'

/** The GPUs to sample and what the user should know about the choice. */
export interface GpuSelection {
  gpus: ListedGpu[]
  notes: string[]
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
  if (choice.mode === 'none') return { gpus: [], notes: ['gpus: none'] }
  if (choice.mode === 'all') return { gpus: [...listed], notes: [] }
  if (choice.mode === 'list')
    return { gpus: pickListed(listed, choice.ids), notes: [] }
  if (context.cudaVisibleDevices === undefined)
    return { gpus: [...listed], notes: [] }
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
    const known = listed.map(gpu => `${gpu.index} (${gpu.uuid ?? 'no UUID'})`)
    throw new CollectError(
      `gpus: "${id}" is not a GPU nvidia-smi lists; it lists ${known.join(', ') || 'none'}`
    )
  })
  return unique(picked)
}

/** CUDA_VISIBLE_DEVICES mapped onto nvidia-smi's GPUs. */
function followCudaVisible(
  listed: readonly ListedGpu[],
  context: SelectionContext
): GpuSelection {
  const entries = (context.cudaVisibleDevices ?? '')
    .split(',')
    .map(e => e.trim())
  const picked: ListedGpu[] = []
  const notes: string[] = []
  for (const entry of entries) {
    const gpu = resolveEntry(listed, entry, context.migParents)
    if (gpu === undefined) {
      if (entry !== '')
        notes.push(
          `CUDA_VISIBLE_DEVICES entry "${entry}" names no GPU here; CUDA ignores it and every entry after it`
        )
      break
    }
    if (entry.startsWith('MIG-'))
      notes.push(
        `${entry} is a MIG instance: its parent board ${gpu.uuid ?? gpu.index} is sampled (NVML reports power per board, not per instance)`
      )
    picked.push(gpu)
  }
  notes.push(...orderNotes(listed, entries, context.cudaDeviceOrder))
  if (picked.length === 0)
    notes.push('CUDA_VISIBLE_DEVICES hides every GPU: none sampled')
  return { gpus: unique(picked), notes }
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
