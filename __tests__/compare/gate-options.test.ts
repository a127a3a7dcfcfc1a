import { describe, expect, it } from '@jest/globals'
import { UsageError } from '../../src/cli/usage-error.js'
import { parseGateOptions } from '../../src/compare/gate-options.js'

describe('parseGateOptions', () => {
  it('turns every gate off and defaults on-missing-baseline to neutral', () => {
    expect(parseGateOptions({})).toEqual({ onMissingBaseline: 'neutral' })
  })

  it('reads a blank input (an action input not set) as not given', () => {
    expect(parseGateOptions({ 'max-increase': '  ' })).toEqual({
      onMissingBaseline: 'neutral'
    })
  })

  it.each([
    ['10%', 10],
    ['10', 10],
    [' 12.5 % ', 12.5],
    ['0', 0]
  ])('reads max-increase %j as %d percent', (text, percent) => {
    expect(parseGateOptions({ 'max-increase': text }).maxIncreasePercent).toBe(
      percent
    )
  })

  it('names the input and the value for a max-increase it cannot read', () => {
    expect(() => parseGateOptions({ 'max-increase': 'ten' })).toThrow(
      new UsageError(
        'max-increase must be a percentage such as 10% or 10, got "ten"'
      )
    )
  })

  it('refuses a negative max-increase and prefixes CLI flags with --', () => {
    expect(() => parseGateOptions({ 'max-increase': '-5%' }, '--')).toThrow(
      '--max-increase must be a percentage such as 10% or 10, got "-5%"'
    )
  })

  it('refuses a max-increase too large to be a finite number', () => {
    expect(() =>
      parseGateOptions({ 'max-increase': '1'.padEnd(400, '0') })
    ).toThrow(UsageError)
  })

  it.each([
    ['2.5', 2.5],
    ['2.5kg', 2.5],
    ['0.04 KG', 0.04]
  ])('reads carbon-budget-kg %j as %d kg', (text, kg) => {
    expect(parseGateOptions({ 'carbon-budget-kg': text }).carbonBudgetKg).toBe(
      kg
    )
  })

  it('names carbon-budget-kg and the value for a mass it cannot read', () => {
    expect(() => parseGateOptions({ 'carbon-budget-kg': '2 t' })).toThrow(
      'carbon-budget-kg must be a mass in kg CO2e such as 2.5 or 2.5kg, got "2 t"'
    )
  })

  it.each([
    ['2%', { minChangePercent: 2 }],
    ['3', { minChangePercent: 3 }],
    ['0.1kg', { minChangeKg: 0.1 }],
    ['2%, 0.1 kg', { minChangePercent: 2, minChangeKg: 0.1 }],
    ['0.1kg,2%', { minChangePercent: 2, minChangeKg: 0.1 }]
  ])('reads min-change %j in percent and/or kg', (text, floor) => {
    expect(parseGateOptions({ 'min-change': text })).toEqual({
      onMissingBaseline: 'neutral',
      ...floor
    })
  })

  it.each(['2%,3%', 'small', '1kg,2kg', '-1kg'])(
    'refuses min-change %j, saying what it accepts',
    text => {
      expect(() => parseGateOptions({ 'min-change': text })).toThrow(
        `min-change must be a percentage (2%), a mass (0.1kg) or both (2%,0.1kg), got "${text}"`
      )
    }
  )

  it.each(['neutral', 'fail', 'pass'] as const)(
    'reads on-missing-baseline %s',
    policy => {
      expect(
        parseGateOptions({ 'on-missing-baseline': policy }).onMissingBaseline
      ).toBe(policy)
    }
  )

  it('lists the policies for an unknown on-missing-baseline', () => {
    expect(() => parseGateOptions({ 'on-missing-baseline': 'skip' })).toThrow(
      'on-missing-baseline must be one of neutral, fail, pass, got "skip"'
    )
  })
})
