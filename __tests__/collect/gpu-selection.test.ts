import { describe, expect, it } from '@jest/globals'
import type { ListedGpu } from '../../src/collect/gpu-discovery.js'
import { parseMigParents, selectGpus } from '../../src/collect/gpu-selection.js'

const A100 = 'NVIDIA A100-SXM4-80GB'
const LISTED: ListedGpu[] = [
  {
    index: 0,
    uuid: 'GPU-aaaa1111-0000-0000-0000-000000000000',
    name: A100,
    pciBusId: '00000000:07:00.0',
    powerLimitW: 400
  },
  {
    index: 1,
    uuid: 'GPU-aaaa2222-0000-0000-0000-000000000000',
    name: A100,
    pciBusId: '00000000:0F:00.0',
    powerLimitW: 400
  },
  {
    index: 2,
    uuid: 'GPU-bbbb3333-0000-0000-0000-000000000000',
    name: A100,
    pciBusId: '00000000:47:00.0',
    powerLimitW: 400
  }
]

/** What nvidia-smi lists, as the messages name it. */
const LISTED_TEXT =
  '0 (GPU-aaaa1111-0000-0000-0000-000000000000), 1 (GPU-aaaa2222-0000-0000-0000-000000000000), 2 (GPU-bbbb3333-0000-0000-0000-000000000000)'

/** The nvidia-smi indices selected, and what was said about them. */
function indices(
  cudaVisibleDevices: string | undefined,
  migParents = new Map<string, string>()
): {
  picked: number[]
  notes: string[]
  warnings: string[]
  noneBecause?: string
} {
  const { gpus, ...said } = selectGpus(LISTED, {
    choice: { mode: 'auto' },
    cudaVisibleDevices,
    cudaDeviceOrder: undefined,
    migParents
  })
  return { picked: gpus.map(g => g.index), ...said }
}

describe('GPU selection from CUDA_VISIBLE_DEVICES', () => {
  it('samples every GPU when it is not set', () => {
    expect(indices(undefined).picked).toEqual([0, 1, 2])
  })

  it('maps CUDA ordinals to nvidia-smi GPUs in order', () => {
    expect(indices('2,0').picked).toEqual([2, 0])
  })

  it('takes a full UUID or a unique prefix, and stops at an ambiguous one as CUDA does, with a warning', () => {
    expect(
      indices('GPU-bbbb,GPU-aaaa1111-0000-0000-0000-000000000000').picked
    ).toEqual([2, 0])
    const ambiguous = indices('GPU-bbbb,GPU-aaaa,1')
    expect(ambiguous.picked).toEqual([2])
    expect(ambiguous.warnings).toEqual([
      `CUDA_VISIBLE_DEVICES entry "GPU-aaaa" is the start of 2 GPUs' UUIDs, so it names none; CUDA ignores it and every entry after it (nvidia-smi lists ${LISTED_TEXT})`
    ])
  })

  it('says why no GPU is selected when the first entry is an ambiguous prefix', () => {
    expect(indices('GPU-aaaa,2')).toEqual({
      picked: [],
      notes: [],
      warnings: [],
      noneBecause: `CUDA_VISIBLE_DEVICES entry "GPU-aaaa" is the start of 2 GPUs' UUIDs, so it names none; CUDA ignores it and every entry after it (nvidia-smi lists ${LISTED_TEXT})`
    })
  })

  it('stops at -1 and says why when nothing before it was valid', () => {
    const hidden = indices('-1,0')
    expect(hidden.picked).toEqual([])
    expect(hidden.noneBecause).toBe(
      `CUDA_VISIBLE_DEVICES entry "-1" names no GPU here; CUDA ignores it and every entry after it (nvidia-smi lists ${LISTED_TEXT})`
    )
  })

  it('says that an empty value hides every GPU', () => {
    expect(indices(' ')).toEqual({
      picked: [],
      notes: [],
      warnings: [],
      noneBecause:
        'CUDA_VISIBLE_DEVICES is set but empty, which hides every GPU'
    })
  })

  it('samples the parent board of a MIG instance, old-style and new-style ids', () => {
    const mig = 'MIG-c7384736-a75d-5afc-978f-d2f1294409fd'
    const parents = parseMigParents(
      `GPU 0: ${A100} (UUID: ${LISTED[0]!.uuid})\nGPU 1: ${A100} (UUID: ${LISTED[1]!.uuid})\n  MIG 3g.40gb     Device  0: (UUID: ${mig})\n`
    )
    expect(parents.get(mig)).toBe(LISTED[1]!.uuid)
    const picked = indices(`${mig},MIG-${LISTED[2]!.uuid}/1/0`, parents)
    expect(picked.picked).toEqual([1, 2])
    expect(picked.notes[0]).toContain(
      'is a MIG instance: its parent board GPU-aaaa2222'
    )
  })

  it('warns that ordinals may not match on a host with mixed models unless CUDA_DEVICE_ORDER=PCI_BUS_ID', () => {
    const mixed = LISTED.map((gpu, i) =>
      i === 2 ? { ...gpu, name: 'NVIDIA L4' } : gpu
    )
    const context = {
      choice: { mode: 'auto' as const },
      cudaVisibleDevices: '0',
      migParents: new Map<string, string>()
    }
    expect(
      selectGpus(mixed, { ...context, cudaDeviceOrder: undefined }).warnings[0]
    ).toContain('set CUDA_DEVICE_ORDER=PCI_BUS_ID')
    expect(
      selectGpus(mixed, { ...context, cudaDeviceOrder: 'PCI_BUS_ID' }).warnings
    ).toEqual([])
  })
})

describe('GPU selection from the gpus input', () => {
  const context = {
    cudaVisibleDevices: '0',
    cudaDeviceOrder: undefined,
    migParents: new Map<string, string>()
  }

  it('all ignores CUDA_VISIBLE_DEVICES, none samples nothing', () => {
    expect(
      selectGpus(LISTED, { ...context, choice: { mode: 'all' } }).gpus
    ).toHaveLength(3)
    expect(
      selectGpus(LISTED, { ...context, choice: { mode: 'none' } })
    ).toMatchObject({ gpus: [], noneBecause: 'gpus is none' })
  })

  it('takes nvidia-smi indices and UUIDs, once each', () => {
    const gpus = selectGpus(LISTED, {
      ...context,
      choice: { mode: 'list', ids: ['1', 'GPU-aaaa2222', '0'] }
    }).gpus
    expect(gpus.map(g => g.index)).toEqual([1, 0])
  })

  it('refuses an id that names no GPU, listing the ones there are', () => {
    expect(() =>
      selectGpus(LISTED, { ...context, choice: { mode: 'list', ids: ['7'] } })
    ).toThrow(
      `gpus: "7" is not a GPU nvidia-smi lists; it lists ${LISTED_TEXT}`
    )
  })
})
