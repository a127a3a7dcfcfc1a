import { describe, expect, it } from '@jest/globals'
import {
  formatChangePercent,
  formatCount,
  formatDuration,
  formatNumber,
  formatPercent,
  formatQuantity,
  formatRange
} from '../../src/report/format-number.js'

describe('formatQuantity', () => {
  it('keeps three significant figures below one thousand', () => {
    expect(formatQuantity(0.000123, 'kWh')).toBe('0.000123 kWh')
    expect(formatQuantity(0.0001234567, 'kWh')).toBe('0.000123 kWh')
    expect(formatQuantity(1.2345, 'kWh')).toBe('1.23 kWh')
    expect(formatQuantity(12.345, 'kg CO2e')).toBe('12.3 kg CO2e')
    expect(formatQuantity(123.456, 'W')).toBe('123 W')
  })

  it('rounds to whole numbers with commas from one thousand on', () => {
    expect(formatQuantity(1234.5, 'kWh')).toBe('1,235 kWh')
    expect(formatQuantity(999.6, 'kWh')).toBe('1,000 kWh')
    expect(formatQuantity(16507.2, 'kWh')).toBe('16,507 kWh')
    expect(formatQuantity(1234567.8, 'USD')).toBe('1,234,568 USD')
  })

  it('drops trailing zeros instead of padding precision', () => {
    expect(formatQuantity(1.5, 'kWh')).toBe('1.5 kWh')
    expect(formatQuantity(2, 'kWh')).toBe('2 kWh')
    expect(formatQuantity(10, 'kWh')).toBe('10 kWh')
    expect(formatQuantity(100, 'kWh')).toBe('100 kWh')
  })

  it('prints zero as 0 and tiny values in exponent form', () => {
    expect(formatQuantity(0, 'kWh')).toBe('0 kWh')
    expect(formatQuantity(1.234e-9, 'kWh')).toBe('1.23e-9 kWh')
    expect(formatQuantity(5e-7, 'kWh')).toBe('5e-7 kWh')
  })

  it('prints a dash, never NaN, Infinity, null or undefined', () => {
    for (const value of [null, undefined, NaN, Infinity, -Infinity]) {
      expect(formatQuantity(value, 'kWh')).toBe('—')
      expect(formatNumber(value)).toBe('—')
    }
  })

  it('keeps negative values signed', () => {
    expect(formatNumber(-12.345)).toBe('-12.3')
    expect(formatNumber(-1234.5)).toBe('-1,235')
  })

  it('adds no space for an empty unit', () => {
    expect(formatQuantity(3.14159, '')).toBe('3.14')
  })
})

describe('formatRange', () => {
  it('writes value (low–high) with the unit after the value', () => {
    expect(formatRange(12.34, 11.02, 14.15, 'kWh')).toBe('12.3 kWh (11–14.2)')
    expect(formatRange(1234.5, 1100, 1400.4, 'USD')).toBe(
      '1,235 USD (1,100–1,400)'
    )
  })

  it('leaves the bounds out when one is not known', () => {
    expect(formatRange(5, null, 6, 'kWh')).toBe('5 kWh')
    expect(formatRange(5, 4, NaN, 'kWh')).toBe('5 kWh')
  })

  it('leaves the bounds out when they print as the value', () => {
    expect(formatRange(0, 0, 0, 'kWh')).toBe('0 kWh')
    expect(formatRange(1.001, 1.0004, 1.002, 'kWh')).toBe('1 kWh')
  })

  it('prints a dash for a value that is not known', () => {
    expect(formatRange(null, 1, 2, 'kWh')).toBe('—')
    expect(formatRange(Infinity, 1, 2, 'kWh')).toBe('—')
  })

  it('keeps a zero value with a non-zero upper bound', () => {
    expect(formatRange(0, 0, 0.0004, 'kWh')).toBe('0 kWh (0–0.0004)')
  })
})

describe('formatPercent', () => {
  it('turns a fraction into a percentage with three figures', () => {
    expect(formatPercent(0.123)).toBe('12.3 %')
    expect(formatPercent(0.5)).toBe('50 %')
    expect(formatPercent(0.000123)).toBe('0.0123 %')
    expect(formatPercent(0)).toBe('0 %')
    expect(formatPercent(1)).toBe('100 %')
  })

  it('never rounds a fraction under one up to 100 %', () => {
    expect(formatPercent(0.9996)).toBe('>99.9 %')
    expect(formatPercent(0.999)).toBe('99.9 %')
  })

  it('prints whole percentages above 100 %', () => {
    expect(formatPercent(1.234)).toBe('123 %')
    expect(formatPercent(12.345)).toBe('1,235 %')
  })

  it('prints a dash for a fraction that is not known', () => {
    expect(formatPercent(null)).toBe('—')
    expect(formatPercent(NaN)).toBe('—')
  })
})

describe('formatChangePercent', () => {
  it('signs increases and decreases and leaves zero bare', () => {
    expect(formatChangePercent(12.54)).toBe('+12.5 %')
    expect(formatChangePercent(-3.21)).toBe('-3.21 %')
    expect(formatChangePercent(0)).toBe('0 %')
    expect(formatChangePercent(null)).toBe('—')
  })
})

describe('formatCount and formatDuration', () => {
  it('groups counts with commas', () => {
    expect(formatCount(5000)).toBe('5,000')
    expect(formatCount(0)).toBe('0')
    expect(formatCount(NaN)).toBe('—')
  })

  it('writes durations in the largest sensible units', () => {
    expect(formatDuration(0)).toBe('0 s')
    expect(formatDuration(45.25)).toBe('45.3 s')
    expect(formatDuration(725)).toBe('12 min 5 s')
    expect(formatDuration(3600)).toBe('1 h 00 min')
    expect(formatDuration(11220)).toBe('3 h 07 min')
    expect(formatDuration(187200)).toBe('2 d 4 h')
    expect(formatDuration(-1)).toBe('—')
    expect(formatDuration(null)).toBe('—')
  })
})
