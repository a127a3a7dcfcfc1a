import { createReadStream } from 'node:fs'
import { open, stat } from 'node:fs/promises'
import type { TelemetrySource } from '../telemetry/telemetry-source.js'
import type { AuditOptions } from './audit-options.js'
import type { InputPath } from './expand-inputs.js'
import type { SpecResolver } from './file-sink.js'
import { type FileReading, readSource } from './read-source.js'

export type { FileReading } from './read-source.js'

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

/** Reads one file; a file-system error becomes that file's reading. */
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
    return await readSource(await fileSource(input), options, resolveSpec)
  } catch (error) {
    if (!isFileSystemError(error)) throw error
    return {
      file,
      format: undefined,
      error: `${file}: cannot read: ${error.message}`
    }
  }
}

/** A file on disk as a telemetry source, streamed in 1 MiB chunks. */
export async function fileSource(input: InputPath): Promise<TelemetrySource> {
  const path = input.path
  const { size } = await stat(path)
  return {
    name: path,
    size,
    fromDirectory: input.fromDirectory,
    head: maxBytes => readHead(path, maxBytes),
    chunks: () => createReadStream(path, { highWaterMark: READ_CHUNK_BYTES })
  }
}

/** The first `maxBytes` bytes of a file (fewer if it is shorter). */
async function readHead(path: string, maxBytes: number): Promise<Uint8Array> {
  const handle = await open(path, 'r')
  try {
    const buffer = Buffer.alloc(maxBytes)
    const { bytesRead } = await handle.read(buffer, 0, maxBytes, 0)
    return buffer.subarray(0, bytesRead)
  } finally {
    await handle.close()
  }
}

/** True for an error from the file system (EACCES, ENOENT, EIO…). */
function isFileSystemError(error: unknown): error is NodeJS.ErrnoException {
  return (
    error instanceof Error &&
    typeof (error as NodeJS.ErrnoException).code === 'string'
  )
}
