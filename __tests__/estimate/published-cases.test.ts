import { describe, expect, it } from '@jest/globals'
import {
  loadPublishedFootprints,
  parsePublishedFootprints
} from '../../src/estimate/published-cases.js'
import { recomputeAllPublished } from '../../src/estimate/recompute-published.js'

/** The bar: recomputed figures within 2 % of the published ones. */
const TOLERANCE_PERCENT = 2

const rows = recomputeAllPublished()
const stated = rows.filter(row => row.case.inputs.intensity.kind === 'stated')
const implied = rows.filter(row => row.case.inputs.intensity.kind === 'implied')

describe('published footprints with a stated intensity (prediction)', () => {
  it.each(stated.map(row => [row.case.id, row] as const))(
    '%s: energy and carbon recomputed within 2 % of the published values',
    (_id, row) => {
      expect(row.energyErrorPercent).not.toBeNull()
      expect(Math.abs(row.energyErrorPercent ?? Infinity)).toBeLessThan(
        TOLERANCE_PERCENT
      )
      expect(Math.abs(row.carbonErrorPercent)).toBeLessThan(TOLERANCE_PERCENT)
    }
  )
})

describe('published footprints with an implied factor (consistency, not prediction)', () => {
  it.each(implied.map(row => [row.case.id, row] as const))(
    '%s: checks consistency, not prediction: carbon within 2 % with the factor derived from the same card',
    (_id, row) => {
      expect(row.case.inputs.intensity.derivation).toMatch(/derived|=/i)
      expect(row.case.notes).toContain('consistency, not prediction')
      expect(Math.abs(row.carbonErrorPercent)).toBeLessThan(TOLERANCE_PERCENT)
    }
  )
})

describe('calibration-data/validation/published.json', () => {
  it('holds every LLaMA-1 Table 15 row, Llama 2 and 3.1 models and BLOOM', () => {
    expect(loadPublishedFootprints().cases.map(c => c.id)).toEqual([
      'llama1-opt-175b',
      'llama1-bloom-175b',
      'llama1-7b',
      'llama1-13b',
      'llama1-33b',
      'llama1-65b',
      'llama2-7b',
      'llama2-13b',
      'llama2-70b',
      'llama3.1-8b',
      'llama3.1-70b',
      'llama3.1-405b',
      'bloom-176b-dynamic'
    ])
  })

  it('reproduces the BLOOM dynamic energy of 433,196 kWh exactly', () => {
    const bloom = rows.find(row => row.case.id === 'bloom-176b-dynamic')
    expect(bloom?.energyMWh).toBeCloseTo(433.196, 6)
  })

  it('derives the Llama 2 factor as 1.1 × 0.385', () => {
    const llama2 = rows.find(row => row.case.id === 'llama2-7b')
    expect(llama2?.case.inputs.intensity.kg_per_kwh).toBeCloseTo(
      1.1 * 0.385,
      10
    )
  })

  it('derives the Llama 3.1 factor once from the card total', () => {
    // 11,390 t = 11,390,000 kg over 39.3M GPU-h × 0.7 kW.
    const factor = 11_390_000 / (39.3e6 * 0.7)
    for (const row of rows.filter(r => r.case.family === 'llama-3.1'))
      expect(row.case.inputs.intensity.kg_per_kwh).toBeCloseTo(factor, 5)
  })

  it('leaves out Llama 3.3 70B as inconsistent', () => {
    const excluded = loadPublishedFootprints().excluded.map(e => e.model)
    expect(excluded).toEqual(['Llama 3.3 70B'])
  })

  it('rejects an implied intensity without its derivation', () => {
    const file = structuredClone(loadPublishedFootprints())
    const first = file.cases[0]
    if (first === undefined) throw new Error('no cases')
    first.inputs.intensity = { kind: 'implied', kg_per_kwh: 0.4 }
    expect(() => parsePublishedFootprints(file)).toThrow(
      /cases\.0\.inputs\.intensity: an implied intensity needs its derivation/
    )
  })

  it('rejects duplicate case ids', () => {
    const file = structuredClone(loadPublishedFootprints())
    const first = file.cases[0]
    if (first === undefined) throw new Error('no cases')
    file.cases.push(first)
    expect(() => parsePublishedFootprints(file)).toThrow(/unique/)
  })
})
