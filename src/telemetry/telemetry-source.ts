import type { ByteChunks } from './format.js'

/**
 * One telemetry file to audit, wherever its bytes live: a path read with
 * `node:fs`, a `File` dropped on the web page, or bytes held in memory.
 * Detection reads the head; the parser streams the chunks.
 */
export interface TelemetrySource {
  /** The name used in every message: a path in Node, a file name in a page. */
  readonly name: string
  /** Size in bytes. */
  readonly size: number
  /** True when a folder held the file rather than the user naming it. */
  readonly fromDirectory?: boolean
  /** Up to the first `maxBytes` bytes. */
  head(maxBytes: number): Promise<Uint8Array>
  /** The whole file, from the start, in chunks. */
  chunks(): ByteChunks
}

/** Chunk size of an in-memory source, as the Node reader's 1 MiB. */
const MEMORY_CHUNK_BYTES = 1 << 20

/** A source over bytes already in memory, streamed in 1 MiB chunks. */
export function bytesSource(name: string, bytes: Uint8Array): TelemetrySource {
  return {
    name,
    size: bytes.length,
    head: maxBytes => Promise.resolve(bytes.subarray(0, maxBytes)),
    chunks: () => chunksOf(bytes)
  }
}

/** `bytes` as consecutive views of at most MEMORY_CHUNK_BYTES. */
function chunksOf(bytes: Uint8Array): AsyncIterable<Uint8Array> {
  return {
    [Symbol.asyncIterator]: () => {
      let start = 0
      return {
        next: () => {
          const chunk = bytes.subarray(start, start + MEMORY_CHUNK_BYTES)
          start += MEMORY_CHUNK_BYTES
          const done = chunk.length === 0
          return Promise.resolve(
            done ? { done, value: undefined } : { done, value: chunk }
          )
        }
      }
    }
  }
}
