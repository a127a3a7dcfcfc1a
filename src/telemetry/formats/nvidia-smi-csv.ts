import { concatBytes, decodeUtf8, toBytes } from '../bytes.js'
import type { ByteChunks, ParseOptions, TelemetryFormat } from '../format.js'
import type { TelemetrySink } from '../sink.js'
import { parseTimestamp } from '../timestamps.js'
import { looksLikeHeader, readHeader } from './nvidia-smi-csv/header.js'
import { planColumns } from './nvidia-smi-csv/plan.js'
import { NvidiaSmiRowReader } from './nvidia-smi-csv/row-reader.js'
import { splitSimple } from './nvidia-smi-csv/split-simple.js'

/** Bytes read before the columns are planned. */
const HEAD_BYTES = 64 * 1024
/** Lines of the head used for planning (identity and interval checks). */
const HEAD_LINES = 400

/** nvidia-smi `--query-gpu … --format=csv` in all its real-world shapes. */
export const nvidiaSmiCsvFormat: TelemetryFormat = {
  name: 'nvidia-smi-csv',
  description:
    'nvidia-smi --query-gpu CSV: with or without header, units in header or cells, custom snake_case headers, several GPUs interleaved',
  detect: detectNvidiaSmiCsv,
  parse: parseNvidiaSmiCsv
}

/** Confidence that `head` is nvidia-smi style CSV. */
function detectNvidiaSmiCsv(head: string): number {
  const first = head.split('\n').find(line => line.trim() !== '') ?? ''
  const cells = splitSimple(first)
  if (looksLikeHeader(readHeader(cells))) return 0.9
  const startsWithTime = Number.isFinite(parseTimestamp(cells[0] ?? ''))
  const hasWatts = cells.some(cell => /^-?[\d.]+\s*W$/.test(cell))
  return startsWithTime && hasWatts ? 0.6 : 0
}

/** Plans the columns from the head, then streams every row. */
async function parseNvidiaSmiCsv(
  input: ByteChunks,
  sink: TelemetrySink,
  options: ParseOptions
): Promise<void> {
  const chunks = input[Symbol.asyncIterator]()
  const { head, ended } = await readHead(chunks)
  const body = dropBom(head)
  const headLines = completeLines(body, ended)
  if (headLines.every(line => line.trim() === '')) return

  const plan = planColumns(headLines, options.file, options.columns)
  for (const note of plan.notes) sink.warn('other', note)

  const skip = plan.hasHeader ? firstLineLength(body) : 0
  const reader = new NvidiaSmiRowReader(
    plan,
    sink,
    options.file,
    options.timezone ?? 'UTC',
    plan.hasHeader ? 2 : 1
  )
  reader.push(body.subarray(skip))
  for (let next = await chunks.next(); !next.done; next = await chunks.next()) {
    reader.push(toBytes(next.value))
  }
  reader.end()
  if (plan.identity === undefined && reader.deviceCount > 1) {
    sink.warn(
      'other',
      `no column identifies GPUs: the ${reader.deviceCount} GPUs were told apart by their position among rows sharing a timestamp`
    )
  }
}

/** Reads at least HEAD_BYTES (or the whole input if shorter). */
async function readHead(
  chunks: AsyncIterator<Uint8Array | string>
): Promise<{ head: Uint8Array; ended: boolean }> {
  const parts: Uint8Array[] = []
  let size = 0
  while (size < HEAD_BYTES) {
    const next = await chunks.next()
    if (next.done) return { head: concatBytes(parts), ended: true }
    const chunk = toBytes(next.value)
    parts.push(chunk)
    size += chunk.length
  }
  return { head: concatBytes(parts), ended: false }
}

/** The head's complete lines (the last, partial one only at end of input). */
function completeLines(head: Uint8Array, ended: boolean): string[] {
  const text = decodeUtf8(head)
  const lines = text.split('\n').map(line => line.replace(/\r$/, ''))
  if (!ended) lines.pop()
  return lines.slice(0, HEAD_LINES)
}

/** Bytes up to and including the first newline. */
function firstLineLength(body: Uint8Array): number {
  const newline = body.indexOf(10)
  return newline === -1 ? body.length : newline + 1
}

/** The buffer without a UTF-8 byte-order mark. */
function dropBom(head: Uint8Array): Uint8Array {
  const hasBom = head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf
  return hasBom ? head.subarray(3) : head
}
