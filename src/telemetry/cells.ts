/**
 * Cell-level reading rules shared by every parser: trim, sentinel, unit,
 * strict number. Order matters: a cell is trimmed first, then checked for
 * a sentinel, then stripped of its unit (a sentinel with a leading space
 * once slipped past a parser that did it the other way round).
 */

/** Whole-cell markers that mean "no reading": `[N/A]`, `[Unknown Error]`… */
const BRACKETED_SENTINEL = /^\[[^\]]*\]$/
const BARE_SENTINELS = new Set(['N/A', 'NA', '-', 'n/a', ''])

/** Strict decimal number, dot decimal separator, optional exponent. */
const STRICT_NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/

/** True when the trimmed cell is a sentinel for a missing value. */
export function isMissingCell(trimmed: string): boolean {
  return BARE_SENTINELS.has(trimmed) || BRACKETED_SENTINEL.test(trimmed)
}

/** Parses a whole cell as a number; NaN when it is not exactly one. */
export function parseStrictNumber(text: string): number {
  return STRICT_NUMBER.test(text) ? Number(text) : Number.NaN
}

/** The result of reading one numeric cell. */
export type NumberCell =
  | { kind: 'value'; value: number }
  | { kind: 'missing'; marker: string }
  | { kind: 'invalid'; text: string }

/**
 * Reads a numeric cell that may carry a unit suffix (`68.21 W`, `7 %`).
 * `units` lists the suffixes accepted for this column; a different suffix
 * makes the cell invalid rather than silently misread.
 */
export function readNumberCell(
  raw: string,
  units: readonly string[] = []
): NumberCell {
  const trimmed = raw.trim()
  if (isMissingCell(trimmed)) return { kind: 'missing', marker: trimmed }

  const text = stripUnit(trimmed, units)
  const value = parseStrictNumber(text)
  if (Number.isFinite(value)) return { kind: 'value', value }
  return { kind: 'invalid', text: trimmed }
}

/** Removes one accepted unit suffix (with or without a space before it). */
function stripUnit(trimmed: string, units: readonly string[]): string {
  for (const unit of units) {
    if (trimmed.endsWith(unit)) {
      return trimmed.slice(0, trimmed.length - unit.length).trimEnd()
    }
  }
  return trimmed
}
