import { type WriteStream, createWriteStream } from 'node:fs'
import { once } from 'node:events'

/** One reading of one device (ecocompute.telemetry/v1 sample record). */
export interface SampleLine {
  timeMs: number
  device: string
  /** null: the reading failed (a sentinel cell, a lost GPU); never 0. */
  powerW?: number | null
  energyMJ?: number | null
  utilizationPct?: number | null
  temperatureC?: number | null
}

/** Something that happened to a device or to the collector. */
export interface EventLine {
  timeMs: number
  event: 'lost' | 'note'
  device?: string
  message?: string
}

/** Where sources put what they read. */
export interface RecordSink {
  sample(line: SampleLine): void
  event(line: EventLine): void
}

/**
 * Appends records to the spool file as JSON Lines while sampling runs;
 * the header and footer are added when the telemetry is finished, so the
 * header can hold the end time. Memory stays flat: nothing is kept but
 * a count and the last time.
 */
export class SpoolWriter implements RecordSink {
  private readonly stream: WriteStream
  private failure: Error | undefined
  private readonly latestBySeries = new Map<string, number>()
  samples = 0
  /** Readings left out because they were not later than the last one. */
  outOfOrder = 0
  lastTimeMs = Number.NaN

  constructor(readonly path: string) {
    this.stream = createWriteStream(path, { flags: 'a' })
    this.stream.on('error', error => (this.failure ??= error))
  }

  /**
   * Writes one sample line. Readers refuse a series whose time goes back
   * (and two readings at one instant), so a reading that is not later
   * than the last of its series (same device, same readings; a row
   * stamped by nvidia-smi after one stamped on arrival) is left out
   * and counted.
   */
  sample(line: SampleLine): void {
    const series = `${line.device}|${line.powerW !== undefined}|${line.energyMJ !== undefined}|${line.utilizationPct !== undefined}`
    if (line.timeMs <= (this.latestBySeries.get(series) ?? -Infinity)) {
      this.outOfOrder += 1
      return
    }
    this.latestBySeries.set(series, line.timeMs)
    this.samples += 1
    this.write(sampleRecord(line), line.timeMs)
  }

  /** Writes one event line. */
  event(line: EventLine): void {
    const record: Record<string, unknown> = {
      kind: 'event',
      t: isoTime(line.timeMs),
      event: line.event
    }
    if (line.device !== undefined) record.d = line.device
    if (line.message !== undefined) record.message = line.message
    this.write(record, line.timeMs)
  }

  /** Flushes and closes; throws the first write error, naming the file. */
  async close(): Promise<void> {
    if (!this.stream.closed) {
      this.stream.end()
      await once(this.stream, 'close').catch(() => undefined)
    }
    if (this.failure) {
      throw new Error(`cannot write ${this.path}: ${this.failure.message}`)
    }
  }

  private write(record: Record<string, unknown>, timeMs: number): void {
    if (!(timeMs <= this.lastTimeMs)) this.lastTimeMs = timeMs
    if (this.stream.writable) this.stream.write(`${JSON.stringify(record)}\n`)
  }
}

/** A sample as the format writes it: short keys, units in the names. */
function sampleRecord(line: SampleLine): Record<string, unknown> {
  const record: Record<string, unknown> = {
    t: isoTime(line.timeMs),
    d: line.device
  }
  if (line.powerW !== undefined) record.p_w = line.powerW
  if (line.energyMJ !== undefined) record.e_mj = line.energyMJ
  if (line.utilizationPct !== undefined) record.u_pct = line.utilizationPct
  if (line.temperatureC !== undefined) record.temp_c = line.temperatureC
  return record
}

/** ISO 8601 UTC with milliseconds, as the format asks. */
export function isoTime(timeMs: number): string {
  return new Date(timeMs).toISOString()
}
