import type { ParseOptions } from '../format.js'
import { zonedWallToEpochMs } from '../timestamps.js'
import { requireIntervalMs } from './interval-option.js'

/** `20240104` as nvidia-smi prints it, or `2024-01-04` / `2024/01/04`. */
const DATE_CELL = /^(\d{4})([-/]?)(\d{2})\2(\d{2})$/
const TIME_CELL = /^(\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,6}))?$/
const DAY_MS = 86_400_000

/**
 * Gives each dmon row its time: from its Date/Time cells, or from its
 * position among its own device's rows times the sampling interval.
 */
export class DmonClock {
  private readonly rowsByDevice = new Map<string, number>()
  private dayOffsetMs = 0
  private lastTimeOfDayMs = Number.NEGATIVE_INFINITY

  constructor(
    private readonly options: ParseOptions,
    private readonly intervalHint: string
  ) {}

  /** The n-th row (0-based) of `deviceKey` sits at n × interval, in ms. */
  fromRowIndex(deviceKey: string, line: number): number {
    const intervalMs = requireIntervalMs(this.options, line, this.intervalHint)
    const index = this.rowsByDevice.get(deviceKey) ?? 0
    this.rowsByDevice.set(deviceKey, index + 1)
    return index * intervalMs
  }

  /**
   * The instant the Date and Time cells state, NaN when unreadable. Dates
   * are local wall time in `options.timezone`. Without a date (`-o T`) the
   * times count from 1970-01-01 and a jump back of over 12 h is taken as
   * midnight passing, not as the clock going backwards.
   */
  fromCells(dateText: string | undefined, timeText: string): number {
    const timeOfDayMs = readTimeOfDayMs(timeText)
    if (dateText === undefined) return this.fromTimeOnly(timeOfDayMs)

    const dayMs = readDayMs(dateText)
    const wallMs = dayMs + timeOfDayMs
    const zone = this.options.timezone ?? 'UTC'
    if (Number.isNaN(wallMs) || zone === 'UTC') return wallMs
    return zonedWallToEpochMs(wallMs, zone)
  }

  /** Time-of-day cells only: days are counted by watching for midnight. */
  private fromTimeOnly(timeOfDayMs: number): number {
    if (Number.isNaN(timeOfDayMs)) return Number.NaN
    if (timeOfDayMs < this.lastTimeOfDayMs - DAY_MS / 2) {
      this.dayOffsetMs += DAY_MS
    }
    this.lastTimeOfDayMs = timeOfDayMs
    return this.dayOffsetMs + timeOfDayMs
  }
}

/** `YYYYMMDD` → ms of that day's midnight on the UTC scale; NaN if invalid. */
function readDayMs(text: string): number {
  const match = DATE_CELL.exec(text)
  if (!match) return Number.NaN
  const year = Number(match[1])
  const month = Number(match[3])
  const day = Number(match[4])
  const dayMs = Date.UTC(year, month - 1, day)
  const date = new Date(dayMs)
  const valid =
    date.getUTCFullYear() === year &&
    date.getUTCMonth() === month - 1 &&
    date.getUTCDate() === day
  return valid ? dayMs : Number.NaN
}

/** `HH:MM:SS[.ffffff]` → ms since midnight; NaN if invalid. */
function readTimeOfDayMs(text: string): number {
  const match = TIME_CELL.exec(text)
  if (!match) return Number.NaN
  const hours = Number(match[1])
  const minutes = Number(match[2])
  const seconds = Number(match[3])
  if (hours > 23 || minutes > 59 || seconds > 60) return Number.NaN
  const fractionMs = match[4] === undefined ? 0 : Number(`0.${match[4]}`) * 1000
  return ((hours * 60 + minutes) * 60 + seconds) * 1000 + fractionMs
}
