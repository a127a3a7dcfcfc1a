import type { TelemetrySink } from './sink.js'

/**
 * A file's bytes as they are read: a Node `Readable` (Buffers, or strings
 * when an encoding was set) or a browser `File`'s stream both fit.
 */
export type ByteChunks = AsyncIterable<Uint8Array | string>

/** Options every parser receives; all optional except `file`. */
export interface ParseOptions {
  /** Path as the user gave it, used in every message. */
  file: string
  /** IANA zone for offset-less timestamps; UTC when undefined. */
  timezone?: string
  /** Sampling interval for files without timestamps, in ms. */
  intervalMs?: number
  /** Canonical field → header name or 0-based column position. */
  columns?: ReadonlyMap<string, string | number>
  /** Node name to record when the file does not name one. */
  node?: string
}

/** A telemetry format: detection from the first bytes, then a parse. */
export interface TelemetryFormat {
  /** The name users pass to `--input-format`. */
  name: string
  /** One line for `--help`. */
  description: string
  /**
   * How sure this format is that `head` (the first ≤64 KiB, decoded as
   * UTF-8, BOM removed) is its own: 0 = not mine, 1 = certain.
   */
  detect(head: string, fileName: string): number
  /** Streams `input` into `sink`; throws InputError for a fatal problem. */
  parse(
    input: ByteChunks,
    sink: TelemetrySink,
    options: ParseOptions
  ): Promise<void>
}
