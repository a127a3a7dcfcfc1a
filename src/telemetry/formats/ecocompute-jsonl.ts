import type { ByteChunks, ParseOptions, TelemetryFormat } from '../format.js'
import { InputError } from '../input-error.js'
import { readLines } from '../lines.js'
import type { TelemetrySink } from '../sink.js'
import { parseJsonLine } from './ecocompute-jsonl-header.js'
import { JsonlReader } from './ecocompute-jsonl-reader.js'
import { TELEMETRY_SCHEMA } from './ecocompute-jsonl-schema.js'

/** A header cut off by the 64 KiB head still shows its schema. */
const SCHEMA_TEXT = /"schema"\s*:\s*"ecocompute\.telemetry\/v1"/

/**
 * EcoCompute telemetry JSON Lines (`ecocompute.telemetry/v1`): what the
 * collector writes and anyone can write by hand. Power samples, energy
 * counter readings and utilisation go to the sink as read; the format is
 * described in docs/telemetry-format.md.
 */
export const ecocomputeJsonlFormat: TelemetryFormat = {
  name: 'ecocompute-jsonl',
  description: `EcoCompute telemetry JSON Lines (${TELEMETRY_SCHEMA}), as the collector writes it`,
  detect: detectJsonl,
  parse: parseJsonl
}

/** Sure when the first line is our header; fairly sure for other versions. */
function detectJsonl(head: string): number {
  const firstLine = head.split('\n').find(line => line.trim() !== '')
  const text = firstLine?.trim() ?? ''
  if (!text.startsWith('{')) return 0
  const record = parseJsonLine(text)
  if (typeof record === 'string') return SCHEMA_TEXT.test(text) ? 0.8 : 0
  const schema = record.schema
  if (schema === TELEMETRY_SCHEMA) return 1
  // Another version is still ours: claim it so parse can say which.
  const ours =
    typeof schema === 'string' && schema.startsWith('ecocompute.telemetry/')
  return ours ? 0.9 : 0
}

/** Streams the file; throws InputError when the header is missing or bad. */
async function parseJsonl(
  input: ByteChunks,
  sink: TelemetrySink,
  options: ParseOptions
): Promise<void> {
  const reader = new JsonlReader(sink, options)
  for await (const { text, line } of readLines(input, options.file)) {
    reader.read(text, line)
  }
  if (!reader.hasHeader()) {
    throw new InputError(
      `expected a ${TELEMETRY_SCHEMA} header record, found no line`,
      options.file
    )
  }
}
