import { readFileSync } from 'node:fs'
import { describe, expect, it } from '@jest/globals'
import {
  loadMfuPresets,
  mfuPresetFor,
  parseMfuPresets
} from '../../src/calibration/mfu-presets.js'

const raw = (): Record<string, unknown> =>
  JSON.parse(readFileSync('calibration-data/mfu.json', 'utf8')) as Record<
    string,
    unknown
  >

/** The record with this id in a list; fails loudly when it is missing. */
function byId<T extends { id: string }>(list: readonly T[], id: string): T {
  const found = list.find(item => item.id === id)
  if (found === undefined) throw new Error(`no ${id}`)
  return found
}

describe('calibration-data/mfu.json', () => {
  const file = loadMfuPresets()

  it('validates, and the loader gives the same data as the file on disk', () => {
    expect(parseMfuPresets(raw())).toEqual(file)
  })

  it('has a source with a URL for every preset and factor', () => {
    const sources = [
      ...file.mfu.map(m => m.source),
      ...file.utilisation.map(u => u.source),
      ...file.speedups.map(s => s.source),
      file.power_cap.source
    ]
    for (const source of sources) expect(source.url).toMatch(/^https:\/\//)
  })

  it('centres each MFU preset on the midpoint of its published range', () => {
    for (const preset of file.mfu)
      expect(preset.value).toBeCloseTo((preset.low + preset.high) / 2, 3)
  })

  it('takes the MFU ranges from the sources’ figures', () => {
    // PaLM Table 3: MT-NLG 30.2 %, GPT-3 21.3 %, PaLM 46.2 %; llm-foundry
    // MPT-70B on 64 A100: 53.33 %; NVIDIA DGXC H100: 34 % and 54 %.
    expect(byId(file.mfu, 'training-ampere')).toMatchObject({
      low: 0.302,
      high: 0.533
    })
    expect(byId(file.mfu, 'training-other')).toMatchObject({
      low: 0.213,
      high: 0.462
    })
    expect(byId(file.mfu, 'training-hopper')).toMatchObject({
      low: 0.34,
      high: 0.54
    })
    // Pope et al. Table 2: decode at 14 % and 33 % MFU.
    expect(byId(file.mfu, 'inference-any')).toMatchObject({
      low: 0.14,
      high: 0.33
    })
  })

  it('derives the FlashAttention-2 and FP8 factors from the papers’ tables', () => {
    const fa2 = byId(file.speedups, 'flash-attention-2')
    expect(fa2.value).toBeCloseTo((196 / 189 + 205 / 189) / 2, 3)
    expect(fa2.low).toBeCloseTo(196 / 189, 3)
    expect(fa2.high).toBeCloseTo(220 / 170, 3)
    const eager = byId(file.speedups, 'flash-attention-2-from-eager')
    expect(eager.value).toBeCloseTo((196 / 142 + 205 / 149) / 2, 3)
    expect(eager.high).toBeCloseTo(220 / 72, 3)
    const fp8 = byId(file.speedups, 'fp8')
    expect(fp8.value).toBeCloseTo(224.5 / 159.2, 2)
    expect(fp8.low).toBeCloseTo(27.1 / 22.4, 2)
    expect(fp8.high).toBeCloseTo(39.3 / 22.4, 2)
  })

  it('inverts the node power readings into the training utilisation', () => {
    // Node = host + 8·P + (α − 1)·8·(P − idle), host 2.2 kW, α 1.15, idle 72 W.
    const perGpuW = (nodeW: number, hostW: number): number =>
      (nodeW - hostW + 0.15 * 8 * 72) / (8 * 1.15)
    const u = (w: number): number => (w - 72) / (700 - 72)
    const mlperf = u(perGpuW(7160, 2200))
    const newkirk = u(perGpuW(0.76 * 10_200, 2200))
    const training = file.utilisation.find(p => p.kind === 'training')
    expect(training?.value).toBeCloseTo((mlperf + newkirk) / 2, 2)
    expect(training?.low).toBeCloseTo(u(perGpuW(7160, 2900)), 2)
  })

  it('picks the preset naming the GPU, else the catch-all', () => {
    expect(mfuPresetFor('h200-sxm', 'training').id).toBe('training-hopper')
    expect(mfuPresetFor('mi300x', 'training').id).toBe('training-other')
    expect(mfuPresetFor('a100-sxm4-80gb', 'inference').id).toBe('inference-any')
  })

  it('refuses bad data with one line per problem naming the field', () => {
    const bad = raw()
    const mfu = bad.mfu as Record<string, unknown>[]
    mfu[0] = { ...mfu[0], hardware_ids: ['a100-sxm9'] }
    mfu[1] = { ...mfu[1], high: 1.5 }
    expect(() => parseMfuPresets(bad)).toThrow(
      /^calibration-data\/mfu.json is invalid:\nmfu.1: expected 0 < low and high ≤ 1$/
    )
    mfu[1] = { ...file.mfu[1] }
    expect(() => parseMfuPresets(bad)).toThrow(
      'mfu.0.hardware_ids: unknown hardware id "a100-sxm9"'
    )
  })
})
