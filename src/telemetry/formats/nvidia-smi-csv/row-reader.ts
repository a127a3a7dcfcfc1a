import { decodeUtf8 } from '../../bytes.js'
import { readNumberCell } from '../../cells.js'
import type { TelemetrySink } from '../../sink.js'
import { parseTimestamp } from '../../timestamps.js'
import {
  isMissingBytes,
  readDecimalBytes,
  trimEnd,
  trimStart
} from './byte-cells.js'
import { NvidiaSmiTimeReader } from './byte-time.js'
import { DeviceRegistry } from './device-registry.js'
import { LineSplitter } from './line-splitter.js'
import type { ColumnPlan } from './plan.js'
import { MAX_COLUMNS, RowFields } from './row-fields.js'

const WATT = 87 // 'W'
const PERCENT = 37 // '%'

/**
 * Streams nvidia-smi CSV rows from byte chunks into a sink. The hot path works
 * on bytes: it finds the commas, reads only the timestamp, identity and
 * power cells, and falls back to the string readers for unusual cells.
 */
export class NvidiaSmiRowReader {
  private readonly fields = new RowFields()
  private readonly lines: LineSplitter
  private readonly timeReader: NvidiaSmiTimeReader
  private readonly devices: DeviceRegistry
  private readonly auxColumns: number[]
  private lineNumber: number
  private lastTimeMs = Number.NaN
  private framePosition = 0

  constructor(
    private readonly plan: ColumnPlan,
    private readonly sink: TelemetrySink,
    file: string,
    zone: string,
    firstLineNumber: number
  ) {
    this.timeReader = new NvidiaSmiTimeReader(zone)
    this.devices = new DeviceRegistry(plan, sink)
    this.lines = new LineSplitter(
      this.readLine.bind(this),
      file,
      firstLineNumber
    )
    this.lineNumber = firstLineNumber - 1
    this.auxColumns = auxColumnsOf(plan)
  }

  /** How many devices the rows named. */
  get deviceCount(): number {
    return this.devices.count
  }

  /** Reads every complete line in `chunk`. */
  push(chunk: Uint8Array): void {
    this.lines.push(chunk)
  }

  /** Reads the last line when the file does not end with a newline. */
  end(): void {
    this.lines.end()
  }

  /** One line [start, end) without its newline. */
  private readLine(buf: Uint8Array, start: number, end: number): void {
    this.lineNumber++
    const trimmedEnd = trimEnd(buf, start, end)
    if (trimStart(buf, start, trimmedEnd) === trimmedEnd) return

    const count = this.fields.split(buf, start, trimmedEnd)
    if (count !== this.plan.columnCount) {
      this.rejectShape(buf, start, trimmedEnd, count)
      return
    }
    const timeMs = this.readTime(buf)
    if (Number.isNaN(timeMs)) return
    this.readPower(buf, this.deviceFor(buf, timeMs), timeMs)
  }

  /** Row timestamp in epoch ms; rejects the row and returns NaN if bad. */
  private readTime(buf: Uint8Array): number {
    const fields = this.fields
    fields.locate(buf, this.plan.timestamp)
    const timeMs = this.timeReader.read(buf, fields.start, fields.end)
    if (!Number.isNaN(timeMs)) return timeMs

    const text = decodeUtf8(buf, fields.start, fields.end)
    const parsed = parseTimestamp(text)
    if (Number.isNaN(parsed)) {
      this.sink.reject(
        this.lineNumber,
        `expected a timestamp such as 2024/06/01 12:00:00.000 or ISO 8601, found "${text}"`
      )
    }
    return parsed
  }

  /** The device handle of this row, by identity column or frame position. */
  private deviceFor(buf: Uint8Array, timeMs: number): number {
    if (timeMs === this.lastTimeMs) this.framePosition++
    else this.framePosition = 0
    this.lastTimeMs = timeMs

    const identity = this.plan.identity
    if (identity === undefined) {
      return this.devices.byPosition(this.framePosition, buf, this.fields)
    }
    this.fields.locate(buf, identity)
    return this.devices.byKey(buf, this.fields)
  }

  /** Reads the power cell (and utilisation when power is missing). */
  private readPower(buf: Uint8Array, device: number, timeMs: number): void {
    const fields = this.fields
    fields.locate(buf, this.plan.power)
    const { start, end } = fields
    const line = this.lineNumber

    if (isMissingBytes(buf, start, end)) {
      const marker = decodeUtf8(buf, start, end)
      // A lost GPU is not observed at all: its row says nothing about it.
      if (this.devices.noteLost(device, marker, timeMs, line)) return
      this.sink.power(device, timeMs, null, line, this.auxSum(buf))
      this.readUtilization(buf, device, timeMs)
      return
    }
    let powerW = readDecimalBytes(buf, start, end, WATT)
    if (Number.isNaN(powerW)) {
      powerW = readStringNumber(decodeUtf8(buf, start, end), 'W')
    }
    if (Number.isNaN(powerW)) {
      this.sink.reject(
        line,
        `expected a power reading in W such as 71.20 or "71.20 W", found "${decodeUtf8(buf, start, end)}"`
      )
      return
    }
    const powerScaledW = powerW * this.plan.powerScale
    this.sink.power(device, timeMs, powerScaledW, line, this.auxSum(buf))
  }

  /** The stale-check signature of the row; NaN when it has no other column. */
  private auxSum(buf: Uint8Array): number {
    if (this.auxColumns.length === 0) return Number.NaN
    return this.fields.byteSum(buf, this.auxColumns)
  }

  /** Utilisation feeds the L1 estimate of a GPU without power readings. */
  private readUtilization(
    buf: Uint8Array,
    device: number,
    timeMs: number
  ): void {
    if (this.plan.utilization === undefined) return
    const fields = this.fields
    fields.locate(buf, this.plan.utilization)
    if (isMissingBytes(buf, fields.start, fields.end)) return
    const percent = readDecimalBytes(buf, fields.start, fields.end, PERCENT)
    if (percent >= 0 && percent <= 100) {
      this.sink.utilization(device, timeMs, percent, this.lineNumber)
    }
  }

  /** Rejects a line with the wrong field count, or skips a repeated header. */
  private rejectShape(
    buf: Uint8Array,
    start: number,
    end: number,
    count: number
  ): void {
    const text = decodeUtf8(buf, start, end)
    if (text === this.plan.headerText) return
    const shown = text.length > 120 ? `${text.slice(0, 117)}...` : text
    const found =
      count > MAX_COLUMNS ? `more than ${MAX_COLUMNS}` : String(count)
    this.sink.reject(
      this.lineNumber,
      `expected ${this.plan.columnCount} comma-separated fields, found ${found}: "${shown}"`
    )
  }
}

/**
 * Columns whose changes tell a stale power sensor from a steady load: all
 * but the timestamp, the power column read, and the columns that name a
 * GPU or its limit, which never change for one GPU.
 */
function auxColumnsOf(plan: ColumnPlan): number[] {
  const skip = new Set([
    plan.timestamp,
    plan.power,
    plan.identity,
    plan.name,
    plan.uuid,
    plan.pciBusId,
    plan.powerLimit
  ])
  return Array.from({ length: plan.columnCount }, (_, i) => i).filter(
    i => !skip.has(i)
  )
}

/** Strict string reader for cells the byte reader declined (exponents). */
function readStringNumber(text: string, unit: string): number {
  const cell = readNumberCell(text, [unit])
  return cell.kind === 'value' ? cell.value : Number.NaN
}
