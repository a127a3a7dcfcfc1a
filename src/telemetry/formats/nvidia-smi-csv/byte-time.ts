import { zonedWallToEpochMs } from '../../timestamps.js'

const ZERO = 48

/**
 * Fast reader for nvidia-smi's `YYYY/MM/DD HH:MM:SS[.fff…]` from bytes.
 * Keeps the last date's midnight and the last hour's zone offset, so a
 * sorted log costs a few integer operations a row. NaN for any other
 * shape; the caller then tries the general timestamp reader.
 */
export class NvidiaSmiTimeReader {
  private lastDayKey = -1
  private lastDayMs = 0
  private lastHourBucket = Number.NaN
  private lastOffsetMs = 0

  constructor(private readonly zone: string) {}

  /** Epoch ms of the trimmed cell [start, end), or NaN. */
  read(buf: Uint8Array, start: number, end: number): number {
    const length = end - start
    if (length < 19 || length > 26) return Number.NaN
    if (buf[start + 4] !== 47 || buf[start + 7] !== 47) return Number.NaN
    if (
      buf[start + 10] !== 32 ||
      buf[start + 13] !== 58 ||
      buf[start + 16] !== 58
    ) {
      return Number.NaN
    }

    const dayMs = this.dayMs(buf, start)
    const timeMs = readClockMs(buf, start + 11, end)
    if (Number.isNaN(dayMs) || Number.isNaN(timeMs)) return Number.NaN
    return this.toEpoch(dayMs + timeMs)
  }

  /** Midnight UTC of the date at `start`, cached per day. */
  private dayMs(buf: Uint8Array, start: number): number {
    const year = digits(buf, start, 4)
    const month = digits(buf, start + 5, 2)
    const day = digits(buf, start + 8, 2)
    const key = year * 10000 + month * 100 + day
    if (key === this.lastDayKey) return this.lastDayMs

    const ms = Date.UTC(year, month - 1, day)
    const check = new Date(ms)
    if (check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) {
      return Number.NaN
    }
    this.lastDayKey = key
    this.lastDayMs = ms
    return ms
  }

  /** Wall time in the reader's zone to UTC, offset cached per hour. */
  private toEpoch(wallMs: number): number {
    if (this.zone === 'UTC') return wallMs
    const bucket = Math.floor(wallMs / 3_600_000)
    if (bucket !== this.lastHourBucket) {
      this.lastOffsetMs = wallMs - zonedWallToEpochMs(wallMs, this.zone)
      this.lastHourBucket = bucket
    }
    return wallMs - this.lastOffsetMs
  }
}

/** `HH:MM:SS[.f…]` starting at `start` to ms after midnight, or NaN. */
function readClockMs(buf: Uint8Array, start: number, end: number): number {
  const hours = digits(buf, start, 2)
  const minutes = digits(buf, start + 3, 2)
  const seconds = digits(buf, start + 6, 2)
  if (!(hours < 24 && minutes < 60 && seconds < 61)) return Number.NaN

  let fractionMs = 0
  const dot = start + 8
  if (dot < end) {
    if (buf[dot] !== 46 || dot + 1 === end) return Number.NaN
    let scale = 100
    for (let i = dot + 1; i < end; i++) {
      const digit = buf[i]! - ZERO
      if (digit < 0 || digit > 9) return Number.NaN
      fractionMs += digit * scale
      scale /= 10
    }
  }
  return ((hours * 60 + minutes) * 60 + seconds) * 1000 + fractionMs
}

/** `count` ASCII digits at `start` as an integer; NaN if any is not one. */
function digits(buf: Uint8Array, start: number, count: number): number {
  let value = 0
  for (let i = start; i < start + count; i++) {
    const digit = buf[i]! - ZERO
    if (digit < 0 || digit > 9) return Number.NaN
    value = value * 10 + digit
  }
  return value
}
