/**
 * Checks that need more than one record or file: unique ids and names,
 * and references from nodes to hardware, from workloads to nodes and from
 * cloud regions to the country table, and from prices to hardware and
 * countries.
 */
import { normaliseGpuName } from './gpu-name.js'
import type { Calibration } from './load.js'

const HARDWARE = 'calibration-data/hardware.json'
const NODES = 'calibration-data/nodes.json'
const WORKLOADS = 'calibration-data/workloads.json'
const REGIONS = 'calibration-data/regions.json'
const PRICES = 'calibration-data/prices.json'

/** Lists every cross-reference problem, one line each; empty when sound. */
export function findCrossReferenceProblems(cal: Calibration): string[] {
  return [
    ...hardwareProblems(cal),
    ...nodeProblems(cal),
    ...workloadProblems(cal),
    ...regionProblems(cal),
    ...priceProblems(cal)
  ]
}

/** Keys that occur for more than one owner, with the owners named. */
function duplicates(entries: [key: string, owner: string][]): string[] {
  const owners = new Map<string, Set<string>>()
  for (const [key, owner] of entries) {
    owners.set(key, (owners.get(key) ?? new Set()).add(owner))
  }
  return [...owners]
    .filter(([, set]) => set.size > 1)
    .map(([key, set]) => `"${key}" is claimed by ${[...set].join(' and ')}`)
}

function hardwareProblems(cal: Calibration): string[] {
  const records = cal.hardware.records
  const ids = records.map((hw, i): [string, string] => [hw.id, `records[${i}]`])
  const names = records.flatMap(hw =>
    [hw.id, ...hw.names, ...hw.aliases].map((name): [string, string] => [
      normaliseGpuName(name).key,
      hw.id
    ])
  )
  const generic = records.some(hw => hw.id === 'generic-gpu')
    ? []
    : ['no generic-gpu record']
  return [...duplicates(ids), ...duplicates(names), ...generic].map(
    problem => `${HARDWARE}: ${problem}`
  )
}

function nodeProblems(cal: Calibration): string[] {
  const known = new Set(cal.hardware.records.map(hw => hw.id))
  const unknown = cal.nodes.records.flatMap(node =>
    node.recognise.hardware_ids
      .filter(id => !known.has(id))
      .map(id => `${node.id} names unknown hardware id "${id}"`)
  )
  const ids = cal.nodes.records.map((n, i): [string, string] => [
    n.id,
    `records[${i}]`
  ])
  return [...unknown, ...duplicates(ids)].map(p => `${NODES}: ${p}`)
}

function workloadProblems(cal: Calibration): string[] {
  const known = new Set(cal.nodes.records.map(node => node.id))
  const records = cal.workloads.records
  const unknown = records
    .filter(w => !known.has(w.node_profile))
    .map(w => `${w.workload} names unknown node profile "${w.node_profile}"`)
  const pairs = records.map((w, i): [string, string] => [
    `${w.workload} on ${w.node_profile}`,
    `records[${i}]`
  ])
  return [...unknown, ...duplicates(pairs)].map(p => `${WORKLOADS}: ${p}`)
}

function regionProblems(cal: Calibration): string[] {
  const iso2ByIso3 = new Map(
    cal.isoCountries.countries.map(([iso2, iso3]) => [iso3, iso2])
  )
  const regions = cal.regions.cloud_regions
  const mismatched = regions
    .filter(r => iso2ByIso3.get(r.country) !== r.zone.split('-')[0])
    .map(r => `${r.id}: zone ${r.zone} is not in country ${r.country}`)
  const ids = regions.map((r, i): [string, string] => [
    r.id,
    `cloud_regions[${i}]`
  ])
  const providers = cal.regions.providers.map((p, i): [string, string] => [
    p.id,
    `providers[${i}]`
  ])
  return [...mismatched, ...duplicates(ids), ...duplicates(providers)].map(
    p => `${REGIONS}: ${p}`
  )
}

function priceProblems(cal: Calibration): string[] {
  const known = new Set(cal.hardware.records.map(hw => hw.id))
  const records = cal.prices.records
  const unknown = records
    .filter(p => !known.has(p.hardware_id))
    .map(p => `${p.id} names unknown hardware id "${p.hardware_id}"`)
  const ids = records.map((p, i): [string, string] => [p.id, `records[${i}]`])
  const iso2 = new Set(cal.isoCountries.countries.map(([code]) => code))
  const countries = cal.regions.electricity_prices
    .filter(p => !iso2.has(p.country))
    .map(p => `${REGIONS}: ${p.id}: unknown country ${p.country}`)
  const priceFile = [...unknown, ...duplicates(ids)].map(p => `${PRICES}: ${p}`)
  return [...priceFile, ...countries]
}
