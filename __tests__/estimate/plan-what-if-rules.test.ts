import { describe, expect, it } from '@jest/globals'
import { estimatePlan } from '../../src/estimate/plan-estimate.js'
import type { PlanInput } from '../../src/estimate/plan-input.js'
import { getPlanPreset } from '../../src/estimate/plan-presets.js'
import {
  compareWhatIfs,
  resolveWhatIf
} from '../../src/estimate/plan-what-ifs.js'

/** The preset's input; fails the test loudly when it is missing. */
function presetInput(id: string): PlanInput {
  const preset = getPlanPreset(id)
  if (preset === undefined) throw new Error(`no preset ${id}`)
  return preset.input
}

/** The single case of a comparison; fails loudly when there is none. */
function onlyCase(input: PlanInput, spec: string) {
  const [found] = compareWhatIfs(input, [spec]).cases
  if (found === undefined) throw new Error(`no case for ${spec}`)
  return found
}

const REPORT = presetInput('llama-7b-report')
const REALISTIC = presetInput('llama-7b-realistic')
const SERVING = presetInput('llama-8b-serving')

describe('another GPU uses its own peak, MFU preset and defaults', () => {
  it('drops the report preset’s MFU 1, sparse peak, fixed power and node profile none', () => {
    const h200 = onlyCase(REPORT, 'gpu=h200-sxm').estimate
    // 12·N·D at the H200's dense 989 TFLOP/s and the Hopper preset's 44 %.
    const hours = (12 * 7e9 * 2e12) / (64 * 989e12 * 0.44) / 3600
    expect(h200.hours).toBeCloseTo(hours, 9)
    expect(h200.plan).toMatchObject({
      peak: 'dense',
      peak_basis: 'dense',
      peak_tflops: 989,
      nodes: 8
    })
    expect(h200.plan.mfu).toEqual({ value: 0.44, low: 0.34, high: 0.54 })
    // The H200's 75 W idle + 0.81 × (700 − 75) W, not the report's 700 W.
    expect(h200.plan.gpu_power_w.value).toBeCloseTo(75 + 0.81 * 625, 9)
  })

  it('skips a GPU without FP8 for a plan that uses FP8', () => {
    const fp8 = { ...REALISTIC, speedups: ['fp8' as const] }
    const comparison = compareWhatIfs(fp8, ['gpu=a100'])
    expect(comparison.cases).toEqual([])
    expect(comparison.skipped[0]?.reason).toBe(
      'the plan uses FP8 and NVIDIA A100 SXM4 80GB has no FP8 tensor cores'
    )
  })
})

describe('FP8 is capped at the accelerator’s dense FP8 peak', () => {
  it('changes nothing on the report preset, already at 1,979 TFLOP/s', () => {
    const fp8 = onlyCase(REPORT, 'fp8')
    // H100 SXM dense FP8 is 1,979 TFLOP/s (datasheet): 1,979 × 1 × 1.41
    // would pass it.
    expect(fp8.estimate.plan.achieved_tflops.value).toBe(1979)
    expect(fp8.change.hours_pct).toBe(0)
    expect(fp8.estimate.plan.notes.join(' ')).toContain(
      'the dense FP8 peak (1,979 TFLOP/s)'
    )
  })

  it('still speeds a dense-peak plan by the measured 1.41', () => {
    const fp8 = onlyCase(REALISTIC, 'fp8')
    expect(fp8.change.hours_pct).toBeCloseTo((1 / 1.41 - 1) * 100, 9)
  })
})

describe('a power cap binds only above the planned power', () => {
  it('has no effect on a serving plan drawing 298 W under a 420 W cap', () => {
    // Inference utilisation 0.36: 72 + 0.36 × 628 = 298 W < 60 % of 700 W.
    expect(72 + 0.36 * 628).toBeLessThan(420)
    const cap = onlyCase(SERVING, 'power-cap')
    const base = estimatePlan(SERVING)
    expect(cap.change.hours_pct).toBe(0)
    expect(cap.change.energy_pct).toBe(0)
    expect(cap.estimate.energy.gpu_kwh).toBe(base.energy.gpu_kwh)
    expect(cap.estimate.plan.notes.join(' ')).toContain(
      'at or above the GPUs’ planned 298 W, so it has no effect'.replace(
        '’',
        "'"
      )
    )
  })

  it('changes GPU energy by exactly the stated factor where it binds, with no clamp', () => {
    // 60 % of 700 W = 420 W, under the planned 581 W: the measured 0.863.
    const cap = onlyCase(REALISTIC, 'power-cap')
    const base = estimatePlan(REALISTIC)
    expect(cap.estimate.energy.gpu_kwh / base.energy.gpu_kwh).toBeCloseTo(
      0.863,
      12
    )
    expect(cap.estimate.plan.gpu_power_w.value).toBeCloseTo(
      ((72 + 0.81 * 628) * 0.863) / 1.068,
      9
    )
    expect(cap.estimate.plan.notes.join(' ')).toMatch(
      /GPU energy × 0\.863 .*no clamp to the cap/
    )
  })
})

describe('another region changes the grid intensity only', () => {
  const cloud: PlanInput = { ...REALISTIC, region: 'aws:us-east-1' }

  it('keeps the AWS fleet PUE of a cloud-region plan, range included', () => {
    const moved = onlyCase(cloud, 'region=FR')
    const base = estimatePlan(cloud)
    expect(moved.title).toBe('Run on the FR grid instead (same PUE)')
    expect(moved.estimate.assumptions.pue).toEqual(base.assumptions.pue)
    expect(moved.estimate.assumptions.pue?.value).toBe(1.15)
    expect(moved.estimate.energy).toEqual(base.energy)
    expect(moved.change.energy_pct).toBe(0)
    expect(moved.source).toContain('The PUE stays the baseline')
  })

  it('keeps the industry PUE when moving a country plan to a cloud region', () => {
    const moved = onlyCase(REALISTIC, 'region=aws:eu-north-1')
    expect(moved.estimate.assumptions.pue?.value).toBe(1.56)
    expect(moved.change.energy_pct).toBe(0)
    expect(moved.estimate.plan.notes.join(' ')).toContain(
      'PUE: the industry average PUE is kept'
    )
  })

  it('refuses an unknown region the way the plan itself does', () => {
    expect(() => resolveWhatIf('region=MARS')).toThrow(
      /^invalid plan input:\nwhat-if region: unknown region "MARS"; expected a country code/
    )
    expect(() => resolveWhatIf('region=gcp:nowhere')).toThrow(
      'what-if region: unknown gcp cloud region "gcp:nowhere"'
    )
  })
})

describe('speed-ups measured on training are not applied to serving', () => {
  it('skips FlashAttention-2 and FP8 for an inference plan, saying why', () => {
    const comparison = compareWhatIfs(SERVING, [
      'flash-attention-2',
      'flash-attention-2-from-eager',
      'fp8'
    ])
    expect(comparison.cases).toEqual([])
    expect(comparison.skipped.map(s => s.id)).toEqual([
      'flash-attention-2',
      'flash-attention-2-from-eager',
      'fp8'
    ])
    for (const skipped of comparison.skipped)
      expect(skipped.reason).toContain('measured on training throughput')
  })
})

describe('a cap below the measured 60 %', () => {
  it('is accepted where it never binds, and has no effect', () => {
    // Utilisation 0.3 on an H100: 72 + 0.3 × 628 = 260.4 W, under 300 W.
    const input: PlanInput = { ...REALISTIC, utilisation: 0.3 }
    const capped = estimatePlan({ ...input, powerCapW: 300 })
    expect(capped.plan.gpu_power_w.value).toBeCloseTo(72 + 0.3 * 628, 9)
    expect(capped.energy).toEqual(estimatePlan(input).energy)
  })

  it('is refused where it would bind, outside the measurement', () => {
    expect(() => estimatePlan({ ...REALISTIC, powerCapW: 300 })).toThrow(
      /powerCapW: 300 W is 43 % of the .*700 W; accepted from 420 W .* up to 700 W here, has no effect/
    )
  })
})
