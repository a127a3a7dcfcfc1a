import { InputError } from './input-error.js'

/**
 * Timestamp reading for telemetry files. Every result is milliseconds since
 * the Unix epoch (UTC), possibly fractional for µs sources.
 *
 * Offset-less wall times (nvidia-smi's `YYYY/MM/DD HH:MM:SS.mmm`, ISO text
 * without `Z` or an offset) are read in the given IANA zone, UTC by default.
 */

const NVSMI_TIME =
  /^(\d{4})\/(\d{2})\/(\d{2}) (\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,6}))?$/
const ISO_TIME =
  /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2}):(\d{2})(?:[.,](\d{1,9}))?(Z|[+-]\d{2}:?\d{2})?$/
const EPOCH_NUMBER = /^\d{9,19}(?:\.\d+)?$/

/** Reads any supported timestamp text; NaN when it is none of them. */
export function parseTimestamp(text: string, zone = 'UTC'): number {
  const trimmed = text.trim()
  const nvsmi = NVSMI_TIME.exec(trimmed)
  if (nvsmi) return wallFieldsToEpochMs(nvsmi, undefined, zone)

  const iso = ISO_TIME.exec(trimmed)
  if (iso) return wallFieldsToEpochMs(iso, iso[8], zone)

  if (EPOCH_NUMBER.test(trimmed)) return epochToMs(Number(trimmed))
  return Number.NaN
}

/**
 * Epoch seconds, milliseconds or microseconds, told apart by magnitude:
 * any date between 2001 and 2286 has 10 digits in s, 13 in ms, 16 in µs.
 */
export function epochToMs(value: number): number {
  if (value >= 1e17) return value / 1e6 // ns
  if (value >= 1e14) return value / 1e3 // µs
  if (value >= 1e11) return value // ms
  return value * 1e3 // s
}

/**
 * A numeric time column in ms: values large enough to be an epoch date in
 * any unit (≥ 10^9, i.e. 2001 in seconds) are read by magnitude, so a file
 * that wrote ms where µs were documented is still right; smaller values
 * are times counted from a start, in the column's documented unit.
 */
export function numericTimeToMs(value: number, msPerUnit: number): number {
  return value >= 1e9 ? epochToMs(value) : value * msPerUnit
}

/** Converts regex groups y, mo, d, h, mi, s, fraction (+ offset) to ms. */
function wallFieldsToEpochMs(
  groups: RegExpExecArray,
  offset: string | undefined,
  zone: string
): number {
  const [y, mo, d, h, mi, s] = [1, 2, 3, 4, 5, 6].map(i => Number(groups[i]))
  const fractionMs = fractionToMs(groups[7])
  const wallMs = Date.UTC(y!, mo! - 1, d, h, mi, s) + fractionMs
  if (!isValidWallTime(wallMs, y!, mo!, d!, h!, mi!, s!)) return Number.NaN

  if (offset !== undefined) return wallMs - offsetTextToMs(offset)
  return zone === 'UTC' ? wallMs : zonedWallToEpochMs(wallMs, zone)
}

/** `.5` → 500 ms, `.123456` → 123.456 ms. */
function fractionToMs(fraction: string | undefined): number {
  if (fraction === undefined) return 0
  return Number(`0.${fraction}`) * 1000
}

/** Rejects 2024-02-31 and 25:00 that Date.UTC would roll over. */
function isValidWallTime(wallMs: number, ...fields: number[]): boolean {
  const date = new Date(wallMs)
  const [y, mo, d, h, mi, s] = fields
  return (
    date.getUTCFullYear() === y &&
    date.getUTCMonth() === mo! - 1 &&
    date.getUTCDate() === d &&
    date.getUTCHours() === h &&
    date.getUTCMinutes() === mi &&
    (s === 60 || date.getUTCSeconds() === s)
  )
}

/** `Z` → 0, `+08:00` → 8 h, `-0700` → −7 h, in ms. */
function offsetTextToMs(offset: string): number {
  if (offset === 'Z') return 0
  const sign = offset.startsWith('-') ? -1 : 1
  const digits = offset.slice(1).replace(':', '')
  const hours = Number(digits.slice(0, 2))
  const minutes = Number(digits.slice(2, 4))
  return sign * (hours * 60 + minutes) * 60_000
}

const offsetCache = new Map<string, number>()

/**
 * The UTC instant at which the wall clock in `zone` reads `wallMs`.
 * Offsets are cached per zone and wall-clock hour, so a long log costs one
 * Intl lookup an hour. In a DST fold the earlier instant is chosen.
 */
export function zonedWallToEpochMs(wallMs: number, zone: string): number {
  const hourKey = `${zone}|${Math.floor(wallMs / 3_600_000)}`
  let offsetMs = offsetCache.get(hourKey)
  if (offsetMs === undefined) {
    const guess = wallMs - zoneOffsetMs(wallMs, zone)
    offsetMs = zoneOffsetMs(guess, zone)
    if (offsetCache.size > 10_000) offsetCache.clear()
    offsetCache.set(hourKey, offsetMs)
  }
  return wallMs - offsetMs
}

const formatters = new Map<string, Intl.DateTimeFormat>()

/** Offset of `zone` from UTC at instant `epochMs`, in ms. */
function zoneOffsetMs(epochMs: number, zone: string): number {
  const parts = formatterFor(zone).formatToParts(new Date(epochMs))
  const field = (type: string): number =>
    Number(parts.find(part => part.type === type)?.value)
  const hour = field('hour') % 24
  const asUtc = Date.UTC(
    field('year'),
    field('month') - 1,
    field('day'),
    hour,
    field('minute'),
    field('second')
  )
  return asUtc - Math.floor(epochMs / 1000) * 1000
}

/** A cached formatter; throws InputError for an unknown zone. */
function formatterFor(zone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(zone)
  if (formatter) return formatter
  try {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric'
    })
  } catch {
    throw new InputError(
      `unknown time zone "${zone}": expected an IANA name such as UTC or Europe/Stockholm`
    )
  }
  formatters.set(zone, formatter)
  return formatter
}

/** Throws InputError early for an unknown zone name. */
export function assertTimeZone(zone: string): void {
  formatterFor(zone)
}

/** Readings must fall between 1970 and 2200: anything else is a bad clock. */
export const LATEST_TIME_MS = Date.UTC(2200, 0, 1)

/** True for a time a reading may carry (ms since 1970, before 2200). */
export function isPlausibleTimeMs(timeMs: number): boolean {
  return timeMs >= 0 && timeMs < LATEST_TIME_MS
}

/** ISO 8601 for messages; never throws, whatever the number. */
export function formatInstant(timeMs: number): string {
  const date = new Date(timeMs)
  return Number.isNaN(date.getTime()) ? `${timeMs} ms` : date.toISOString()
}
