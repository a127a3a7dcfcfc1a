import type { ByteChunks, ParseOptions } from '../format.js'
import { InputError } from '../input-error.js'
import { readLines } from '../lines.js'
import type { TelemetrySink } from '../sink.js'
import { DmonClock } from './dmon-clock.js'
import {
  type DmonLayout,
  emitDmonRow,
  powerFieldOf,
  readDmonRow,
  splitDmonCells,
  splitDmonHeader
} from './dmon-table.js'

/** What tells `nvidia-smi dmon` and `dcgmi dmon` text apart. */
export interface DmonDialect {
  /** How the header starts, for messages: `#Entity`, `# gpu`. */
  headerMark: string
  /** Where the sampling interval comes from, for the InputError. */
  intervalHint: string
  /** The layout a header line states; undefined for any other line. */
  readHeader(text: string): DmonLayout | undefined
  /** True for the unit line under a header, given its `#`-less cells. */
  isUnitLine(names: readonly string[]): boolean
  /**
   * The device key of a row, `{ skip }` with an entity type the audit
   * leaves out, or a reason when the row names no device.
   */
  readEntity(
    cells: readonly string[],
    layout: DmonLayout
  ): string | { skip: string } | { reason: string }
  /** Called once at the end with the rows left out per entity type. */
  warnSkipped(skipped: ReadonlyMap<string, number>, sink: TelemetrySink): void
}

interface DmonState {
  layout: DmonLayout | undefined
  readonly dialect: DmonDialect
  readonly options: ParseOptions
  readonly clock: DmonClock
  readonly devices: Map<string, number>
  readonly skipped: Map<string, number>
  warnedNoDate: boolean
}

/** Streams a dmon table into the sink, one device per entity key. */
export async function parseDmon(
  input: ByteChunks,
  sink: TelemetrySink,
  options: ParseOptions,
  dialect: DmonDialect
): Promise<void> {
  const state: DmonState = {
    layout: undefined,
    dialect,
    options,
    clock: new DmonClock(options, dialect.intervalHint),
    devices: new Map(),
    skipped: new Map(),
    warnedNoDate: false
  }
  for await (const { text, line } of readLines(input, options.file)) {
    readLine(text, line, state, sink)
  }
  if (state.layout === undefined) {
    const message = `no "${dialect.headerMark}" header line found, so no column can be named`
    throw new InputError(message, options.file)
  }
  dialect.warnSkipped(state.skipped, sink)
}

/** Sorts one line into header, unit line, data row or reject. */
function readLine(
  text: string,
  line: number,
  state: DmonState,
  sink: TelemetrySink
): void {
  const trimmed = text.trim()
  if (trimmed === '') return
  const layout = state.dialect.readHeader(trimmed)
  if (layout) return useLayout(layout, state, sink, line)
  if (state.dialect.isUnitLine(splitDmonHeader(trimmed))) return

  const mark = state.dialect.headerMark
  if (trimmed.startsWith('#')) {
    return sink.reject(
      line,
      `expected a "${mark}" header, found "${clip(trimmed)}"`
    )
  }
  if (state.layout === undefined) {
    return sink.reject(
      line,
      `expected a "${mark}" header before rows, found "${clip(trimmed)}"`
    )
  }
  readRow(splitDmonCells(trimmed), line, state.layout, state, sink)
}

/** Takes a (repeated) header; says once when times have no date. */
function useLayout(
  layout: DmonLayout,
  state: DmonState,
  sink: TelemetrySink,
  line: number
): void {
  state.layout = layout
  if (layout.time < 0 || layout.date >= 0 || state.warnedNoDate) return
  state.warnedNoDate = true
  sink.warn(
    'other',
    'rows carry a time of day but no date: times count from 1970-01-01 and roll over at midnight',
    line
  )
}

/** Reads one data row and pushes its readings. */
function readRow(
  cells: readonly string[],
  line: number,
  layout: DmonLayout,
  state: DmonState,
  sink: TelemetrySink
): void {
  const key = state.dialect.readEntity(cells, layout)
  if (typeof key !== 'string') {
    if ('reason' in key) return sink.reject(line, key.reason)
    state.skipped.set(key.skip, (state.skipped.get(key.skip) ?? 0) + 1)
    return
  }

  // Time first: a row that is then rejected still used its sampling slot.
  const timeMs = rowTimeMs(cells, layout, state.clock, key, line)
  const readings = readDmonRow(cells, layout)
  if ('reason' in readings) return sink.reject(line, readings.reason)
  if (Number.isNaN(timeMs)) {
    const stamp = cells.slice(0, layout.entity).join(' ')
    return sink.reject(line, `expected a date and time, found "${stamp}"`)
  }
  const device = deviceFor(key, layout, state, sink)
  emitDmonRow(sink, device, timeMs, readings, line)
}

/** From the row's own time cells when the header has them. */
function rowTimeMs(
  cells: readonly string[],
  layout: DmonLayout,
  clock: DmonClock,
  key: string,
  line: number
): number {
  if (layout.time < 0) return clock.fromRowIndex(key, line)
  const date = layout.date < 0 ? undefined : cells[layout.date]
  return clock.fromCells(date, cells[layout.time]!)
}

/** The sink handle of device `key`, registered on first sight. */
function deviceFor(
  key: string,
  layout: DmonLayout,
  state: DmonState,
  sink: TelemetrySink
): number {
  let device = state.devices.get(key)
  if (device === undefined) {
    const { node } = state.options
    device = sink.device({
      key,
      index: key,
      kind: 'gpu',
      powerField: powerFieldOf(layout),
      ...(node === undefined ? {} : { node })
    })
    state.devices.set(key, device)
  }
  return device
}

/** A line as quoted in a reject reason: long lines are cut. */
export function clip(text: string): string {
  return text.length > 120 ? `${text.slice(0, 117)}...` : text
}
