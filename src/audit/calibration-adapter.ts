import {
  findWorkloadCalibration,
  formatSource,
  genericGpu,
  getHardware,
  getNodeProfile,
  getEquivalent,
  type Hardware,
  matchHardware,
  type NodeProfile,
  recogniseNodeProfile,
  resolveIntensity,
  resolvePue,
  toEquivalentUnits
} from '../calibration/index.js'
import type { Equivalent as EquivalentJson } from './audit-schema.js'
import type {
  AlphaFacts,
  HardwareFacts,
  NodeFacts
} from './calibration-port.js'
import type { PueChoice } from './energy-totals.js'
import type { FileReading } from './read-source.js'
import { worldSpreadGPerKWh } from './world-spread.js'

/** The catalogue record a printed name matches exactly or by alias. */
export function hardwareByName(name: string): HardwareFacts | undefined {
  const match = matchHardware(name)
  return match && toHardwareFacts(match.hardware)
}

/** The catalogue record with this id. */
export function hardwareById(id: string): HardwareFacts | undefined {
  const hardware = getHardware(id)
  return hardware && toHardwareFacts(hardware)
}

/** The generic class used for unknown models. */
export function genericHardware(): HardwareFacts {
  return toHardwareFacts(genericGpu())
}

/** Catalogue record → what the model uses. */
function toHardwareFacts(hardware: Hardware): HardwareFacts {
  const idle = hardware.idle_w
  return {
    id: hardware.id,
    name: hardware.display_name,
    idleW: {
      value: idle.value,
      low: idle.low,
      high: idle.high,
      source: formatSource(idle.source)
    },
    maxPowerW: hardware.max_power_w.value,
    maxPowerSource: formatSource(hardware.max_power_w.source),
    accuracyW: hardware.sensor_accuracy_w
  }
}

/** The node profile recognised from GPU model and count. */
export function nodeProfileFor(
  hardwareId: string,
  gpuCount: number
): NodeFacts | undefined {
  const profile = recogniseNodeProfile(hardwareId, gpuCount)
  return profile && toNodeFacts(profile)
}

/** The node profile with this id. */
export function nodeProfileById(id: string): NodeFacts | undefined {
  const profile = getNodeProfile(id)
  return profile && toNodeFacts(profile)
}

/** Node profile record → what the model uses. */
function toNodeFacts(profile: NodeProfile): NodeFacts {
  const host = profile.host_idle_w
  return {
    id: profile.id,
    name: profile.display_name,
    hostIdleW: {
      value: host.value,
      low: host.low,
      high: host.high,
      source: formatSource(host.source)
    }
  }
}

/** α_w for a workload class on a node profile. */
export function alphaFor(
  workload: string,
  nodeProfileId: string
): AlphaFacts | undefined {
  const calibration = findWorkloadCalibration(workload, nodeProfileId)
  if (!calibration) return undefined
  const { value, low, high } = calibration.alpha
  return {
    workload,
    alpha: { value, low, high, source: formatSource(calibration.source) }
  }
}

/** The grid intensity used, with its fallback chain and attribution. */
export interface CarbonChoice {
  region: string
  requested: string | null
  fallback: 'cloud-region' | 'zone' | 'country' | 'world'
  intensityGPerKWh: number
  lowGPerKWh: number
  highGPerKWh: number
  dataset: string
  year: number | null
  licence: string
  notes: string[]
  provider: string | undefined
}

/**
 * Resolves the region's intensity. For the world fallback the bounds are
 * widened to the spread of national grids: where the run happened is the
 * real unknown.
 */
export function resolveCarbon(region: string | undefined): CarbonChoice {
  const resolved = resolveIntensity(region)
  const choice: CarbonChoice = {
    region: resolved.region,
    requested: resolved.requested,
    fallback: resolved.fallback,
    intensityGPerKWh: resolved.intensityGPerKWh,
    lowGPerKWh: resolved.lowGPerKWh,
    highGPerKWh: resolved.highGPerKWh,
    dataset: resolved.dataset,
    year: resolved.year,
    licence: resolved.licence,
    notes: [...resolved.notes],
    provider: resolved.provider
  }
  if (choice.fallback !== 'world') return choice
  const spread = worldSpreadGPerKWh()
  choice.lowGPerKWh = Math.min(choice.lowGPerKWh, spread.low)
  choice.highGPerKWh = Math.max(choice.highGPerKWh, spread.high)
  const advice =
    choice.requested === null ? '; name the region to narrow them' : ''
  choice.notes.push(
    `location unknown: carbon bounds span the 10th–90th percentile of national grids (${spread.low.toFixed(0)}–${spread.high.toFixed(0)} g/kWh)${advice}`
  )
  return choice
}

/**
 * The PUE: one a file already applied (CodeCarbon), else the user's, else
 * the provider's, else the industry default.
 */
export function resolvePueChoice(
  userPue: number | undefined,
  provider: string | undefined,
  readings: readonly FileReading[]
): PueChoice {
  const applied = appliedPue(readings)
  if (applied !== undefined) {
    // Any PUE ≠ 1 given on top of one the file applied is worth a word,
    // even an equal one: the user may expect it to multiply.
    const ignored = userPue !== undefined && userPue !== 1
    return {
      value: applied.pue,
      low: applied.pue,
      high: applied.pue,
      source: `already applied by the tool that wrote ${applied.file}`,
      isDefault: false,
      note: ignored
        ? `${applied.file} already includes PUE ${applied.pue}; the PUE ${userPue} given was not applied on top`
        : undefined
    }
  }
  const pue = resolvePue(userPue, provider)
  return {
    value: pue.value,
    low: pue.low,
    high: pue.high,
    source: pue.source,
    isDefault: pue.isDefault
  }
}

/** The PUE a file states it applied to its energies. */
export function appliedPue(
  readings: readonly FileReading[]
): { pue: number; file: string } | undefined {
  for (const reading of readings) {
    if (!('sink' in reading)) continue
    const fact = reading.sink.facts.find(f => f.kind === 'pue-applied')
    if (fact?.kind === 'pue-applied')
      return { pue: fact.pue, file: reading.file }
  }
  return undefined
}

/** Passenger-car km with the same CO2e, with its source. */
export function carEquivalent(carbonKg: number): EquivalentJson {
  const car = getEquivalent('passenger-car-km')
  if (!car)
    throw new Error('calibration-data/equivalents.json lost passenger-car-km')
  return {
    kind: car.id,
    value: toEquivalentUnits(carbonKg * 1000, car),
    unit: car.unit,
    source: `${formatSource(car.source)}: ${car.g_co2e_per_unit} gCO2/km`
  }
}
