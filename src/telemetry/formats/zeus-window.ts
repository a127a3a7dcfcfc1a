import type { ByteChunks, ParseOptions, TelemetryFormat } from '../format.js'
import { InputError } from '../input-error.js'
import { refuseRow, rejectFieldCount, splitOrRefuse } from './csv-row-checks.js'
import { readLines } from '../lines.js'
import type { TelemetrySink } from '../sink.js'
import {
  readZeusColumns,
  readZeusRow,
  zeusDevice,
  type ZeusColumns,
  type ZeusEnergyColumn
} from './zeus-window-row.js'

/**
 * Unix seconds below this (2001-09-09) are not wall time: Zeus once
 * wrote `time.monotonic()`, seconds since boot, as start_time.
 */
const EARLIEST_UNIX_S = 1e9

/** Windows may touch; only more than this counts as overlap, in ms. */
const OVERLAP_TOLERANCE_MS = 1

/**
 * Zeus `ZeusMonitor(log_file=…)` CSV: one row per measurement window,
 * `start_time` in Unix seconds, `elapsed_time` in s and one energy in J
 * per `gpuN_energy` column (`cpuN_energy` and `dramN_energy` read too).
 * Each row becomes one measured energy window per device.
 */
export const zeusWindowFormat: TelemetryFormat = {
  name: 'zeus',
  description: 'Zeus ZeusMonitor log CSV: energy in J per GPU per window',
  detect: detectZeus,
  parse: parseZeus
}

/** Sure when the header starts as Zeus writes it. */
function detectZeus(head: string): number {
  const firstLine = head.split('\n').find(line => line.trim() !== '')
  const names = (firstLine ?? '').split(',').map(name => name.trim())
  const prefix = ['start_time', 'window_name', 'elapsed_time']
  if (!prefix.every((name, index) => names[index] === name)) return 0
  return names.some(name => /^gpu\d+_energy$/.test(name)) ? 1 : 0.6
}

/** Streams the file; throws InputError when it has no usable header. */
async function parseZeus(
  input: ByteChunks,
  sink: TelemetrySink,
  options: ParseOptions
): Promise<void> {
  const reader = new ZeusReader(sink, options)
  for await (const { text, line } of readLines(input, options.file)) {
    reader.read(text, line)
  }
  reader.finish()
}

/** Per-file state: the header in force, devices and overlap counts. */
class ZeusReader {
  private columns: ZeusColumns | undefined
  private readonly devices = new Map<string, number>()
  private latestEndMs = Number.NEGATIVE_INFINITY
  private overlaps = 0
  private firstOverlapLine = 0
  private monotonicWarned = false

  constructor(
    private readonly sink: TelemetrySink,
    private readonly options: ParseOptions
  ) {}

  /** Reads one line: blank, header or window. */
  read(text: string, line: number): void {
    const trimmed = text.trim()
    if (trimmed === '') return
    const fields = splitOrRefuse(trimmed, line, this.refuse.bind(this))
    if (fields === undefined) return
    if (this.columns === undefined || fields[0]?.trim() === 'start_time') {
      this.readHeader(fields, line)
      return
    }
    if (rejectFieldCount(this.sink, line, fields, this.columns.count)) return
    this.readWindow(fields, line, this.columns)
  }

  /** Ends the file: no header is fatal; overlapping windows are told. */
  finish(): void {
    if (this.columns === undefined) {
      throw new InputError(
        'expected a Zeus header (start_time,window_name,elapsed_time,gpu0_energy,…), found no line',
        this.options.file
      )
    }
    if (this.overlaps === 0) return
    this.sink.warn(
      'other',
      `${this.overlaps} Zeus window(s) start before an earlier one ends (first at line ${this.firstOverlapLine}): windows may nest, so some energy is counted more than once`,
      this.firstOverlapLine
    )
  }

  /** The first header is required; a later one replaces it. */
  private readHeader(fields: string[], line: number): void {
    const columns = readZeusColumns(fields)
    if (typeof columns === 'string') {
      this.refuse(line, `${columns} in the Zeus header`)
      return
    }
    this.columns = columns
  }

  /** Rejects a line, or throws when no header has been read yet. */
  private refuse(line: number, reason: string): void {
    const headerRead = this.columns !== undefined
    refuseRow(this.sink, this.options.file, line, reason, headerRead)
  }

  /** Validates one window row and reports one energy window per device. */
  private readWindow(
    fields: string[],
    line: number,
    columns: ZeusColumns
  ): void {
    const window = readZeusRow(fields, columns)
    if (typeof window === 'string') {
      this.sink.reject(line, window)
      return
    }
    const startMs = window.startS * 1000
    const endMs = startMs + window.elapsedS * 1000
    this.noteTimes(window.startS, startMs, endMs, line)
    for (const { column, energyJ } of window.energies) {
      const device = this.deviceFor(column)
      this.sink.energyWindow(device, startMs, endMs, energyJ, line)
    }
  }

  /** Warns once about a monotonic clock; counts overlapping windows. */
  private noteTimes(
    startS: number,
    startMs: number,
    endMs: number,
    line: number
  ): void {
    if (startS < EARLIEST_UNIX_S && !this.monotonicWarned) {
      this.monotonicWarned = true
      this.sink.warn(
        'other',
        `start_time ${startS} is not Unix time (before 2001): this Zeus log used a monotonic clock, so window times are relative, not dates`,
        line
      )
    }
    if (startMs < this.latestEndMs - OVERLAP_TOLERANCE_MS) {
      if (this.overlaps === 0) this.firstOverlapLine = line
      this.overlaps += 1
    }
    this.latestEndMs = Math.max(this.latestEndMs, endMs)
  }

  /** The device for one energy column, registered on first use. */
  private deviceFor(column: ZeusEnergyColumn): number {
    let handle = this.devices.get(column.key)
    if (handle === undefined) {
      handle = this.sink.device(zeusDevice(column, this.options.node))
      this.devices.set(column.key, handle)
    }
    return handle
  }
}
