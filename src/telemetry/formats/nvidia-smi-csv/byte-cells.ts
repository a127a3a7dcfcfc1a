/**
 * Byte-level cell readers for the hot path: they read straight from the
 * input bytes without making strings, which is what lets a 1 GiB log be
 * audited at disk speed. Each returns NaN for anything it does not accept;
 * callers then fall back to the string readers, which are the reference.
 */

const SPACE = 32
const TAB = 9
const CR = 13
const DOT = 46
const ZERO = 48
const NINE = 57
const MINUS = 45
const PLUS = 43
const LEFT_BRACKET = 91
const RIGHT_BRACKET = 93
const N = 78
const SLASH = 47
const A = 65

const POW10 = [
  1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14,
  1e15
]

/** True for the blank bytes a cell may be padded with. */
export function isBlank(byte: number): boolean {
  return byte === SPACE || byte === TAB || byte === CR
}

/** First non-blank position in [start, end). */
export function trimStart(buf: Uint8Array, start: number, end: number): number {
  while (start < end && isBlank(buf[start]!)) start++
  return start
}

/** One past the last non-blank position in [start, end). */
export function trimEnd(buf: Uint8Array, start: number, end: number): number {
  while (end > start && isBlank(buf[end - 1]!)) end--
  return end
}

/**
 * True when the trimmed cell is a missing-value marker: empty, `-`, `N/A`,
 * or any whole-cell bracketed token such as `[Not Supported]`.
 */
export function isMissingBytes(
  buf: Uint8Array,
  start: number,
  end: number
): boolean {
  const length = end - start
  if (length === 0) return true
  const first = buf[start]!
  if (first === LEFT_BRACKET) return buf[end - 1] === RIGHT_BRACKET
  if (length === 1) return first === MINUS
  return (
    length === 3 &&
    first === N &&
    buf[start + 1] === SLASH &&
    buf[end - 1] === A
  )
}

/**
 * Reads a trimmed decimal number with an optional unit suffix `unitByte`
 * (e.g. `W`, `%`) after optional spaces. NaN when the cell is anything
 * else, including exponents, which the string reader handles.
 */
export function readDecimalBytes(
  buf: Uint8Array,
  start: number,
  end: number,
  unitByte: number
): number {
  let position = start
  let negative = false
  const sign = buf[position]
  if (sign === MINUS || sign === PLUS) {
    negative = sign === MINUS
    position++
  }

  let mantissa = 0
  let digits = 0
  let decimals = 0
  let seenDot = false
  for (; position < end; position++) {
    const byte = buf[position]!
    if (byte >= ZERO && byte <= NINE) {
      mantissa = mantissa * 10 + (byte - ZERO)
      digits++
      if (seenDot) decimals++
    } else if (byte === DOT && !seenDot) {
      seenDot = true
    } else break
  }
  if (digits === 0 || digits > 15 || decimals >= POW10.length) return Number.NaN

  position = trimStart(buf, position, end)
  if (position < end && buf[position] === unitByte) position++
  if (position !== end) return Number.NaN

  const value = mantissa / POW10[decimals]!
  return negative ? -value : value
}
