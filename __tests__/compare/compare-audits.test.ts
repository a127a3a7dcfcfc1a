import { describe, expect, it } from '@jest/globals'
import { AuditResult } from '../../src/audit/audit-schema.js'
import { runAudit } from '../../src/audit/run-audit.js'
import { compareAudits } from '../../src/compare/compare-audits.js'
import { parseGateOptions } from '../../src/compare/gate-options.js'
import { resultWith, scaleResult } from './compare-fixture.js'

const SOURCE = 'base.json'

/** Compares two carbon values (kg) with max-increase 10 %. */
function compareKg(baseKg: number, headKg: number, maxIncrease = '10%') {
  return compareAudits(
    resultWith({ carbonKg: baseKg }),
    resultWith({ carbonKg: headKg }),
    parseGateOptions({ 'max-increase': maxIncrease }),
    SOURCE
  )
}

/** Every number in the block, so none can be NaN or ±Infinity. */
function numbersIn(value: unknown): number[] {
  if (typeof value === 'number') return [value]
  if (value === null || typeof value !== 'object') return []
  return Object.values(value).flatMap(numbersIn)
}

describe('compareAudits on carbon', () => {
  it('normalises units before comparing: 980 Wh vs 1.02 kWh is +4.1 % (B21)', () => {
    const comparison = compareAudits(
      resultWith({ carbonKg: 0.098, facilityKWh: 0.98 }),
      resultWith({ carbonKg: 0.102, facilityKWh: 1.02 }),
      parseGateOptions({ 'max-increase': '5%' }),
      SOURCE
    )
    // (0.102 − 0.098) / 0.098 = 0.004 / 0.098 = 4.0816 %
    expect(comparison.change_percent).toBeCloseTo(4.0816, 3)
    expect(comparison.verdict).toBe('pass')
    expect(comparison.metric).toBe('carbon')
    expect(comparison.unit).toBe('kg')
    expect(comparison.base_value).toBe(0.098)
    expect(comparison.head_value).toBe(0.102)
    expect(comparison.change_value).toBeCloseTo(0.004, 12)
    expect(comparison.reasons).toEqual([
      'carbon +4.08 % is within max-increase 5 %'
    ])
  })

  it('passes a −50 % change with a 10 % threshold: only worse fails (B45)', () => {
    const comparison = compareKg(0.1, 0.05)
    // (0.05 − 0.1) / 0.1 = −50 %
    expect(comparison.change_percent).toBe(-50)
    expect(comparison.verdict).toBe('pass')
    expect(comparison.gates).toEqual([
      { name: 'max-increase', limit: 10, value: -50, passed: true }
    ])
  })

  it('fails an increase above max-increase and says by how much', () => {
    const comparison = compareKg(0.1, 0.125)
    // 0.025 / 0.1 = +25 %
    expect(comparison.change_percent).toBeCloseTo(25, 9)
    expect(comparison.verdict).toBe('fail')
    expect(comparison.reasons).toEqual([
      'carbon +25 % exceeds max-increase 10 %'
    ])
  })

  it('passes an increase of exactly max-increase despite float rounding', () => {
    // 0.01 / 0.1 computes as 10.000000000000009 %
    expect(compareKg(0.1, 0.11).verdict).toBe('pass')
  })

  it('reads 0 → 0 as a 0 % change, never NaN', () => {
    const comparison = compareKg(0, 0)
    expect(comparison.change_percent).toBe(0)
    expect(comparison.verdict).toBe('pass')
    expect(numbersIn(comparison).every(Number.isFinite)).toBe(true)
  })

  it('gives no percentage for 0 → x and says why, never NaN or Infinity', () => {
    const comparison = compareKg(0, 0.05)
    expect(comparison.change_percent).toBeNull()
    expect(comparison.verdict).toBe('neutral')
    expect(comparison.reasons).toEqual([
      'base carbon is 0 kg CO2e; relative change undefined',
      'max-increase not applied: relative change undefined'
    ])
    expect(numbersIn(comparison).every(Number.isFinite)).toBe(true)
    expect(JSON.stringify(comparison)).not.toMatch(/NaN|Infinity/)
  })

  it('lets the budget decide 0 → x when one is set', () => {
    const comparison = compareAudits(
      resultWith({ carbonKg: 0 }),
      resultWith({ carbonKg: 0.05 }),
      parseGateOptions({ 'max-increase': '10', 'carbon-budget-kg': '0.04' }),
      SOURCE
    )
    expect(comparison.verdict).toBe('fail')
    expect(comparison.gates).toEqual([
      { name: 'carbon-budget-kg', limit: 0.04, value: 0.05, passed: false }
    ])
  })

  it('is neutral when no gate is set', () => {
    const comparison = compareAudits(
      resultWith({ carbonKg: 0.1 }),
      resultWith({ carbonKg: 0.3 }),
      parseGateOptions({}),
      SOURCE
    )
    expect(comparison.verdict).toBe('neutral')
    expect(comparison.change_percent).toBeCloseTo(200, 9)
    expect(comparison.reasons).toEqual(['no gate set: nothing to pass or fail'])
  })
})

describe('compareAudits on results of the real engine', () => {
  it('fails +20 % and passes −50 % of the bundled example against max-increase 10 %', async () => {
    const base = await runAudit(['examples/h100x2-smoke-train.csv'], {
      region: 'SE'
    })
    const gates = parseGateOptions({ 'max-increase': '10%' })
    const worse = compareAudits(base, scaleResult(base, 1.2), gates, SOURCE)
    // (1.2 × c − c) / c = +20 %
    expect(worse.change_percent).toBeCloseTo(20, 9)
    expect(worse.verdict).toBe('fail')
    const better = compareAudits(base, scaleResult(base, 0.5), gates, SOURCE)
    expect(better.change_percent).toBeCloseTo(-50, 9)
    expect(better.verdict).toBe('pass')
    const head = { ...scaleResult(base, 1.2), comparison: worse }
    expect(AuditResult.parse(head).comparison).toEqual(worse)
  })
})
