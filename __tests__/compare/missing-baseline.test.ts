import { describe, expect, it } from '@jest/globals'
import { compareAudits } from '../../src/compare/compare-audits.js'
import { parseGateOptions } from '../../src/compare/gate-options.js'
import { resultWith } from './compare-fixture.js'

const HEAD = resultWith({ carbonKg: 1.5 })

describe('no baseline (B66)', () => {
  it('is neutral by default and says where it looked', () => {
    const comparison = compareAudits(
      undefined,
      HEAD,
      parseGateOptions({ 'max-increase': '10%' }),
      'no successful run on main'
    )
    expect(comparison).toEqual({
      baseline_source: 'no successful run on main',
      change_percent: null,
      verdict: 'neutral',
      reasons: [
        'no baseline (no successful run on main): neutral by on-missing-baseline'
      ],
      metric: 'carbon',
      unit: 'kg',
      base_value: null,
      head_value: 1.5,
      change_value: null,
      base_carbon_kg: null,
      comparable: null,
      within_noise: false,
      gates: []
    })
  })

  it.each(['fail', 'pass'] as const)(
    'follows on-missing-baseline: %s',
    policy => {
      const gates = parseGateOptions({ 'on-missing-baseline': policy })
      const comparison = compareAudits(undefined, HEAD, gates, 'none')
      expect(comparison.verdict).toBe(policy)
      expect(comparison.reasons).toEqual([
        `no baseline (none): ${policy} by on-missing-baseline`
      ])
    }
  )

  it('fails a head over its absolute budget even without a baseline', () => {
    const gates = parseGateOptions({ 'carbon-budget-kg': '1' })
    const comparison = compareAudits(undefined, HEAD, gates, 'none')
    expect(comparison.verdict).toBe('fail')
    expect(comparison.reasons[1]).toBe(
      'carbon 1.5 kg CO2e exceeds the 1 kg budget, and no baseline shows it was already over'
    )
    expect(comparison.gates).toEqual([
      { name: 'carbon-budget-kg', limit: 1, value: 1.5, passed: false }
    ])
  })

  it('keeps the missing-baseline policy when the head is within its budget', () => {
    const gates = parseGateOptions({ 'carbon-budget-kg': '2' })
    const comparison = compareAudits(undefined, HEAD, gates, 'none')
    expect(comparison.verdict).toBe('neutral')
  })
})
