import { DETECT_HEAD_BYTES, detectFormat } from '../telemetry/detect-format.js'
import { InputError } from '../telemetry/input-error.js'
import type { TelemetrySource } from '../telemetry/telemetry-source.js'
import type { AuditOptions } from './audit-options.js'
import { FileSink, type SpecResolver } from './file-sink.js'

/** One file read, or why it could not be. */
export type FileReading =
  | { file: string; format: string; sink: FileSink }
  | { file: string; format: string | undefined; error: string }

/**
 * Detects and parses one source into its own sink. A problem with the
 * file's content comes back as a reading with an error, so the other
 * files still count; anything else (a read that failed) is thrown.
 */
export async function readSource(
  source: TelemetrySource,
  options: AuditOptions,
  resolveSpec: SpecResolver
): Promise<FileReading> {
  try {
    return await parseSource(source, options, resolveSpec)
  } catch (error) {
    if (!(error instanceof InputError)) throw error
    return {
      file: source.name,
      format: options.inputFormat,
      error: error.message
    }
  }
}

/** Detects the format, parses, and refuses a file that gave no reading. */
async function parseSource(
  source: TelemetrySource,
  options: AuditOptions,
  resolveSpec: SpecResolver
): Promise<FileReading> {
  const file = source.name
  if (source.size === 0) {
    return { file, format: undefined, error: `${file}: the file is empty` }
  }
  const head = await source.head(DETECT_HEAD_BYTES)
  const format = detectFormat(head, file, options.inputFormat)
  if (format === undefined) {
    return { file, format: undefined, error: unrecognised(source) }
  }
  const sink = new FileSink(file, resolveSpec)
  try {
    await format.parse(source.chunks(), sink, {
      file,
      timezone: options.timezone,
      intervalMs: options.intervalMs,
      columns: options.columns
    })
  } catch (error) {
    if (!(error instanceof InputError)) throw error
    return { file, format: format.name, error: error.message }
  }
  const refused = everyRowRejected(sink)
  if (refused !== undefined)
    return { file, format: format.name, error: refused }
  return { file, format: format.name, sink }
}

/** Why a file yielded no reading at all, or undefined. */
function everyRowRejected(sink: FileSink): string | undefined {
  if (sink.readings > 0) return undefined
  const first = sink.rejected[0]
  if (first === undefined) return `${sink.file}: no readings in the file`
  return `${sink.file}: every data row was rejected (${sink.rejectedCount}); the first, line ${first.line}: ${first.reason}`
}

/** The message for a file no format recognised. */
function unrecognised(source: TelemetrySource): string {
  const hint =
    source.fromDirectory === true
      ? 'skipped: not a recognised telemetry file'
      : 'not a recognised telemetry format; name it with --input-format (see --help for the list)'
  return `${source.name}: ${hint}`
}
