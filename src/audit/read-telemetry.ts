import { createReadStream } from 'node:fs'
import { stat } from 'node:fs/promises'
import { detectFormat } from '../telemetry/detect-format.js'
import { InputError } from '../telemetry/input-error.js'
import type { AuditOptions } from './audit-options.js'
import type { InputPath } from './expand-inputs.js'
import { FileSink, type SpecResolver } from './file-sink.js'

/** One file read, or why it could not be. */
export type FileReading =
  | { file: string; format: string; sink: FileSink }
  | { file: string; format: string | undefined; error: string }

const READ_CHUNK_BYTES = 1 << 20

/**
 * Reads each file with its format's parser into its own sink. A file that
 * fails is reported and the others still count; a file found in a folder
 * that is no telemetry at all is skipped with a note.
 */
export async function readTelemetry(
  inputs: readonly InputPath[],
  options: AuditOptions,
  resolveSpec: SpecResolver
): Promise<FileReading[]> {
  const readings: FileReading[] = []
  for (const input of inputs) {
    readings.push(await readOne(input, options, resolveSpec))
  }
  return readings
}

/** Detects and parses one file. */
async function readOne(
  input: InputPath,
  options: AuditOptions,
  resolveSpec: SpecResolver
): Promise<FileReading> {
  const file = input.path
  if (input.problem !== undefined) {
    return { file, format: undefined, error: `${file}: ${input.problem}` }
  }
  try {
    return await parseFile(input, options, resolveSpec)
  } catch (error) {
    if (error instanceof InputError) {
      return { file, format: options.inputFormat, error: error.message }
    }
    if (!isFileSystemError(error)) throw error
    return {
      file,
      format: undefined,
      error: `${file}: cannot read: ${error.message}`
    }
  }
}

/** Detects the format and parses; file-system errors propagate. */
async function parseFile(
  input: InputPath,
  options: AuditOptions,
  resolveSpec: SpecResolver
): Promise<FileReading> {
  const file = input.path
  if ((await stat(file)).size === 0) {
    return { file, format: undefined, error: `${file}: the file is empty` }
  }
  const format = await detectFormat(file, options.inputFormat)
  if (format === undefined) {
    return { file, format: undefined, error: unrecognised(input) }
  }
  const sink = new FileSink(file, resolveSpec)
  try {
    await format.parse(
      createReadStream(file, { highWaterMark: READ_CHUNK_BYTES }),
      sink,
      {
        file,
        timezone: options.timezone,
        intervalMs: options.intervalMs,
        columns: options.columns
      }
    )
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
function unrecognised(input: InputPath): string {
  const hint = input.fromDirectory
    ? 'skipped: not a recognised telemetry file'
    : 'not a recognised telemetry format; name it with --input-format (see --help for the list)'
  return `${input.path}: ${hint}`
}

/** True for an error from the file system (EACCES, ENOENT, EIO…). */
function isFileSystemError(error: unknown): error is NodeJS.ErrnoException {
  return (
    error instanceof Error &&
    typeof (error as NodeJS.ErrnoException).code === 'string'
  )
}
