import { numericTimeToMs } from '../timestamps.js'
import { parseStrictNumber, readNumberCell } from '../cells.js'
import { splitCsvLine } from '../csv-fields.js'
import type { ByteChunks, ParseOptions, TelemetryFormat } from '../format.js'
import { InputError } from '../input-error.js'
import { readLines } from '../lines.js'
import type { TelemetrySink } from '../sink.js'
import { dcgmReadingOf, isDcgmBlank } from './dcgm-fields.js'
import { LongSampleBuffer, type LongSample } from './dcgm-long-buffer.js'

const HEADER_NAMES = ['GPUId', 'TimeStampUs', 'Field', 'Values'] as const
const EXACT_HEADER = /^GPUId,TimeStampUs,Field\b/
/** Field names listed in the skipped-rows warning; the set stays small. */
const OTHER_NAMES_SHOWN = 8

/** Cell position of each named column. */
type LongColumns = Record<(typeof HEADER_NAMES)[number], number> & {
  count: number
}

interface LongState {
  readonly buffer: LongSampleBuffer
  /** Rows of fields the audit does not read. */
  otherRows: number
  /** The first few names of those fields, for the warning. */
  readonly otherNames: Set<string>
}

/** DCGM field values as long CSV: `GPUId,TimeStampUs,Field,Values` rows. */
export const dcgmLongCsvFormat: TelemetryFormat = {
  name: 'dcgm-long-csv',
  description:
    'DCGM field values as long CSV (GPUId,TimeStampUs,Field,Values; µs times)',
  detect(head: string): number {
    const firstLine = (head.split('\n', 1)[0] ?? '').trim()
    if (EXACT_HEADER.test(firstLine)) return 0.98
    return mapHeader(firstLine) === undefined ? 0 : 0.9
  },
  parse: parseDcgmLongCsv
}

/** Reads every power and energy row, then emits them sorted per GPU. */
async function parseDcgmLongCsv(
  input: ByteChunks,
  sink: TelemetrySink,
  options: ParseOptions
): Promise<void> {
  const state: LongState = {
    buffer: new LongSampleBuffer(options.file),
    otherRows: 0,
    otherNames: new Set()
  }
  let columns: LongColumns | undefined
  let headerText = ''
  for await (const { text, line } of readLines(input, options.file)) {
    const trimmed = text.trim()
    if (trimmed === '' || trimmed === headerText) continue
    if (columns === undefined) {
      columns = requireHeader(trimmed, options.file, line)
      headerText = trimmed
    } else {
      readRow(trimmed, line, columns, state, sink)
    }
  }
  if (columns === undefined) {
    throw new InputError(`no "${HEADER_NAMES.join(',')}" header`, options.file)
  }
  state.buffer.emit(sink, options.node)
  warnOtherFields(state, sink)
}

/** Column positions by name (any order, any case); undefined if one is missing. */
function mapHeader(text: string): LongColumns | undefined {
  const names = text.split(',').map(name => name.trim().toLowerCase())
  const at = (name: string): number => names.indexOf(name.toLowerCase())
  const [gpu, time, field, values] = HEADER_NAMES.map(at)
  if ([gpu, time, field, values].some(index => index! < 0)) return undefined
  return {
    GPUId: gpu!,
    TimeStampUs: time!,
    Field: field!,
    Values: values!,
    count: names.length
  }
}

/** The header, or an InputError naming the columns it lacks. */
function requireHeader(text: string, file: string, line: number): LongColumns {
  const columns = mapHeader(text)
  if (columns) return columns
  throw new InputError(
    `expected a "${HEADER_NAMES.join(',')}" header, found "${text.slice(0, 120)}"`,
    file,
    line
  )
}

/** Reads one row into the buffer, or rejects it with the reason. */
function readRow(
  text: string,
  line: number,
  columns: LongColumns,
  state: LongState,
  sink: TelemetrySink
): void {
  const cells = splitCsvLine(text)?.map(cell => cell.trim())
  if (cells?.length !== columns.count) {
    const found = cells === undefined ? 'unbalanced quotes' : `${cells.length}`
    return sink.reject(line, `expected ${columns.count} cells, found ${found}`)
  }
  const field = cells[columns.Field]!
  const reading = dcgmReadingOf(field)
  if (reading === undefined || reading === 'utilization') {
    state.otherRows += 1
    if (state.otherNames.size <= OTHER_NAMES_SHOWN) state.otherNames.add(field)
    return
  }
  const sample = readSample(cells, columns, reading, line)
  if ('reason' in sample) return sink.reject(line, sample.reason)
  state.buffer.add(cells[columns.GPUId]!, sample)
}

/** The time and value of a power or energy row, or why it is unreadable. */
function readSample(
  cells: readonly string[],
  columns: LongColumns,
  reading: LongSample['reading'],
  line: number
): LongSample | { reason: string } {
  const gpu = cells[columns.GPUId]!
  if (gpu === '') return { reason: 'expected a GPU id in GPUId, found nothing' }
  const timeUs = parseStrictNumber(cells[columns.TimeStampUs]!)
  if (!(timeUs >= 0)) {
    const found = cells[columns.TimeStampUs]
    return {
      reason: `expected µs since the epoch in TimeStampUs, found "${found}"`
    }
  }
  const cell = readNumberCell(cells[columns.Values]!)
  if (cell.kind === 'invalid') {
    return {
      reason: `expected a number or N/A in Values, found "${cell.text}"`
    }
  }
  const value =
    cell.kind === 'value' && !isDcgmBlank(cell.value, reading)
      ? cell.value
      : null
  // The column says µs; epochToMs also reads a file that wrote ms or s.
  return { timeMs: numericTimeToMs(timeUs, 1e-3), reading, value, line }
}

/** One warning that names the fields that were not read. */
function warnOtherFields(state: LongState, sink: TelemetrySink): void {
  if (state.otherRows === 0) return
  const names = [...state.otherNames].slice(0, OTHER_NAMES_SHOWN)
  const more = state.otherNames.size > OTHER_NAMES_SHOWN ? ', …' : ''
  sink.warn(
    'other',
    `skipped ${state.otherRows} rows of fields other than power and energy (${names.join(', ')}${more})`
  )
}
