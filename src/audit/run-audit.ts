import type { AuditOptions } from './audit-options.js'
import { auditReadings } from './audit-readings.js'
import type { AuditResult } from './audit-schema.js'
import { expandInputs } from './expand-inputs.js'
import { readTelemetry } from './read-telemetry.js'
import { makeSpecResolver } from './spec-resolver.js'

export { GENERATOR } from './audit-readings.js'

/**
 * Audits telemetry files and folders: read, then auditReadings (model
 * devices → node model (L3) → PUE → carbon → totals → result). Throws
 * NoDataError when nothing usable was read.
 */
export async function runAudit(
  paths: readonly string[],
  options: AuditOptions
): Promise<AuditResult> {
  const inputs = await expandInputs(paths)
  const readings = await readTelemetry(
    inputs,
    options,
    makeSpecResolver(options)
  )
  return auditReadings(readings, options)
}
