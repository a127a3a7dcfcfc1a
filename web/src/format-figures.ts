/**
 * How the page prints a figure: exactly as the CLI and the reports do
 * (src/report/format-number.ts: three significant figures below 1,000,
 * whole numbers with thousands separators from there on), so a number
 * copied from the page matches the command line's and never reads more
 * precise than its inputs, and never as NaN.
 */
import { formatNumber } from '../../src/report/format-number.js'

/** A change this close to 0 % is floating-point noise, not a change. */
const ZERO_CHANGE_PCT = 1e-9

/** The figure as text; `—` for a value not known. */
export function formatFigure(value: number | null | undefined): string {
  return formatNumber(value)
}

/** `$82,533` for USD, `82,533 EUR` otherwise. */
export function formatMoney(value: number | null, currency: string): string {
  if (value === null) return '—'
  return currency === 'USD'
    ? `$${formatNumber(value)}`
    : `${formatNumber(value)} ${currency}`
}

/**
 * `range low–high`; bounds that print the same say so rather than claim
 * that no input is uncertain.
 */
export function formatBounds(
  low: number | null,
  high: number | null,
  format: (value: number) => string = formatFigure
): string {
  if (low === null || high === null) return 'range not known'
  if (format(low) === format(high))
    return 'range: no spread at three significant figures'
  return `range ${format(low)}–${format(high)}`
}

/** A signed percentage change: `+6.81 %`, `−5.75 %`, `0 %`. */
export function formatChange(percent: number | null): string {
  if (percent === null || !Number.isFinite(percent)) return '—'
  if (Math.abs(percent) < ZERO_CHANGE_PCT) return '0 %'
  const sign = percent > 0 ? '+' : '−'
  return `${sign}${formatNumber(Math.abs(percent))} %`
}

/** `15.4 days` for hours past two days; undefined otherwise. */
export function formatDays(hours: number | null): string | undefined {
  if (hours === null || hours < 48) return undefined
  return `${formatNumber(hours / 24)} days`
}

/** `340 bytes`, `12.3 kB`, `1.2 MB`: a file size in decimal units. */
export function formatBytes(bytes: number): string {
  if (bytes < 1e3) return `${formatNumber(bytes)} bytes`
  if (bytes < 1e6) return `${formatNumber(bytes / 1e3)} kB`
  return `${formatNumber(bytes / 1e6)} MB`
}
