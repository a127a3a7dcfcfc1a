import { readFileSync } from 'node:fs'
import { describe, expect, it } from '@jest/globals'
import { loadMfuPresets } from '../../src/calibration/mfu-presets.js'
import { estimatePlan } from '../../src/estimate/plan-estimate.js'
import {
  type PlanInput,
  PlanInputError,
  parsePlanInput
} from '../../src/estimate/plan-input.js'
import { planHeadline } from '../../src/estimate/plan-render.js'

const BASE: PlanInput = {
  kind: 'training',
  params: 7e9,
  tokens: 2e12,
  gpu: 'h100-sxm',
  gpus: 64,
  region: 'SE'
}

/** The problem lines parsePlanInput gives for `raw`. */
function problemsOf(raw: unknown): readonly string[] {
  try {
    parsePlanInput(raw)
  } catch (error) {
    if (error instanceof PlanInputError) return error.problems
    throw error
  }
  return []
}

/** A JSON file of calibration-data/, read here rather than through the code. */
function dataFile(name: string): Record<string, unknown> {
  return JSON.parse(readFileSync(`calibration-data/${name}`, 'utf8')) as Record<
    string,
    unknown
  >
}

/** The headline's Hardware line. */
function hardwareLine(input: PlanInput): string {
  const row = planHeadline(estimatePlan(input)).find(([l]) => l === 'Hardware')
  return row?.[1] ?? ''
}

describe('regions are checked as the audit checks them', () => {
  it('refuses a region that names no place, with the accepted forms', () => {
    expect(problemsOf({ ...BASE, region: 'MARS' })).toEqual([
      'region: unknown region "MARS"; expected a country code (SE, FRA), a grid zone (SE3, US-CAL-CISO) or a cloud region (aws:eu-north-1, gcp:europe-north1, azure:swedencentral)'
    ])
  })

  it('refuses an unknown region of a known provider, listing its regions', () => {
    const regions = dataFile('regions.json').cloud_regions as {
      id: string
      provider: string
    }[]
    const gcp = regions.filter(r => r.provider === 'gcp').map(r => r.id)
    expect(gcp.length).toBeGreaterThan(10)
    expect(problemsOf({ ...BASE, region: 'gcp:nowhere' })).toEqual([
      `region: unknown gcp cloud region "gcp:nowhere"; expected one of: ${gcp.join(', ')}`
    ])
  })

  it('accepts a country, a cloud region and the world', () => {
    for (const region of ['SE', 'aws:us-east-1', 'WORLD'])
      expect(problemsOf({ ...BASE, region })).toEqual([])
  })
})

describe('the sparse peak', () => {
  it('is the datasheet’s 1,979 TFLOP/s for the H100 SXM, not 2 × 989', () => {
    const estimate = estimatePlan({ ...BASE, peak: 'sparse' })
    expect(estimate.plan.peak_tflops).toBe(1979)
    expect(estimate.plan.peak_basis).toBe('sparse')
    expect(estimate.assumptions.peak_tflops?.is_default).toBe(false)
  })

  it('warns that the MFU presets are measured against the dense peak', () => {
    const notes = estimatePlan({ ...BASE, peak: 'sparse' }).plan.notes
    expect(notes.join(' ')).toContain(
      'the MFU presets are measured against the dense 989 TFLOP/s'
    )
    // 1,979 ÷ 989 = 2.00 × the measured throughput.
    expect(notes.join(' ')).toContain('2.00 × what their sources measured')
  })

  it('is never printed as a dense peak', () => {
    expect(hardwareLine({ ...BASE, peak: 'sparse' })).toBe(
      '64 × NVIDIA H100 SXM5 80GB, 1,979 TFLOP/s sparse peak (datasheet, 2:4 sparsity)'
    )
    expect(hardwareLine({ ...BASE, peakTflops: 1000 })).toBe(
      '64 × NVIDIA H100 SXM5 80GB, 1,000 TFLOP/s peak (given)'
    )
    expect(hardwareLine(BASE)).toBe(
      '64 × NVIDIA H100 SXM5 80GB, 989 TFLOP/s dense peak'
    )
  })

  it('is refused for an accelerator without a datasheet sparse figure', () => {
    expect(() =>
      estimatePlan({ ...BASE, gpu: 'v100', peak: 'sparse' })
    ).toThrow(
      /^invalid plan input:\npeak: calibration-data\/mfu.json has no datasheet sparse BF16 figure for NVIDIA V100-SXM2-32GB/
    )
  })

  // Datasheets round each figure on its own: the L40S prints 362.05 dense
  // and 733 sparse, 1.2 % off twice the dense. A typo would be further off.
  it('records figures within 2 % of twice the dense ones in hardware.json', () => {
    const records = dataFile('hardware.json').records as {
      id: string
      dense_bf16_tflops: number | null
    }[]
    for (const peak of loadMfuPresets().sparse_peaks.peaks) {
      const dense = records.find(r => r.id === peak.hardware_id)
      const twice = 2 * (dense?.dense_bf16_tflops ?? NaN)
      expect(Math.abs(peak.sparse_bf16_tflops / twice - 1)).toBeLessThan(0.02)
    }
  })
})

describe('inference plans take no speed-up', () => {
  it('refuses FP8 or FlashAttention-2 on a serving plan, saying why', () => {
    expect(
      problemsOf({ ...BASE, kind: 'inference', speedups: ['fp8'] })
    ).toEqual([
      'speedups: its factor was measured on training throughput (calibration-data/mfu.json) and no inference figure is sourced, so it is not applied to serving'
    ])
  })
})
