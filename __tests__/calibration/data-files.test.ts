import { readFileSync } from 'node:fs'
import { join } from 'node:path'

import { describe, expect, test } from '@jest/globals'
import { averageIntensity } from '@tgwf/co2/data'
import { yearly2025 } from '@tgwf/co2/data/electricity-maps'

import { TGWF_CO2_VERSION } from '../../src/calibration/intensity-datasets.js'
import { formatSource } from '../../src/calibration/sources.js'
import {
  type Calibration,
  CalibrationError,
  loadCalibration,
  parseCalibration,
  type RawCalibration
} from '../../src/calibration/load.js'

const FILES = {
  hardware: 'hardware.json',
  nodes: 'nodes.json',
  workloads: 'workloads.json',
  regions: 'regions.json',
  equivalents: 'equivalents.json',
  isoCountries: 'iso-countries.json',
  prices: 'prices.json'
} as const

/** A fresh, mutable copy of every file, read from disk. */
function readRaw(): Calibration {
  const read = (f: string): unknown =>
    JSON.parse(readFileSync(join('calibration-data', f), 'utf8'))
  const entries = Object.entries(FILES).map(([key, f]) => [key, read(f)])
  return Object.fromEntries(entries) as Calibration
}

/** Item `i` of `items`; throws when absent so a test fails loudly. */
function nth<T>(items: T[], i: number): T {
  const item = items[i]
  if (item === undefined) throw new Error(`no item ${i}`)
  return item
}

/** The problem lines of a CalibrationError thrown by `parseCalibration`. */
function problemsOf(raw: RawCalibration): readonly string[] {
  try {
    parseCalibration(raw)
  } catch (error) {
    if (error instanceof CalibrationError) return error.problems
    throw error
  }
  return []
}

describe('calibration files', () => {
  test('every file validates and the loader gives the same data as disk', () => {
    expect(parseCalibration(readRaw())).toEqual(loadCalibration())
  })

  test('every record carries a source with a url or document and a year', () => {
    const cal = loadCalibration()
    const sources = [
      ...cal.hardware.records.flatMap(h => [
        h.source,
        h.idle_w.source,
        h.max_power_w.source
      ]),
      ...cal.nodes.records.flatMap(n => [n.source, n.host_idle_w.source]),
      ...cal.workloads.records.map(w => w.source),
      cal.regions.default_pue.source,
      ...cal.regions.providers.flatMap(p => [p.pue.source, p.regions_source]),
      ...cal.regions.cloud_regions.map(r => r.source),
      ...cal.equivalents.records.map(e => e.source),
      ...cal.regions.electricity_prices.map(p => p.source),
      ...cal.prices.records.map(p => p.source),
      cal.isoCountries.source
    ]
    for (const source of sources) {
      expect(source.title.length).toBeGreaterThan(5)
      expect(source.url ?? source.document).toBeTruthy()
      expect(source.year).toBeGreaterThanOrEqual(2019)
    }
  })

  test('reports each schema problem on its own line, naming file and path', () => {
    const raw = readRaw()
    nth(raw.hardware.records, 0).idle_w.low = 9999
    Reflect.deleteProperty(nth(raw.workloads.records, 1), 'source')
    const problems = problemsOf(raw)
    expect(problems).toEqual([
      'calibration-data/hardware.json: records[0].idle_w: expected 0 ≤ low ≤ value ≤ high',
      expect.stringMatching(
        /^calibration-data\/workloads\.json: records\[1\]\.source: /
      )
    ])
  })

  test('reports broken references and duplicate names between records', () => {
    const raw = readRaw()
    nth(raw.nodes.records, 0).recognise.hardware_ids.push('a100-sxm5')
    nth(raw.hardware.records, 1).names.push('NVIDIA L4')
    nth(raw.workloads.records, 0).node_profile = 'hgx-b200-8gpu'
    expect(problemsOf(raw)).toEqual([
      'calibration-data/hardware.json: "l4" is claimed by v100-sxm2-32gb and l4',
      'calibration-data/nodes.json: hgx-a100-8gpu names unknown hardware id "a100-sxm5"',
      'calibration-data/workloads.json: llm-training names unknown node profile "hgx-b200-8gpu"'
    ])
  })

  test('maps at least 20 cloud regions of each of AWS, GCP and Azure to zones in the data', () => {
    const regions = loadCalibration().regions.cloud_regions
    expect(regions.length).toBeGreaterThanOrEqual(20)
    expect(new Set(regions.map(r => r.provider))).toEqual(
      new Set(['aws', 'gcp', 'azure'])
    )
    for (const region of regions) {
      expect(yearly2025.data[region.zone]?.carbonIntensity?.value).toEqual(
        expect.any(Number)
      )
    }
  })

  test('has an ISO row for every Ember country and Electricity Maps zone', () => {
    const rows = loadCalibration().isoCountries.countries
    const iso2 = new Set(rows.map(([a2]) => a2))
    const iso3 = new Set(rows.map(([, a3]) => a3))
    const emberCountries = Object.keys(averageIntensity.data).filter(k =>
      /^[A-Z]{3}$/.test(k)
    )
    expect(emberCountries.filter(k => !iso3.has(k))).toEqual([])
    const zoneCountries = Object.keys(yearly2025.data).map(z => z.split('-')[0])
    expect(zoneCountries.filter(c => !iso2.has(c ?? ''))).toEqual([])
  })

  test('records the passenger-car factor as EPA g/gallon ÷ mpg ÷ km per mile', () => {
    const [car] = loadCalibration().equivalents.records
    const {
      g_co2_per_gallon = 0,
      miles_per_gallon = 1,
      km_per_mile = 1
    } = car?.inputs ?? {}
    expect(g_co2_per_gallon / miles_per_gallon).toBeCloseTo(400.3, 1)
    expect(car?.g_co2e_per_unit).toBeCloseTo(
      g_co2_per_gallon / miles_per_gallon / km_per_mile,
      1
    )
  })

  test('names the installed @tgwf/co2 version in every dataset label', () => {
    const pkg = JSON.parse(
      readFileSync(join('node_modules', '@tgwf', 'co2', 'package.json'), 'utf8')
    ) as { version: string }
    expect(TGWF_CO2_VERSION).toBe(pkg.version)
  })

  test('formats a source with its url, or its document id when there is none', () => {
    const base = { title: 'T', year: 2023 }
    expect(
      formatSource({ ...base, url: 'https://x.org', document: 'D-1' })
    ).toBe('T (2023), https://x.org')
    expect(formatSource({ ...base, document: 'EPA-420-F-23-014' })).toBe(
      'T (2023), EPA-420-F-23-014'
    )
  })
})
