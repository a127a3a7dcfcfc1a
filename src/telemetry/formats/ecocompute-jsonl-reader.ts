import { formatInstant } from '../timestamps.js'
import type { ParseOptions } from '../format.js'
import type { TelemetrySink } from '../sink.js'
import { parseTimestamp } from '../timestamps.js'
import {
  describeDevice,
  parseJsonLine,
  readHeader,
  type JsonObject,
  type KnownDevice
} from './ecocompute-jsonl-header.js'
import {
  EventRecord,
  FooterRecord,
  SampleRecord,
  describeProblems
} from './ecocompute-jsonl-schema.js'

/** How many declared keys a reject message lists. */
const KEYS_LISTED = 8

/**
 * Reads `ecocompute.telemetry/v1` line by line: the header is required
 * and fatal when bad; any later bad line is rejected with its number and
 * the zod problem, and reading carries on.
 */
export class JsonlReader {
  private devices: Map<string, KnownDevice> | undefined
  private footerLine: number | undefined
  private sampleLines = 0

  constructor(
    private readonly sink: TelemetrySink,
    private readonly options: ParseOptions
  ) {}

  /** True once the header has been read. */
  hasHeader(): boolean {
    return this.devices !== undefined
  }

  /** Reads one line of the file. */
  read(text: string, line: number): void {
    const trimmed = text.trim()
    if (trimmed === '') return
    const record = parseJsonLine(trimmed)
    if (this.devices === undefined) {
      this.devices = readHeader(record, line, this.sink, this.options)
    } else if (typeof record === 'string') {
      this.sink.reject(line, `expected a JSON object, found ${record}`)
    } else if (this.footerLine !== undefined) {
      const reason = `expected nothing after the footer on line ${this.footerLine}, found another record`
      this.sink.reject(line, reason)
    } else {
      this.dispatch(record, line, this.devices)
    }
  }

  /** Sends a record to its reader by `kind` (none means a sample). */
  private dispatch(
    record: JsonObject,
    line: number,
    devices: Map<string, KnownDevice>
  ): void {
    const kind = record.kind ?? 'sample'
    if (kind === 'sample') this.readSample(record, line, devices)
    else if (kind === 'event') this.readEvent(record, line, devices)
    else if (kind === 'footer') this.readFooter(record, line)
    else if (kind === 'header') {
      const reason =
        'expected one header per file, found a second (files joined? give them separately)'
      this.sink.reject(line, reason)
    } else {
      const found = JSON.stringify(kind)
      this.sink.reject(
        line,
        `expected kind sample, event or footer, found ${found}`
      )
    }
  }

  /** One reading: power (null = missing), counter and utilisation. */
  private readSample(
    record: JsonObject,
    line: number,
    devices: Map<string, KnownDevice>
  ): void {
    this.sampleLines += 1
    const parsed = SampleRecord.safeParse(record)
    if (!parsed.success) {
      this.sink.reject(
        line,
        `expected a sample record: ${describeProblems(parsed.error)}`
      )
      return
    }
    const sample = parsed.data
    const device = this.deviceFor(sample.d, line, devices)
    const timeMs = this.timeOf(sample.t, line)
    if (device === undefined || timeMs === undefined) return

    const { handle } = device
    if (sample.p_w !== undefined) {
      this.sink.power(handle, timeMs, sample.p_w, line, auxSignature(sample))
    }
    if (sample.e_mj !== undefined && sample.e_mj !== null) {
      const wrapRangeMJ = device.record.energy_wrap_mj
      this.sink.counter(handle, timeMs, sample.e_mj, line, wrapRangeMJ)
    }
    if (sample.u_pct !== undefined && sample.u_pct !== null) {
      this.sink.utilization(handle, timeMs, sample.u_pct, line)
    }
  }

  /** `lost` becomes a device-lost warning; `note` an other warning. */
  private readEvent(
    record: JsonObject,
    line: number,
    devices: Map<string, KnownDevice>
  ): void {
    const parsed = EventRecord.safeParse(record)
    if (!parsed.success) {
      this.sink.reject(
        line,
        `expected an event record: ${describeProblems(parsed.error)}`
      )
      return
    }
    const event = parsed.data
    const device =
      event.d === undefined ? undefined : this.deviceFor(event.d, line, devices)
    const timeMs = this.timeOf(event.t, line)
    if ((event.d !== undefined && device === undefined) || timeMs === undefined)
      return

    const at = formatInstant(timeMs)
    const who =
      device === undefined ? 'collector' : describeDevice(device.record)
    if (event.event === 'lost') {
      this.sink.warn('device-lost', `${who} reported lost at ${at}`, line)
    } else {
      this.sink.warn(
        'other',
        `${who} note at ${at}: ${event.message ?? ''}`,
        line
      )
    }
  }

  /** Remembers the footer; a sample count that differs is told. */
  private readFooter(record: JsonObject, line: number): void {
    const parsed = FooterRecord.safeParse(record)
    if (!parsed.success) {
      this.sink.reject(
        line,
        `expected a footer record: ${describeProblems(parsed.error)}`
      )
      return
    }
    this.footerLine = line
    const { samples } = parsed.data
    if (samples !== undefined && samples !== this.sampleLines) {
      this.sink.warn(
        'other',
        `the footer counts ${samples} samples but the file holds ${this.sampleLines}: lines were lost or added`,
        line
      )
    }
  }

  /** The declared device for `key`, or undefined after rejecting the line. */
  private deviceFor(
    key: string,
    line: number,
    devices: Map<string, KnownDevice>
  ): KnownDevice | undefined {
    const device = devices.get(key)
    if (device !== undefined) return device
    const keys = [...devices.keys()].slice(0, KEYS_LISTED).join(', ')
    const more = devices.size > KEYS_LISTED ? ', …' : ''
    this.sink.reject(
      line,
      `expected d to be a device key from the header (${keys}${more}), found "${key}"`
    )
    return undefined
  }

  /** Epoch ms of `t`, or undefined after rejecting an impossible date. */
  private timeOf(t: string | number, line: number): number | undefined {
    const timeMs = typeof t === 'number' ? t : parseTimestamp(t)
    if (Number.isFinite(timeMs)) return timeMs
    this.sink.reject(line, `expected a real date in t, found "${String(t)}"`)
    return undefined
  }
}

/**
 * A number that changes when temperature or utilisation changes, so the
 * model can tell a stuck power sensor from a steady load (see
 * TelemetrySink.power); NaN when the sample has neither. Utilisation is
 * at most 100, so scaling temperature by 1000 keeps the two apart.
 */
function auxSignature(sample: SampleRecord): number {
  const temperature = sample.temp_c ?? null
  const utilization = sample.u_pct ?? null
  if (temperature === null && utilization === null) return Number.NaN
  return (temperature ?? -1) * 1000 + (utilization ?? -1)
}
