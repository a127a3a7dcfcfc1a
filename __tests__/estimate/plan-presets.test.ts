import { describe, expect, it } from '@jest/globals'
import { estimatePlan } from '../../src/estimate/plan-estimate.js'
import { GAP_STEPS, walkGap } from '../../src/estimate/plan-gap.js'
import { getPlanPreset, PLAN_PRESETS } from '../../src/estimate/plan-presets.js'

describe('PLAN_PRESETS', () => {
  it('holds the report’s case study, the realistic estimate and a serving example', () => {
    expect(PLAN_PRESETS.map(p => p.id)).toEqual([
      'llama-7b-report',
      'llama-7b-realistic',
      'llama-8b-serving'
    ])
    for (const preset of PLAN_PRESETS) {
      expect(preset.source.length).toBeGreaterThan(40)
      expect(estimatePlan(preset.input).schema).toBe('ecocompute.estimate/v1')
    }
  })

  it('states the report’s assumptions in the report preset', () => {
    expect(getPlanPreset('llama-7b-report')?.input).toMatchObject({
      flopsPerParamToken: 12,
      peakTflops: 1979,
      mfu: 1,
      gpuPowerW: 700,
      nodeProfile: 'none',
      pue: 1,
      intensityGPerKWh: 20,
      carKmPerKg: 6.5,
      gpuHourPriceUsd: 3.5
    })
  })
})

describe('walkGap', () => {
  const report = getPlanPreset('llama-7b-report')?.input
  const realistic = getPlanPreset('llama-7b-realistic')?.input
  if (report === undefined || realistic === undefined)
    throw new Error('presets')
  const rows = walkGap(report)

  it('ends at the realistic estimate', () => {
    expect(rows).toHaveLength(GAP_STEPS.length + 1)
    expect(rows[rows.length - 1]?.estimate).toEqual(estimatePlan(realistic))
  })

  it('has step factors whose product is the whole gap', () => {
    const product = rows.reduce((p, row) => p * (row.factors?.carbonKg ?? 1), 1)
    const whole =
      (rows[rows.length - 1]?.estimate.carbon.kg ?? 0) /
      (rows[0]?.estimate.carbon.kg ?? 1)
    expect(product).toBeCloseTo(whole, 9)
  })

  it('halves time with 6·N·D and doubles it again with the dense peak', () => {
    expect(rows[1]?.factors?.hours).toBeCloseTo(0.5, 12)
    expect(rows[2]?.factors?.hours).toBeCloseTo(1979 / 989, 12)
    // 100 % → the H100 preset's 44 %.
    expect(rows[3]?.factors?.hours).toBeCloseTo(1 / 0.44, 12)
  })

  it('multiplies energy by the default PUE of 1.56 and carbon by 35.89 ÷ 20', () => {
    expect(rows[6]?.factors?.energyKWh).toBeCloseTo(1.56, 12)
    expect(rows[7]?.factors?.carbonKg).toBeCloseTo(35.89 / 20, 12)
  })
})
