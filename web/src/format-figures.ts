/**
 * How the page prints a figure: five significant digits below 1,000
 * (368.45 h, 330.13 kg), whole numbers with thousands separators from
 * 1,000 (16,507 kWh), so a figure never reads more precise than the
 * inputs and never as NaN.
 */

/** The figure as text; `—` for a value not known. */
export function formatFigure(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value))
    return '—'
  if (Math.abs(value) >= 1000) {
    return Math.round(value).toLocaleString('en-US')
  }
  return Number(value.toPrecision(5)).toLocaleString('en-US', {
    maximumFractionDigits: 10
  })
}

/** `$82,533` for USD, `82,533 EUR` otherwise. */
export function formatMoney(value: number | null, currency: string): string {
  if (value === null) return '—'
  return currency === 'USD'
    ? `$${formatFigure(value)}`
    : `${formatFigure(value)} ${currency}`
}

/** `low–high`, or a note that the inputs leave no spread. */
export function formatBounds(
  low: number | null,
  high: number | null,
  format: (value: number) => string = formatFigure
): string {
  if (low === null || high === null) return 'range not known'
  if (format(low) === format(high)) return 'no range: every input is fixed'
  return `range ${format(low)}–${format(high)}`
}

/** A signed percentage change: `+6.8 %`, `−29.1 %`, `0 %`. */
export function formatChange(percent: number | null): string {
  if (percent === null || !Number.isFinite(percent)) return '—'
  const rounded = Math.round(percent * 10) / 10
  if (rounded === 0) return '0 %'
  const sign = rounded > 0 ? '+' : '−'
  return `${sign}${Math.abs(rounded).toLocaleString('en-US')} %`
}

/** `15.4 days` for hours past two days; undefined otherwise. */
export function formatDays(hours: number | null): string | undefined {
  if (hours === null || hours < 48) return undefined
  return `${formatFigure(hours / 24)} days`
}
