import type { AuditOptions } from './audit-options.js'
import type { AuditResult } from './audit-schema.js'
import { buildResult } from './build-result.js'
import { resolveCarbon, resolvePueChoice } from './calibration-adapter.js'
import { collectDevices } from './device-records.js'
import { sumEnergy } from './energy-totals.js'
import { modelNodes } from './node-model.js'
import type { FileReading } from './read-source.js'
import { NoDataError } from './no-data-error.js'

/** Name and version written into every result. */
export const GENERATOR = 'ecocompute 0.1.0'

/**
 * Everything after reading, shared by the CLI, the action and the web
 * page: model devices → node model (L3) → PUE → carbon → totals → result.
 * Throws NoDataError when nothing usable was read.
 */
export function auditReadings(
  readings: readonly FileReading[],
  options: AuditOptions
): AuditResult {
  const devices = collectDevices(readings, options.jobFolders)
  if (devices.length === 0) throw new NoDataError(noDataMessage(readings))

  const nodes = modelNodes(devices, options)
  const carbon = resolveCarbon(options.region ?? fileCountry(readings))
  const pue = resolvePueChoice(options.pue, carbon.provider, readings)
  const energy = sumEnergy(devices, nodes, pue)
  return buildResult({
    readings,
    devices,
    nodes,
    energy,
    pue,
    carbon,
    options,
    generator: GENERATOR
  })
}

/** The country a file states (CodeCarbon), used when no region is given. */
function fileCountry(readings: readonly FileReading[]): string | undefined {
  for (const reading of readings) {
    if (!('sink' in reading)) continue
    const fact = reading.sink.facts.find(f => f.kind === 'country')
    if (fact?.kind === 'country') return fact.iso3
  }
  return undefined
}

/** Why there is nothing to audit, file by file. */
function noDataMessage(readings: readonly FileReading[]): string {
  if (readings.length === 0) return 'no telemetry files found'
  const lines = readings.map(reading =>
    'sink' in reading
      ? `${reading.file}: no devices found (${reading.sink.rejectedCount} rejected rows)`
      : reading.error
  )
  return `no usable telemetry:\n  ${lines.join('\n  ')}`
}
