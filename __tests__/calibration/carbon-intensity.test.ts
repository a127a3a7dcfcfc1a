import { describe, expect, test } from '@jest/globals'
import { averageIntensity } from '@tgwf/co2/data'
import { yearly2024, yearly2025 } from '@tgwf/co2/data/electricity-maps'

import {
  carbonKg,
  countryFromIso3,
  resolveIntensity
} from '../../src/calibration/carbon-intensity.js'

/** Values read straight from the package, independently of the resolver. */
const ember = (iso3: string): number | undefined => averageIntensity.data[iso3]
const emaps = (zone: string): (number | null | undefined)[] =>
  [yearly2025, yearly2024].map(y => y.data[zone]?.carbonIntensity?.value)

describe('carbonKg', () => {
  test('B25: 2.0 kWh × PUE 1.2 at 400 g/kWh is 960 g, not 3,360 g', () => {
    expect(carbonKg(2.0 * 1.2, 400) * 1000).toBeCloseTo(960, 9)
  })

  test('rejects a negative or non-finite input', () => {
    expect(() => carbonKg(-1, 400)).toThrow(/energyKWh: got -1/)
    expect(() => carbonKg(1, Number.NaN)).toThrow(/intensityGPerKWh: got NaN/)
  })
})

describe('resolveIntensity for zones and countries', () => {
  test('B51: France resolves below 100 g/kWh from the bundled data', () => {
    const fr = resolveIntensity('FR')
    expect(fr.intensityGPerKWh).toBeLessThan(100)
    expect(fr.intensityGPerKWh).toBe(ember('FRA'))
  })

  test('B50: NL, TW and US-CAL-CISO differ and each echoes its region', () => {
    const results = ['NL', 'TW', 'US-CAL-CISO'].map(r => resolveIntensity(r))
    expect(results.map(r => r.region)).toEqual(['NL', 'TW', 'US-CAL-CISO'])
    expect(results.map(r => r.requested)).toEqual(['NL', 'TW', 'US-CAL-CISO'])
    expect(new Set(results.map(r => r.intensityGPerKWh)).size).toBe(3)
    expect(results.map(r => r.fallback)).toEqual(['country', 'country', 'zone'])
  })

  test('B46: an absent sub-national zone falls back to its country with a note', () => {
    const nv = resolveIntensity('US-NV')
    expect(nv).toMatchObject({
      region: 'US',
      fallback: 'country',
      requested: 'US-NV'
    })
    expect(nv.intensityGPerKWh).toBe(ember('USA'))
    expect(nv.notes).toContain(
      'zone US-NV is not in the datasets; used country US (United States)'
    )
  })

  test('reads the short form SE3 as zone SE-SE3 with the newest year central', () => {
    const se3 = resolveIntensity('SE3')
    const [y2025, y2024] = emaps('SE-SE3') as number[]
    expect(se3).toMatchObject({
      region: 'SE-SE3',
      fallback: 'zone',
      year: 2025
    })
    expect(se3.intensityGPerKWh).toBe(y2025)
    expect(se3.lowGPerKWh).toBe(Math.min(y2025 ?? NaN, y2024 ?? NaN))
    expect(se3.highGPerKWh).toBe(Math.max(y2025 ?? NaN, y2024 ?? NaN))
    expect(se3.notes).toEqual(['SE3 read as Electricity Maps zone SE-SE3'])
  })

  test('accepts ISO-2 and ISO-3 for the same country, Ember central', () => {
    const [se, swe] = [resolveIntensity('SE'), resolveIntensity('swe')]
    expect(swe).toEqual({ ...se, requested: 'swe' })
    expect(se.intensityGPerKWh).toBe(ember('SWE'))
    const all = [ember('SWE'), ...emaps('SE')] as number[]
    expect(se.lowGPerKWh).toBe(Math.min(...all))
    expect(se.highGPerKWh).toBe(Math.max(...all))
    expect(se.year).toBeNull()
    expect(se.dataset).toMatch(/^Ember .*@tgwf\/co2 0\.19\.0; range over/)
  })

  test('uses Electricity Maps for a country Ember lacks, and says so', () => {
    const ax = resolveIntensity('AX')
    expect(ember('ALA')).toBeUndefined()
    expect(ax).toMatchObject({ region: 'AX', fallback: 'country', year: 2025 })
    expect(ax.intensityGPerKWh).toBe(emaps('AX')[0])
    expect(ax.notes).toEqual([
      'no Ember value for AX; used Electricity Maps yearly 2025 via @tgwf/co2 0.19.0'
    ])
  })

  test('names both datasets and their licences on every result', () => {
    for (const input of ['SE', 'SE-SE3', undefined]) {
      const { licence } = resolveIntensity(input)
      expect(licence).toContain('CC BY-SA 4.0')
      expect(licence).toContain("attribution 'Electricity Maps'")
      expect(licence).toContain('ODbL')
    }
  })
})

describe('resolveIntensity for cloud regions and unknown input', () => {
  test.each([
    ['aws:us-east-1', 'US-MIDA-PJM', 'aws'],
    ['gcp:europe-north1', 'FI', 'gcp'],
    ['azure:swedencentral', 'SE-SE3', 'azure'],
    ['us-east-1', 'US-MIDA-PJM', 'aws'],
    ['europe-north1', 'FI', 'gcp'],
    ['AWS:US-EAST-1', 'US-MIDA-PJM', 'aws']
  ])('maps %s to zone %s and provider %s', (input, zone, provider) => {
    const result = resolveIntensity(input)
    expect(result).toMatchObject({
      region: zone,
      fallback: 'cloud-region',
      provider
    })
    expect(result.intensityGPerKWh).toBe(emaps(zone)[0])
  })

  test('B48: a cloud region wins over the country it lies in', () => {
    expect(resolveIntensity('aws:us-east-1').intensityGPerKWh).not.toBe(
      resolveIntensity('USA').intensityGPerKWh
    )
  })

  test('B48: an unknown cloud region falls back to the world and is named', () => {
    const world = ember('WORLD')
    const prefixed = resolveIntensity('aws:xx-nowhere-9')
    expect(prefixed).toMatchObject({
      region: 'WORLD',
      fallback: 'world',
      provider: 'aws'
    })
    expect(prefixed.intensityGPerKWh).toBe(world)
    expect(prefixed.notes.join(' ')).toContain('aws:xx-nowhere-9')
    const bare = resolveIntensity('xx-nowhere-9')
    expect(bare).toMatchObject({ region: 'WORLD', fallback: 'world' })
    expect(bare.notes.join(' ')).toContain('"xx-nowhere-9"')
  })

  test('an absent or blank region gives the world average with a note', () => {
    for (const input of [undefined, '', '  ']) {
      const result = resolveIntensity(input)
      expect(result).toMatchObject({ region: 'WORLD', requested: null })
      expect(result.notes).toEqual(['no region given; used the world average'])
    }
  })

  test('an unknown provider prefix is named and falls back to the world', () => {
    const result = resolveIntensity('oci:us-ashburn-1')
    expect(result.fallback).toBe('world')
    expect(result.notes.join(' ')).toContain('"oci"')
    expect(result.provider).toBeUndefined()
  })

  test('never returns NaN and always keeps low ≤ value ≤ high', () => {
    const inputs = [
      'SE',
      'SE-SE3',
      'US-NV',
      'XK',
      'RU',
      'ZZ',
      'aws:eu-west-1',
      'WORLD'
    ]
    for (const input of inputs) {
      const r = resolveIntensity(input)
      for (const v of [r.intensityGPerKWh, r.lowGPerKWh, r.highGPerKWh]) {
        expect(Number.isFinite(v)).toBe(true)
      }
      expect(r.lowGPerKWh).toBeLessThanOrEqual(r.intensityGPerKWh)
      expect(r.intensityGPerKWh).toBeLessThanOrEqual(r.highGPerKWh)
    }
  })
})

describe('countryFromIso3', () => {
  test('maps an alpha-3 code to alpha-2 and name, any case', () => {
    expect(countryFromIso3('swe')).toEqual({
      iso2: 'SE',
      iso3: 'SWE',
      name: 'Sweden'
    })
    expect(countryFromIso3('USA')?.iso2).toBe('US')
  })

  test('returns undefined for anything that is not a known alpha-3 code', () => {
    expect(countryFromIso3('SE')).toBeUndefined()
    expect(countryFromIso3('XXX')).toBeUndefined()
  })
})
