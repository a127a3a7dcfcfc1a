import { readNumberCell } from '../../cells.js'
import { InputError } from '../../input-error.js'
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
import type { ColumnPlan } from './plan.js'

const NEWLINE = 10
const COMMA = 44
const WATT = 87 // 'W'
const PERCENT = 37 // '%'
const MAX_COLUMNS = 256
const MAX_LINE_BYTES = 1 << 20

/**
 * Streams nvidia-smi CSV rows from Buffers into a sink. The hot loop
 * works on bytes: it finds the commas, reads only the timestamp, identity
 * and power cells, and falls back to string readers for unusual cells.
 */
export class NvidiaSmiRowReader {
  private readonly starts = new Int32Array(MAX_COLUMNS + 1)
  private readonly sums = new Float64Array(MAX_COLUMNS + 1)
  private readonly timeReader: NvidiaSmiTimeReader
  private readonly devices: DeviceRegistry
  private carry: Buffer | undefined
  private lineNumber: number
  private lastTimeMs = Number.NaN
  private framePosition = 0

  constructor(
    private readonly plan: ColumnPlan,
    private readonly sink: TelemetrySink,
    private readonly file: string,
    zone: string,
    firstLineNumber: number
  ) {
    this.timeReader = new NvidiaSmiTimeReader(zone)
    this.devices = new DeviceRegistry(plan, sink)
    this.lineNumber = firstLineNumber - 1
  }

  /** Reads every complete line in `chunk`, keeping a partial last line. */
  push(chunk: Buffer): void {
    let start = 0
    if (this.carry !== undefined) start = this.finishCarriedLine(chunk)
    if (start < 0) return

    let newline = chunk.indexOf(NEWLINE, start)
    while (newline !== -1) {
      this.readLine(chunk, start, newline)
      start = newline + 1
      newline = chunk.indexOf(NEWLINE, start)
    }
    if (start < chunk.length) this.keepPartial(chunk.subarray(start))
  }

  /** How many devices the rows named. */
  get deviceCount(): number {
    return this.devices.count
  }

  /** Reads the last line when the file does not end with a newline. */
  end(): void {
    if (this.carry === undefined) return
    const line = this.carry
    this.carry = undefined
    this.readLine(line, 0, line.length)
  }

  /** Completes the carried partial line; returns where `chunk` resumes. */
  private finishCarriedLine(chunk: Buffer): number {
    const newline = chunk.indexOf(NEWLINE)
    if (newline === -1) {
      this.keepPartial(chunk)
      return -1
    }
    const line = Buffer.concat([this.carry!, chunk.subarray(0, newline)])
    this.carry = undefined
    this.readLine(line, 0, line.length)
    return newline + 1
  }

  /** Holds a partial line until its end arrives; refuses endless lines. */
  private keepPartial(part: Buffer): void {
    const carried = this.carry
      ? Buffer.concat([this.carry, part])
      : Buffer.from(part)
    if (carried.length > MAX_LINE_BYTES) {
      throw new InputError(
        `line longer than ${MAX_LINE_BYTES} bytes: not nvidia-smi CSV`,
        this.file,
        this.lineNumber + 1
      )
    }
    this.carry = carried
  }

  /** One line [start, end) without its newline. */
  private readLine(buf: Buffer, start: number, end: number): void {
    this.lineNumber++
    const trimmedEnd = trimEnd(buf, start, end)
    if (trimStart(buf, start, trimmedEnd) === trimmedEnd) return

    const count = this.splitFields(buf, start, trimmedEnd)
    if (count !== this.plan.columnCount) {
      this.rejectShape(buf, start, trimmedEnd, count)
      return
    }

    const timeMs = this.readTime(buf)
    if (Number.isNaN(timeMs)) return
    const device = this.deviceFor(buf, timeMs)
    this.readPower(buf, device, timeMs)
  }

  /** Records field boundaries and byte sums; returns the field count. */
  private splitFields(buf: Buffer, start: number, end: number): number {
    const starts = this.starts
    const sums = this.sums
    let count = 0
    let sum = 0
    starts[0] = start
    for (let i = start; i < end; i++) {
      const byte = buf[i]!
      if (byte === COMMA) {
        if (count === MAX_COLUMNS - 1) return MAX_COLUMNS + 1
        sums[count] = sum
        count++
        starts[count] = i + 1
      } else sum += byte * ((i & 7) + 1)
    }
    sums[count] = sum
    starts[count + 1] = end + 1
    return count + 1
  }

  /** Trimmed [start, end) of field `index`. */
  private field(buf: Buffer, index: number): [number, number] {
    const start = this.starts[index]!
    const end = this.starts[index + 1]! - 1
    const trimmed = trimStart(buf, start, end)
    return [trimmed, trimEnd(buf, trimmed, end)]
  }

  /** Sum of byte weights of field `index` (for the stale-sensor check). */
  private fieldSum(index: number): number {
    const before = index === 0 ? 0 : this.sums[index - 1]!
    return this.sums[index]! - before
  }

  /** Row timestamp in epoch ms; rejects the row and returns NaN if bad. */
  private readTime(buf: Buffer): number {
    const [start, end] = this.field(buf, this.plan.timestamp)
    let timeMs = this.timeReader.read(buf, start, end)
    if (Number.isNaN(timeMs))
      timeMs = parseTimestamp(buf.toString('utf8', start, end))
    if (Number.isNaN(timeMs)) {
      this.sink.reject(
        this.lineNumber,
        `expected a timestamp such as 2024/06/01 12:00:00.000 or ISO 8601, found "${buf.toString('utf8', start, end)}"`
      )
    }
    return timeMs
  }

  /** The device handle of this row, by identity column or frame position. */
  private deviceFor(buf: Buffer, timeMs: number): number {
    if (timeMs === this.lastTimeMs) this.framePosition++
    else this.framePosition = 0
    this.lastTimeMs = timeMs

    const identity = this.plan.identity
    if (identity === undefined) {
      return this.devices.byPosition(
        this.framePosition,
        buf,
        this.field.bind(this)
      )
    }
    const [start, end] = this.field(buf, identity)
    return this.devices.byKey(
      buf.toString('latin1', start, end),
      buf,
      this.field.bind(this)
    )
  }

  /** Reads the power cell (and utilisation when power is missing). */
  private readPower(buf: Buffer, device: number, timeMs: number): void {
    const plan = this.plan
    const [start, end] = this.field(buf, plan.power)
    const aux =
      this.sums[plan.columnCount - 1]! -
      this.fieldSum(plan.timestamp) -
      this.fieldSum(plan.power)

    if (isMissingBytes(buf, start, end)) {
      const marker = buf.toString('utf8', start, end)
      // A lost GPU is not observed at all: its row says nothing about it.
      if (this.devices.noteLost(device, marker, timeMs, this.lineNumber)) {
        return
      }
      this.sink.power(device, timeMs, null, this.lineNumber, aux)
      this.readUtilization(buf, device, timeMs)
      return
    }
    let powerW = readDecimalBytes(buf, start, end, WATT)
    if (Number.isNaN(powerW))
      powerW = readStringNumber(buf.toString('utf8', start, end), 'W')
    if (Number.isNaN(powerW)) {
      this.sink.reject(
        this.lineNumber,
        `expected a power reading in W such as 71.20 or "71.20 W", found "${buf.toString('utf8', start, end)}"`
      )
      return
    }
    this.sink.power(
      device,
      timeMs,
      powerW * plan.powerScale,
      this.lineNumber,
      aux
    )
  }

  /** Utilisation feeds the L1 estimate of a GPU without power readings. */
  private readUtilization(buf: Buffer, device: number, timeMs: number): void {
    if (this.plan.utilization === undefined) return
    const [start, end] = this.field(buf, this.plan.utilization)
    if (isMissingBytes(buf, start, end)) return
    const percent = readDecimalBytes(buf, start, end, PERCENT)
    if (percent >= 0 && percent <= 100) {
      this.sink.utilization(device, timeMs, percent, this.lineNumber)
    }
  }

  /** Rejects a line with the wrong field count, or skips a repeated header. */
  private rejectShape(
    buf: Buffer,
    start: number,
    end: number,
    count: number
  ): void {
    const text = buf.toString('utf8', start, end)
    if (text === this.plan.headerText) return
    const shown = text.length > 120 ? `${text.slice(0, 117)}...` : text
    this.sink.reject(
      this.lineNumber,
      `expected ${this.plan.columnCount} comma-separated fields, found ${Math.min(count, MAX_COLUMNS)}: "${shown}"`
    )
  }
}

/** Strict string reader for cells the byte reader declined (exponents). */
function readStringNumber(text: string, unit: string): number {
  const cell = readNumberCell(text, [unit])
  return cell.kind === 'value' ? cell.value : Number.NaN
}
