import type { AuditOptions } from './audit-options.js'
import type { AuditResult, GroundingLevel } from './audit-schema.js'
import { type CarbonChoice, carEquivalent } from './calibration-adapter.js'
import { collectWarnings } from './collect-warnings.js'
import { costJson } from './cost-json.js'
import { deviceJson, isoOrNull } from './device-json.js'
import type { DeviceRecord } from './device-records.js'
import { type EnergyTotals, type PueChoice, toKWh } from './energy-totals.js'
import type { NodeEnergy } from './node-model.js'
import { coverageWindows, unionWindow } from './union-window.js'
import type { FileReading } from './read-source.js'
import { describeAssumptions } from './assumptions.js'

/** Everything computed, ready to be written as ecocompute.audit/v1. */
export interface AuditParts {
  readings: readonly FileReading[]
  devices: readonly DeviceRecord[]
  nodes: readonly NodeEnergy[]
  energy: EnergyTotals
  pue: PueChoice
  carbon: CarbonChoice
  options: AuditOptions
  generator: string
}

/** Assembles the audit JSON from the computed parts. */
export function buildResult(parts: AuditParts): AuditResult {
  const window = unionWindow(parts.devices)
  const windowOf = coverageWindows(parts.devices)
  const facilityKWh = toKWh(parts.energy.facility.valueJ)
  const carbonKg = (facilityKWh * parts.carbon.intensityGPerKWh) / 1000
  return {
    schema: 'ecocompute.audit/v1',
    generator: parts.generator,
    created: new Date().toISOString(),
    grounding: grounding(parts.devices, parts.nodes),
    window: {
      start: isoOrNull(window.startMs),
      end: isoOrNull(window.endMs),
      duration_s: window.durationS
    },
    energy: {
      gpu_kwh: toKWh(parts.energy.gpu.valueJ),
      measured_gpu_kwh: toKWh(parts.energy.measuredGpu.valueJ),
      it_kwh: toKWh(parts.energy.it.valueJ),
      facility_kwh: facilityKWh,
      low_kwh: toKWh(parts.energy.facility.lowJ),
      high_kwh: toKWh(parts.energy.facility.highJ)
    },
    carbon: {
      kg: carbonKg,
      low_kg:
        (toKWh(parts.energy.facility.lowJ) * parts.carbon.lowGPerKWh) / 1000,
      high_kg:
        (toKWh(parts.energy.facility.highJ) * parts.carbon.highGPerKWh) / 1000,
      intensity_g_per_kwh: parts.carbon.intensityGPerKWh,
      intensity_low_g_per_kwh: parts.carbon.lowGPerKWh,
      intensity_high_g_per_kwh: parts.carbon.highGPerKWh,
      region: parts.carbon.region,
      fallback: parts.carbon.fallback,
      dataset: parts.carbon.dataset,
      year: parts.carbon.year,
      licence: parts.carbon.licence
    },
    cost: costJson(parts.energy, parts.devices, parts.options),
    equivalents: [carEquivalent(carbonKg)],
    assumptions: describeAssumptions(parts),
    inputs: parts.readings.map(inputJson),
    devices: parts.devices.map(device => deviceJson(device, windowOf(device))),
    warnings: collectWarnings(
      parts.readings,
      parts.devices,
      parts.carbon,
      parts.pue.note,
      windowOf
    )
  }
}

const LEVEL_ORDER: GroundingLevel[] = ['L1', 'L2', 'L3']

/** The overall level: the lowest of any device that contributes energy. */
function grounding(
  devices: readonly DeviceRecord[],
  nodes: readonly NodeEnergy[]
): AuditResult['grounding'] {
  const levels: Record<string, GroundingLevel> = {}
  const reasons: string[] = []
  let lowest: GroundingLevel = 'L3'
  let contributing = 0
  for (const device of devices) {
    const level: GroundingLevel = device.l3 ? 'L3' : device.outcome.level
    levels[device.id] = level
    const contributes =
      device.outcome.energy.valueJ > 0 || device.outcome.measuredS > 0
    if (contributes) contributing++
    if (contributes && LEVEL_ORDER.indexOf(level) < LEVEL_ORDER.indexOf(lowest))
      lowest = level
    if (level === 'L1')
      reasons.push(`${device.id}: ${device.outcome.levelReason}`)
  }
  for (const node of nodes) reasons.push(`node ${node.node}: ${node.reason}`)
  // With no device contributing energy, no level above L1 was reached.
  if (contributing === 0) lowest = 'L1'
  return { level: lowest, devices: levels, reasons }
}

/** One input file's line in the result. */
function inputJson(reading: FileReading): AuditResult['inputs'][number] {
  if (!('sink' in reading)) {
    return {
      file: reading.file,
      format: reading.format ?? 'unrecognised',
      devices: 0,
      lines: 0,
      rejected_rows: 0
    }
  }
  return {
    file: reading.file,
    format: reading.format,
    devices: reading.sink.devices.length,
    lines: reading.sink.lastLine,
    rejected_rows: reading.sink.rejectedCount
  }
}
