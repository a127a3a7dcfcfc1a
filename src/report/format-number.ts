/**
 * Number formatting for every report. Values come with their bounds, so
 * three significant figures say all the data supports; a value that is not
 * known (null, NaN, ±Infinity) prints as a dash, never as `NaN` or `null`.
 */

/** What a value that is not known prints as. */
export const NOT_KNOWN = '—'

/** Significant figures below 1,000; whole numbers from there on. */
const SIGNIFICANT_FIGURES = 3

/** Grouping with commas whatever the runner's locale is. */
const GROUPED = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 })

/** True for a number that can be printed. */
export function isKnown(value: number | null | undefined): value is number {
  return typeof value === 'number' && Number.isFinite(value)
}

/** Formats a bare number: `0.000123`, `12.3`, `1,235`, or a dash. */
export function formatNumber(value: number | null | undefined): string {
  if (!isKnown(value)) return NOT_KNOWN
  if (value === 0) return '0'
  const rounded = Number(value.toPrecision(SIGNIFICANT_FIGURES))
  if (Math.abs(rounded) >= 1000) return GROUPED.format(value)
  // toPrecision switches to exponent form below 1e-6: keep it, it is exact.
  return trimZeros(rounded.toPrecision(SIGNIFICANT_FIGURES))
}

/** Drops trailing zeros of a fraction: `1.50` → `1.5`, `2.00` → `2`. */
function trimZeros(text: string): string {
  const [mantissa = text, exponent] = text.split('e')
  const trimmed = mantissa.includes('.')
    ? mantissa.replace(/\.?0+$/, '')
    : mantissa
  return exponent === undefined ? trimmed : `${trimmed}e${exponent}`
}

/** Formats a value with its unit: `1,235 kWh`; a dash when not known. */
export function formatQuantity(
  value: number | null | undefined,
  unit: string
): string {
  if (!isKnown(value)) return NOT_KNOWN
  return withUnit(formatNumber(value), unit)
}

/**
 * Formats a value and its bounds as `12.3 kWh (11–14.2)`; the bounds are
 * left out when not known or when they print the same as the value.
 */
export function formatRange(
  value: number | null | undefined,
  low: number | null | undefined,
  high: number | null | undefined,
  unit: string
): string {
  if (!isKnown(value)) return NOT_KNOWN
  const center = formatNumber(value)
  const bounds = [formatNumber(low), formatNumber(high)]
  const sameAsValue = bounds.every(bound => bound === center)
  if (!isKnown(low) || !isKnown(high) || sameAsValue) {
    return withUnit(center, unit)
  }
  return `${withUnit(center, unit)} (${bounds.join('–')})`
}

/** Joins a number and a unit; an empty unit adds nothing. */
function withUnit(number: string, unit: string): string {
  return unit === '' ? number : `${number} ${unit}`
}

/**
 * Formats a fraction as a percentage: 0.123 → `12.3 %`. A fraction just
 * under 1 never prints as 100 %, which would claim full coverage.
 */
export function formatPercent(fraction: number | null | undefined): string {
  if (!isKnown(fraction)) return NOT_KNOWN
  const percent = fraction * 100
  if (fraction < 1 && percent >= 99.95) return '>99.9 %'
  if (percent >= 100) return `${GROUPED.format(percent)} %`
  return `${formatNumber(percent)} %`
}

/** Formats a change in percent with its sign: 12.5 → `+12.5 %`. */
export function formatChangePercent(
  percent: number | null | undefined
): string {
  if (!isKnown(percent)) return NOT_KNOWN
  const sign = percent > 0 ? '+' : ''
  return `${sign}${formatNumber(percent)} %`
}

/** Formats a count with grouping: 5000 → `5,000`. */
export function formatCount(count: number): string {
  return isKnown(count) ? GROUPED.format(count) : NOT_KNOWN
}

/** Formats a duration: `45 s`, `12 min 5 s`, `3 h 07 min`, `2 d 4 h`. */
export function formatDuration(seconds: number | null | undefined): string {
  if (!isKnown(seconds) || seconds < 0) return NOT_KNOWN
  if (seconds < 60) return `${formatNumber(seconds)} s`
  const total = Math.round(seconds)
  const [days, hours] = [Math.floor(total / 86400), Math.floor(total / 3600)]
  const minutes = Math.floor(total / 60) % 60
  if (days >= 1) return `${days} d ${hours % 24} h`
  if (hours >= 1) return `${hours} h ${String(minutes).padStart(2, '0')} min`
  return `${minutes} min ${total % 60} s`
}
