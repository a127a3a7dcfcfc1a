import { describe, expect, it } from '@jest/globals'
import { compareAudits } from '../../src/compare/compare-audits.js'
import {
  type GateTexts,
  parseGateOptions
} from '../../src/compare/gate-options.js'
import { resultWith } from './compare-fixture.js'

/** Compares two carbon values (kg) under these gate inputs. */
function compareKg(baseKg: number, headKg: number, texts: GateTexts) {
  return compareAudits(
    resultWith({ carbonKg: baseKg }),
    resultWith({ carbonKg: headKg }),
    parseGateOptions(texts),
    'base.json'
  )
}

describe('carbon-budget-kg', () => {
  const budget = { 'carbon-budget-kg': '1' }

  it('passes a head within the budget', () => {
    const comparison = compareKg(0.5, 0.9, budget)
    expect(comparison.verdict).toBe('pass')
    expect(comparison.reasons).toEqual([
      'carbon 0.9 kg CO2e is within the 1 kg budget'
    ])
  })

  it('fails a head over the budget when the base was within it', () => {
    const comparison = compareKg(0.8, 1.2, budget)
    expect(comparison.verdict).toBe('fail')
    expect(comparison.gates).toEqual([
      { name: 'carbon-budget-kg', limit: 1, value: 1.2, passed: false }
    ])
    expect(comparison.reasons).toEqual([
      'carbon 1.2 kg CO2e exceeds the 1 kg budget (base 0.8 kg CO2e)'
    ])
  })

  it('does not block a PR that lowers a budget already broken on the base', () => {
    const comparison = compareKg(1.5, 1.2, budget)
    expect(comparison.verdict).toBe('pass')
    expect(comparison.reasons).toEqual([
      'carbon 1.2 kg CO2e exceeds the 1 kg budget, already exceeded on the base (1.5 kg CO2e) and not made worse'
    ])
  })

  it('does not block a PR that leaves a broken budget unchanged', () => {
    expect(compareKg(1.5, 1.5, budget).verdict).toBe('pass')
  })

  it('fails a PR that makes a broken budget worse', () => {
    expect(compareKg(1.5, 1.6, budget).verdict).toBe('fail')
  })

  it('fails on max-increase even when the budget holds, listing both gates', () => {
    // (0.9 − 0.5) / 0.5 = +80 %
    const comparison = compareKg(0.5, 0.9, { ...budget, 'max-increase': '10' })
    expect(comparison.verdict).toBe('fail')
    expect(comparison.gates).toEqual([
      { name: 'max-increase', limit: 10, value: 80, passed: false },
      { name: 'carbon-budget-kg', limit: 1, value: 0.9, passed: true }
    ])
  })
})

describe('min-change noise floor', () => {
  it('passes base 100, head 108 with threshold 5 % inside a 10 % floor (B43)', () => {
    const gates = { 'max-increase': '5%' }
    // (0.108 − 0.1) / 0.1 = +8 %: beyond 5 %, inside 10 %
    expect(compareKg(0.1, 0.108, gates).verdict).toBe('fail')
    const comparison = compareKg(0.1, 0.108, { ...gates, 'min-change': '10%' })
    expect(comparison.verdict).toBe('pass')
    expect(comparison.within_noise).toBe(true)
    expect(comparison.gates).toEqual([])
    expect(comparison.reasons).toEqual([
      'within noise floor: carbon +8 % is inside ±10 %'
    ])
  })

  it('passes a change smaller than a kg floor and gates a larger one', () => {
    const gates = { 'max-increase': '10%' }
    // 0.125 − 0.1 = +0.025 kg, +25 %
    const inside = compareKg(0.1, 0.125, { ...gates, 'min-change': '0.03kg' })
    expect(inside.verdict).toBe('pass')
    expect(inside.reasons).toEqual([
      'within noise floor: carbon change of +0.025 kg CO2e is inside ±0.03 kg'
    ])
    const beyond = compareKg(0.1, 0.125, { ...gates, 'min-change': '0.02kg' })
    expect(beyond.verdict).toBe('fail')
    expect(beyond.within_noise).toBe(false)
  })

  it('treats the change as noise when either floor covers it', () => {
    // +25 % is beyond 20 %, but +0.025 kg is inside 0.03 kg
    const comparison = compareKg(0.1, 0.125, {
      'max-increase': '10%',
      'min-change': '20%,0.03kg'
    })
    expect(comparison.verdict).toBe('pass')
  })

  it('lets noise cover a budget crossing: base 0.99, head 1.01, floor 5 %', () => {
    // (1.01 − 0.99) / 0.99 = +2.02 %
    const comparison = compareKg(0.99, 1.01, {
      'carbon-budget-kg': '1',
      'min-change': '5%'
    })
    expect(comparison.change_percent).toBeCloseTo(2.0202, 3)
    expect(comparison.verdict).toBe('pass')
  })

  it('stays neutral inside the floor when no gate is set', () => {
    const comparison = compareKg(0.1, 0.101, { 'min-change': '5%' })
    expect(comparison.verdict).toBe('neutral')
    expect(comparison.within_noise).toBe(false)
  })

  it('converts a kg floor to energy at the head’s intensity when regions differ', () => {
    const base = resultWith({ carbonKg: 0.04, facilityKWh: 1, region: 'SE' })
    const head = resultWith({ carbonKg: 0.44, facilityKWh: 1.1, region: 'DE' })
    // +0.1 kWh at 0.44 / 1.1 = 0.4 kg/kWh is +0.04 kg; +10 % energy
    const gates = (floor: string) =>
      parseGateOptions({ 'max-increase': '5%', 'min-change': floor })
    const inside = compareAudits(base, head, gates('0.05kg'), 'base.json')
    expect(inside.verdict).toBe('pass')
    expect(inside.reasons).toEqual([
      'regions differ (SE vs DE): compared on energy',
      'within noise floor: energy change of +0.04 kg CO2e at the head’s kg CO2e per kWh is inside ±0.05 kg'
    ])
    const beyond = compareAudits(base, head, gates('0.03kg'), 'base.json')
    expect(beyond.verdict).toBe('fail')
    expect(beyond.change_percent).toBeCloseTo(10, 9)
  })
})
