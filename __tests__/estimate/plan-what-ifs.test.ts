import { describe, expect, it } from '@jest/globals'
import { averageIntensity } from '@tgwf/co2/data'
import {
  type PlanInput,
  PlanInputError,
  withoutFields
} from '../../src/estimate/plan-input.js'
import {
  compareWhatIfs,
  PARAMETERISED_WHAT_IFS,
  resolveWhatIf,
  WHAT_IFS
} from '../../src/estimate/plan-what-ifs.js'

const PLAN: PlanInput = {
  kind: 'training',
  params: 7e9,
  tokens: 2e12,
  gpu: 'h100-sxm',
  gpus: 64,
  region: 'SE',
  gpuHourPriceUsd: 3.5
}

/** The case with this id; fails loudly when it is missing. */
function caseOf(comparison: ReturnType<typeof compareWhatIfs>, id: string) {
  const found = comparison.cases.find(c => c.id === id)
  if (found === undefined) throw new Error(`no case ${id}`)
  return found
}

describe('compareWhatIfs', () => {
  const comparison = compareWhatIfs(PLAN)

  it('runs every parameterless what-if by default', () => {
    expect(comparison.cases.map(c => c.id)).toEqual(WHAT_IFS.map(w => w.id))
    expect(comparison.skipped).toEqual([])
  })

  it('shortens time by FlashAttention-2’s 2k-context factor, (196/189 + 205/189) ÷ 2', () => {
    const factor = (196 / 189 + 205 / 189) / 2
    const fa2 = caseOf(comparison, 'flash-attention-2')
    // The file rounds the factor to 1.061; time scales with its inverse.
    expect(factor).toBeCloseTo(1.061, 3)
    expect(fa2.change.hours_pct).toBeCloseTo((1 / 1.061 - 1) * 100, 9)
    expect(fa2.change.cost_pct).toBeCloseTo((1 / 1.061 - 1) * 100, 9)
    expect(fa2.source).toContain('arxiv.org/abs/2307.08691')
  })

  it('shortens time by FP8’s Transformer Engine factor, 224.5 / 159.2', () => {
    expect(224.5 / 159.2).toBeCloseTo(1.41, 2)
    expect(caseOf(comparison, 'fp8').change.hours_pct).toBeCloseTo(
      (1 / 1.41 - 1) * 100,
      9
    )
  })

  it('lengthens time by 6.8 % with a 60 % power cap and saves energy', () => {
    const cap = caseOf(comparison, 'power-cap')
    expect(cap.estimate.assumptions.power_cap_w?.value).toBe(420)
    expect(cap.change.hours_pct).toBeCloseTo(6.8, 9)
    expect(cap.change.energy_pct ?? 0).toBeLessThan(0)
  })

  it('scales carbon alone by the ratio of grid intensities for another region', () => {
    const moved = caseOf(compareWhatIfs(PLAN, ['region=FR']), 'region=FR')
    const ratio =
      (averageIntensity.data.FRA ?? NaN) / (averageIntensity.data.SWE ?? NaN)
    expect(moved.change.hours_pct).toBe(0)
    expect(moved.change.energy_pct).toBe(0)
    expect(moved.change.carbon_pct).toBeCloseTo((ratio - 1) * 100, 9)
  })

  it('halves time and keeps energy for twice the GPUs', () => {
    const doubled = caseOf(compareWhatIfs(PLAN, ['gpus=128']), 'gpus=128')
    expect(doubled.change.hours_pct).toBeCloseTo(-50, 9)
    expect(doubled.change.energy_pct).toBeCloseTo(0, 9)
  })

  it('uses the other GPU’s peak and MFU preset', () => {
    const a100 = caseOf(
      compareWhatIfs(PLAN, ['gpu=a100']),
      'gpu=a100-sxm4-80gb'
    )
    // 989 × 0.44 on H100 against 312 × 0.4175 on A100.
    const ratio = (989 * 0.44) / (312 * 0.4175)
    expect(a100.change.hours_pct).toBeCloseTo((ratio - 1) * 100, 9)
  })

  it('gives a null cost change, with the reason, when no price is given', () => {
    const free = withoutFields(PLAN, ['gpuHourPriceUsd'])
    const fa2 = caseOf(
      compareWhatIfs(free, ['flash-attention-2']),
      'flash-attention-2'
    )
    expect(fa2.change.cost_pct).toBeNull()
    expect(fa2.reasons).toEqual(['cost: no price given, so no cost to compare'])
  })

  it('gives a null carbon change from a zero baseline, never NaN or Infinity', () => {
    const clean = compareWhatIfs({ ...PLAN, intensityGPerKWh: 0 }, [
      'region=FR',
      'fp8'
    ])
    expect(caseOf(clean, 'region=FR').change.carbon_pct).toBeNull()
    expect(caseOf(clean, 'region=FR').reasons[0]).toMatch(
      /carbon: the baseline is 0/
    )
    expect(caseOf(clean, 'fp8').change.carbon_pct).toBe(0)
  })

  it('skips what-ifs that do not apply, saying why', () => {
    const a100 = compareWhatIfs({ ...PLAN, gpu: 'a100' }, ['fp8'])
    expect(a100.cases).toEqual([])
    expect(a100.skipped).toEqual([
      {
        id: 'fp8',
        title: 'FP8 instead of BF16 (Transformer Engine)',
        reason: 'NVIDIA A100 SXM4 80GB has no FP8 tensor cores'
      }
    ])
    const twice = compareWhatIfs({ ...PLAN, speedups: ['flash-attention-2'] }, [
      'flash-attention-2-from-eager'
    ])
    expect(twice.skipped[0]?.reason).toBe(
      'the plan already has flash-attention-2'
    )
  })
})

describe('resolveWhatIf', () => {
  it('lists the parameterised what-ifs', () => {
    expect(PARAMETERISED_WHAT_IFS.map(w => w.id)).toEqual([
      'gpu',
      'region',
      'gpus',
      'power-cap'
    ])
  })

  it.each([
    [
      'warp-drive',
      /what-if: got "warp-drive"; expected one of flash-attention-2, .*gpu=…/
    ],
    ['fp8=2', /what-if: got "fp8=2"/],
    ['gpus=abc', /what-if gpus: got "abc"; expected a whole number/],
    ['gpu=h999', /gpu: "h999" is not in calibration-data/],
    ['power-cap=-3', /what-if power-cap: got "-3"/]
  ])('refuses %s', (spec, message) => {
    expect(() => resolveWhatIf(spec)).toThrow(PlanInputError)
    expect(() => resolveWhatIf(spec)).toThrow(message)
  })

  it('drops every GPU-specific override for another GPU, node profile none included', () => {
    const moved = resolveWhatIf('gpu=h200-sxm').apply({
      ...PLAN,
      nodeProfile: 'none',
      gpuPowerW: 700,
      peakTflops: 1979,
      peak: 'sparse',
      mfu: 1,
      powerCapW: 500
    })
    expect(moved).toEqual({ ...PLAN, gpu: 'h200-sxm' })
  })
})
