import type { TelemetrySource } from '../telemetry/telemetry-source.js'
import type { AuditOptions } from './audit-options.js'
import { auditReadings } from './audit-readings.js'
import type { AuditResult } from './audit-schema.js'
import { type FileReading, readSource } from './read-source.js'
import { makeSpecResolver } from './spec-resolver.js'

/**
 * Audits telemetry sources (files dropped on the web page, bytes in
 * memory) exactly as runAudit audits paths: the same detection, parsers
 * and model, with no file system. Throws NoDataError when nothing usable
 * was read.
 */
export async function runAuditOnSources(
  sources: readonly TelemetrySource[],
  options: AuditOptions
): Promise<AuditResult> {
  const resolveSpec = makeSpecResolver(options)
  const readings: FileReading[] = []
  for (const source of sources) {
    readings.push(await readSourceOrError(source, options, resolveSpec))
  }
  return auditReadings(readings, options)
}

/** A source that cannot be read is that file's error, like a bad path. */
async function readSourceOrError(
  source: TelemetrySource,
  options: AuditOptions,
  resolveSpec: ReturnType<typeof makeSpecResolver>
): Promise<FileReading> {
  try {
    return await readSource(source, options, resolveSpec)
  } catch (error) {
    if (!(error instanceof Error) || error.name !== 'NotReadableError') {
      throw error
    }
    const reason = `${source.name}: cannot read: ${error.message}`
    return { file: source.name, format: undefined, error: reason }
  }
}
