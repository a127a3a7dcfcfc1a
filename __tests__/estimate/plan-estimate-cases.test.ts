import { describe, expect, it } from '@jest/globals'
import { estimatePlan } from '../../src/estimate/plan-estimate.js'
import {
  type PlanInput,
  PlanInputError
} from '../../src/estimate/plan-input.js'
import type { PlanEstimate } from '../../src/estimate/plan-schema.js'
import { PLAN_PRESETS } from '../../src/estimate/plan-presets.js'
import { compareWhatIfs } from '../../src/estimate/plan-what-ifs.js'

const BASE: PlanInput = {
  kind: 'training',
  params: 1e9,
  tokens: 1e11,
  gpu: 'a100',
  gpus: 16,
  region: 'FR'
}

/** The message of the PlanInputError `run` throws. */
function problemOf(run: () => unknown): string {
  try {
    run()
  } catch (error) {
    if (error instanceof PlanInputError) return error.message
    throw error
  }
  throw new Error('expected a PlanInputError')
}

/** Every number anywhere in `value`. */
function numbersIn(value: unknown): number[] {
  if (typeof value === 'number') return [value]
  if (value === null || typeof value !== 'object') return []
  return Object.values(value).flatMap(numbersIn)
}

/** low ≤ central ≤ high for every bounded quantity of an estimate. */
function expectOrdered(estimate: PlanEstimate): void {
  const { plan, energy, carbon, cost } = estimate
  for (const b of [
    plan.mfu,
    plan.hours,
    plan.gpu_hours,
    plan.gpu_power_w,
    plan.achieved_tflops,
    plan.speedup,
    plan.power_cap_time_factor
  ]) {
    expect(b.low).toBeLessThanOrEqual(b.value)
    expect(b.value).toBeLessThanOrEqual(b.high)
  }
  expect(energy.low_kwh).toBeLessThanOrEqual(energy.facility_kwh)
  expect(energy.facility_kwh).toBeLessThanOrEqual(energy.high_kwh)
  expect(carbon.low_kg).toBeLessThanOrEqual(carbon.kg)
  expect(carbon.kg).toBeLessThanOrEqual(carbon.high_kg)
  if (cost.total_usd !== null) {
    expect(cost.low_usd ?? NaN).toBeLessThanOrEqual(cost.total_usd)
    expect(cost.total_usd).toBeLessThanOrEqual(cost.high_usd ?? NaN)
  }
}

describe('bounds hold low ≤ central ≤ high, never NaN', () => {
  const inputs: [string, PlanInput][] = [
    ...PLAN_PRESETS.map((p): [string, PlanInput] => [p.id, p.input]),
    ['A100 in France', BASE],
    ['no region (world spread)', { ...BASE, region: undefined }],
    [
      'power cap',
      {
        ...BASE,
        gpu: 'h100-sxm',
        powerCapW: 500,
        electricityPriceUsdPerKWh: 0.1
      }
    ],
    [
      'FP8 and FlashAttention-2 near the peak',
      {
        ...BASE,
        gpu: 'h100-sxm',
        mfu: 0.9,
        speedups: ['fp8', 'flash-attention-2-from-eager']
      }
    ],
    ['a PCIe server, partly filled', { ...BASE, gpu: 'l40s', gpus: 6 }],
    ['no node profile for the GPU', { ...BASE, gpu: 'b200' }]
  ]
  it.each(inputs)('%s', (_name, input) => {
    const estimate = estimatePlan(input)
    expectOrdered(estimate)
    for (const n of numbersIn(estimate)) expect(Number.isFinite(n)).toBe(true)
    expect(estimate.energy.low_kwh).toBeGreaterThan(0)
  })

  it('holds for every what-if of the realistic preset', () => {
    const realistic = PLAN_PRESETS.find(p => p.id === 'llama-7b-realistic')
    const comparison = compareWhatIfs(realistic?.input ?? BASE)
    for (const c of comparison.cases) expectOrdered(c.estimate)
  })
})

describe('planning inputs and their defaults', () => {
  it('counts 2·N FLOPs per token per day of serving for inference', () => {
    const estimate = estimatePlan({
      ...BASE,
      kind: 'inference',
      tokens: 1e9,
      days: 30
    })
    expect(estimate.plan.flops).toBe(2 * 1e9 * 1e9 * 30)
    expect(estimate.plan.days).toBe(30)
    expect(estimate.assumptions.workload?.value).toBe('inference')
  })

  it('takes a given MFU as exact: time has no spread', () => {
    const estimate = estimatePlan({ ...BASE, mfu: 0.5 })
    // 6·N·D ÷ (16 × 312 TFLOP/s × 0.5), in hours.
    const hours = (6 * 1e9 * 1e11) / (16 * 312e12 * 0.5) / 3600
    expect(estimate.plan.hours).toEqual({
      value: hours,
      low: hours,
      high: hours
    })
    expect(estimate.assumptions.mfu).toMatchObject({
      value: 0.5,
      is_default: false
    })
  })

  it('applies FP8 and FlashAttention-2 as throughput factors', () => {
    const plain = estimatePlan({ ...BASE, gpu: 'h100-sxm', mfu: 0.4 })
    const faster = estimatePlan({
      ...BASE,
      gpu: 'h100-sxm',
      mfu: 0.4,
      speedups: ['fp8', 'flash-attention-2']
    })
    expect((plain.hours ?? 0) / (faster.hours ?? 1)).toBeCloseTo(
      1.41 * 1.061,
      9
    )
  })

  it('caps MFU × speed-up at the FP8 peak', () => {
    const estimate = estimatePlan({
      ...BASE,
      gpu: 'h100-sxm',
      mfu: 1,
      speedups: ['fp8']
    })
    expect(estimate.plan.achieved_tflops.value).toBeCloseTo(989 * 1.41, 6)
    const capped = estimatePlan({
      ...BASE,
      gpu: 'h100-sxm',
      mfu: 1,
      speedups: ['fp8', 'flash-attention-2-from-eager']
    })
    // 1 × 1.41 × 1.378 = 1.94 stays below 1,979 ÷ 989; the high end is capped.
    expect(capped.plan.achieved_tflops.high).toBeCloseTo(1979, 6)
    expect(capped.plan.notes.join(' ')).toContain('capped')
  })

  it('lengthens time and cuts GPU energy by the interpolated power-cap factors', () => {
    // 490 W of 700 W is 70 %: three quarters of the way from 100 % to 60 %;
    // the planned 72 + 0.81 × 628 = 581 W is above the cap, so it binds.
    const weight = (1 - 490 / 700) / (1 - 0.6)
    const plain = estimatePlan({ ...BASE, gpu: 'h100-sxm' })
    const capped = estimatePlan({ ...BASE, gpu: 'h100-sxm', powerCapW: 490 })
    expect((capped.hours ?? 0) / (plain.hours ?? 1)).toBeCloseTo(
      1 + 0.068 * weight,
      9
    )
    expect(capped.energy.gpu_kwh / plain.energy.gpu_kwh).toBeCloseTo(
      1 - 0.137 * weight,
      9
    )
  })

  it('leaves host power out with node profile none and says so', () => {
    const estimate = estimatePlan({ ...BASE, nodeProfile: 'none' })
    expect(estimate.energy.it_kwh).toBe(estimate.energy.gpu_kwh)
    expect(estimate.plan.nodes).toBe(0)
    expect(estimate.plan.notes.join(' ')).toContain('no host power')
  })

  it('counts a part-filled node’s whole host', () => {
    const estimate = estimatePlan({ ...BASE, gpus: 12 })
    expect(estimate.plan.nodes).toBe(2)
    expect(estimate.plan.notes.join(' ')).toContain('12 GPUs fill 2 nodes of 8')
  })

  it('uses the provider’s PUE for a cloud region', () => {
    const estimate = estimatePlan({ ...BASE, region: 'aws:eu-north-1' })
    expect(estimate.assumptions.pue?.value).toBe(1.15)
  })

  it('replaces the region’s intensity with a given one', () => {
    const estimate = estimatePlan({ ...BASE, intensityGPerKWh: 100 })
    expect(estimate.carbon).toMatchObject({
      intensity_g_per_kwh: 100,
      fallback: 'given'
    })
    expect(estimate.carbon.kg).toBeCloseTo(estimate.energy.facility_kwh / 10, 9)
  })
})

describe('plans the catalogue cannot serve', () => {
  it.each([
    [
      'an unknown GPU',
      { ...BASE, gpu: 'h999' },
      /gpu: "h999" is not in calibration-data\/hardware.json; known ids: v100/
    ],
    [
      'FP8 on an A100',
      { ...BASE, speedups: ['fp8'] },
      /speedups: fp8 needs FP8 tensor cores; NVIDIA A100 SXM4 80GB has none/
    ],
    [
      'a GPU without a TFLOP/s figure',
      { ...BASE, gpu: 'a10g' },
      /gpu: .*no dense BF16 or FP16 TFLOP\/s for NVIDIA A10G .*; give peakTflops/
    ],
    [
      'a cap below the measured 60 %',
      { ...BASE, powerCapW: 200 },
      /powerCapW: 200 W is 50 % of the .*400 W; accepted from 240 W/
    ],
    [
      'an unknown node profile',
      { ...BASE, nodeProfile: 'dgx-9000' },
      /nodeProfile: got "dgx-9000"; expected one of hgx-a100-8gpu/
    ],
    [
      'an unknown workload',
      { ...BASE, workload: 'mining' },
      /workload: got "mining"; expected one of llm-training/
    ]
  ] as const)(
    'refuses %s with a line naming the field',
    (_name, input, message) => {
      expect(problemOf(() => estimatePlan(input as PlanInput))).toMatch(message)
    }
  )

  it('estimates a GPU without a TFLOP/s figure when the peak is given', () => {
    expect(
      estimatePlan({ ...BASE, gpu: 'a10g', peakTflops: 125 }).plan.peak_tflops
    ).toBe(125)
  })
})

describe('serving notes', () => {
  it('says how busy the GPUs are and that idle time is not counted', () => {
    const estimate = estimatePlan({
      ...BASE,
      kind: 'inference',
      tokens: 1e9,
      days: 30
    })
    const busyHours = estimate.hours ?? NaN
    expect(estimate.plan.notes[0]).toContain(
      `busy ${busyHours.toFixed(1)} h of the 720 h served`
    )
    expect(estimate.plan.notes[0]).toContain('only busy time is counted')
  })

  it('says when the GPUs cannot keep up with the tokens', () => {
    const estimate = estimatePlan({
      ...BASE,
      kind: 'inference',
      tokens: 1e14,
      gpus: 1
    })
    expect(estimate.plan.notes[0]).toMatch(
      /more than the 24 h served: more GPUs are needed/
    )
  })
})
