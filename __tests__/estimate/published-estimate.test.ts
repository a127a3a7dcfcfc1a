import { describe, expect, it } from '@jest/globals'
import { EstimateResult } from '../../src/estimate/estimate-schema.js'
import { estimateFromPublished } from '../../src/estimate/published-estimate.js'

const llama7b = {
  gpuHours: 82_432,
  powerW: 400,
  pue: 1.1,
  intensityGPerKWh: 385
}

describe('estimateFromPublished', () => {
  it('computes GPU-hours × W × PUE and carbon at the given intensity', () => {
    const result = estimateFromPublished(llama7b)
    expect(result.energy.gpu_kwh).toBeCloseTo(32_972.8, 6)
    expect(result.energy.facility_kwh).toBeCloseTo(36_270.08, 6)
    expect(result.carbon.kg).toBeCloseTo(13_963.98, 2)
  })

  it('gives low = high = value because the inputs are exact', () => {
    const { energy, carbon } = estimateFromPublished(llama7b)
    expect(energy.low_kwh).toBe(energy.facility_kwh)
    expect(energy.high_kwh).toBe(energy.facility_kwh)
    expect(carbon.low_kg).toBe(carbon.kg)
    expect(carbon.high_kg).toBe(carbon.kg)
    expect(energy.measured_gpu_kwh).toBe(0)
  })

  it('marks the intensity as given by the user', () => {
    const { carbon } = estimateFromPublished(llama7b)
    expect(carbon).toMatchObject({
      region: 'given',
      fallback: 'given',
      dataset: 'intensity given by the user',
      year: null,
      licence: ''
    })
  })

  it('matches the ecocompute.estimate/v1 schema', () => {
    const result = estimateFromPublished(llama7b)
    expect(EstimateResult.parse(result)).toEqual(result)
    expect(result.hours).toBeNull()
  })

  it('leaves cost null when no price is given', () => {
    const { cost } = estimateFromPublished(llama7b)
    expect(cost.total_usd).toBeNull()
    expect(cost.energy_usd).toBeNull()
    expect(cost.compute_usd).toBeNull()
  })

  it('adds GPU-hour and energy cost when both prices are given', () => {
    const { cost } = estimateFromPublished({
      ...llama7b,
      gpuHourPriceUsd: 2,
      electricityPriceUsdPerKWh: 0.1
    })
    expect(cost.compute_usd).toBe(164_864)
    expect(cost.energy_usd).toBeCloseTo(3_627.008, 6)
    expect(cost.total_usd).toBeCloseTo(168_491.008, 6)
    expect(cost.low_usd).toBe(cost.total_usd)
  })

  it('converts carbon to passenger-car km with the calibration factor', () => {
    const [car] = estimateFromPublished(llama7b).equivalents
    expect(car?.kind).toBe('passenger-car-km')
    expect(car?.value).toBeCloseTo(13_963_980.8 / 248.7, 3)
  })

  it('uses PUE 1 by default and says so', () => {
    const result = estimateFromPublished({ ...llama7b, pue: undefined })
    expect(result.energy.facility_kwh).toBe(result.energy.gpu_kwh)
    expect(result.assumptions.pue).toMatchObject({ value: 1, is_default: true })
  })

  it.each([
    ['gpuHours', { gpuHours: -1 }],
    ['powerW', { powerW: Number.NaN }],
    ['pue', { pue: 0.9 }]
  ])('refuses a bad %s', (name, bad) => {
    expect(() => estimateFromPublished({ ...llama7b, ...bad })).toThrow(
      new RegExp(`^${name}: got`)
    )
  })
})
