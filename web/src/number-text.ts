/**
 * Numbers as planners type them: `7e9`, `7B`, `2T`, `1,979`, `3.5`.
 * Suffixes are the usual short scale (K = 1e3, M = 1e6, B = 1e9,
 * T = 1e12, Q = 1e15), case-insensitive; commas group thousands.
 */

/** What a number field holds: nothing, a number, or text that is neither. */
export type NumberText =
  | { kind: 'empty' }
  | { kind: 'value'; value: number }
  | { kind: 'invalid'; text: string }

const SUFFIXES: Readonly<Record<string, number>> = {
  k: 1e3,
  m: 1e6,
  b: 1e9,
  t: 1e12,
  q: 1e15
}

/** A decimal with an optional exponent, then an optional suffix. */
const NUMBER_PATTERN =
  /^([+-]?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?)\s*([kmbtq])?$/i

/** Reads a typed number; never returns NaN or Infinity as a value. */
export function readNumberText(raw: string): NumberText {
  const text = raw.trim()
  if (text === '') return { kind: 'empty' }
  const match = NUMBER_PATTERN.exec(text.replace(/,(?=\d{3}(\D|$))/g, ''))
  if (match === null) return { kind: 'invalid', text }
  const scale = SUFFIXES[(match[2] ?? '').toLowerCase()] ?? 1
  const value = Number(match[1]) * scale
  return Number.isFinite(value)
    ? { kind: 'value', value }
    : { kind: 'invalid', text }
}

/** The shortest exact text for a number in a field or the URL: `7e9`. */
export function numberToText(value: number): string {
  const plain = String(value)
  const exponent = value.toExponential().replace('e+', 'e')
  return exponent.length < plain.length ? exponent : plain
}
