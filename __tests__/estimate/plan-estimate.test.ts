import { describe, expect, it } from '@jest/globals'
import { averageIntensity } from '@tgwf/co2/data'
import { yearly2024, yearly2025 } from '@tgwf/co2/data/electricity-maps'
import { EstimateResult } from '../../src/estimate/estimate-schema.js'
import { estimatePlan } from '../../src/estimate/plan-estimate.js'
import type { PlanInput } from '../../src/estimate/plan-input.js'
import { getPlanPreset } from '../../src/estimate/plan-presets.js'

/** The preset's input; fails the test loudly when it is missing. */
function presetInput(id: string): PlanInput {
  const preset = getPlanPreset(id)
  if (preset === undefined) throw new Error(`no preset ${id}`)
  return preset.input
}

// The report's own arithmetic, written out here rather than taken from the
// code: 12·N·D FLOPs at 64 × 1,979 TFLOP/s and 100 %, 700 W × time,
// 20 g/kWh, $3.50 per GPU-hour, 6.5 km per kg.
const REPORT_HOURS = (12 * 7e9 * 2.0e12) / (64 * 1979e12 * 1.0) / 3600
const REPORT_KWH = (64 * 700 * REPORT_HOURS) / 1000
const REPORT_KG = (REPORT_KWH * 20) / 1000

describe('estimatePlan under the report’s assumptions (llama-7b-report)', () => {
  const estimate = estimatePlan(presetInput('llama-7b-report'))

  it('reproduces 368.45 h', () => {
    expect(estimate.hours).toBeCloseTo(REPORT_HOURS, 9)
    expect((estimate.hours ?? 0).toFixed(2)).toBe('368.45')
  })

  it('reproduces $82,533 for 64 GPUs at $3.50 per GPU-hour', () => {
    expect(estimate.cost.total_usd).toBeCloseTo(64 * REPORT_HOURS * 3.5, 6)
    expect(Math.round(estimate.cost.total_usd ?? 0)).toBe(82_533)
  })

  it('reproduces 16,507 kWh, 330.1 kg and 2,146 km', () => {
    expect(Math.round(estimate.energy.facility_kwh)).toBe(16_507)
    expect(estimate.carbon.kg).toBeCloseTo(REPORT_KG, 9)
    expect(estimate.carbon.kg.toFixed(1)).toBe('330.1')
    expect(Math.round(estimate.equivalents[0]?.value ?? 0)).toBe(2_146)
  })

  it('has no uncertainty: every input is stated', () => {
    expect(estimate.energy.low_kwh).toBe(estimate.energy.high_kwh)
    expect(estimate.carbon.low_kg).toBe(estimate.carbon.high_kg)
    expect(estimate.plan.hours.low).toBe(estimate.plan.hours.high)
    expect(estimate.energy.it_kwh).toBe(estimate.energy.gpu_kwh)
  })
})

/** Sweden's intensities in the bundled datasets, read here directly. */
const SWEDEN = [
  averageIntensity.data.SWE,
  yearly2024.data.SE?.carbonIntensity?.value,
  yearly2025.data.SE?.carbonIntensity?.value
].filter((v): v is number => typeof v === 'number')

describe('estimatePlan with sourced defaults (llama-7b-realistic)', () => {
  const estimate = estimatePlan(presetInput('llama-7b-realistic'))
  const flops = 6 * 7e9 * 2.0e12
  const hoursAt = (mfu: number): number => flops / (64 * 989e12 * mfu) / 3600

  it('takes 6·N·D FLOPs at 64 × 989 TFLOP/s and MFU 0.44 (0.34–0.54)', () => {
    expect(estimate.plan.flops).toBe(flops)
    expect(estimate.hours).toBeCloseTo(hoursAt(0.44), 9)
    expect(estimate.plan.hours.low).toBeCloseTo(hoursAt(0.54), 9)
    expect(estimate.plan.hours.high).toBeCloseTo(hoursAt(0.34), 9)
    expect(estimate.gpu_hours).toBeCloseTo(64 * hoursAt(0.44), 6)
  })

  it('puts each GPU at 72 + 0.81 × (700 − 72) W, from 60 + 0.64 × 640 to 700 W', () => {
    expect(estimate.plan.gpu_power_w.value).toBeCloseTo(72 + 0.81 * 628, 9)
    expect(estimate.plan.gpu_power_w.low).toBeCloseTo(60 + 0.64 * 640, 9)
    expect(estimate.plan.gpu_power_w.high).toBeCloseTo(700, 9)
  })

  it('adds 8 HGX hosts at 2.2 kW and α_w 1.15, then PUE 1.56', () => {
    const gpuW = 72 + 0.81 * 628
    const itW = 8 * 2200 + 64 * gpuW + 0.15 * 64 * (gpuW - 72)
    const itKWh = (itW * hoursAt(0.44)) / 1000
    expect(estimate.energy.gpu_kwh).toBeCloseTo(
      (64 * gpuW * hoursAt(0.44)) / 1000,
      6
    )
    expect(estimate.energy.it_kwh).toBeCloseTo(itKWh, 6)
    expect(estimate.energy.facility_kwh).toBeCloseTo(itKWh * 1.56, 6)
  })

  it('bounds energy with the low and high host, α_w, power, time and PUE', () => {
    const lowW = 8 * 1400 + 64 * (60 + 0.64 * 640) // α_w low is 1: no extra
    const highW = 8 * 2900 + 64 * 700 + 0.5 * 64 * (700 - 60)
    expect(estimate.energy.low_kwh).toBeCloseTo(
      ((lowW * hoursAt(0.54)) / 1000) * 1.1,
      6
    )
    expect(estimate.energy.high_kwh).toBeCloseTo(
      ((highW * hoursAt(0.34)) / 1000) * 2.0,
      6
    )
  })

  it('uses Sweden’s Ember intensity, bounded by the datasets’ spread', () => {
    const [low, high] = [Math.min(...SWEDEN), Math.max(...SWEDEN)]
    expect(estimate.carbon.intensity_g_per_kwh).toBe(averageIntensity.data.SWE)
    expect(estimate.carbon.kg).toBeCloseTo(
      (estimate.energy.facility_kwh * (averageIntensity.data.SWE ?? NaN)) /
        1000,
      6
    )
    expect(estimate.carbon.low_kg).toBeCloseTo(
      (estimate.energy.low_kwh * low) / 1000,
      6
    )
    expect(estimate.carbon.high_kg).toBeCloseTo(
      (estimate.energy.high_kwh * high) / 1000,
      6
    )
    expect(estimate.carbon).toMatchObject({ region: 'SE', fallback: 'country' })
  })

  it('prices GPU-hours at $3.50 and leaves energy cost null without a price', () => {
    expect(estimate.cost.compute_usd).toBeCloseTo(64 * hoursAt(0.44) * 3.5, 6)
    expect(estimate.cost.energy_usd).toBeNull()
    expect(estimate.cost.low_usd).toBeCloseTo(64 * hoursAt(0.54) * 3.5, 6)
  })

  it('names every default with its source', () => {
    const { assumptions } = estimate
    for (const name of [
      'mfu',
      'utilisation',
      'pue',
      'node_profile',
      'host_idle_w',
      'alpha_w',
      'peak_tflops',
      'flops_per_param_token',
      'carbon_intensity_g_per_kwh'
    ]) {
      expect(assumptions[name]?.is_default).toBe(true)
      expect(assumptions[name]?.source.length).toBeGreaterThan(20)
    }
    expect(assumptions.mfu?.source).toContain('semianalysis')
    expect(assumptions.pue?.source).toContain('Uptime Institute')
    expect(assumptions.gpu_hour_price_usd).toMatchObject({
      value: 3.5,
      is_default: false
    })
  })

  it('is valid ecocompute.estimate/v1 with its plan block', () => {
    expect(EstimateResult.parse(estimate)).toEqual(estimate)
  })
})
