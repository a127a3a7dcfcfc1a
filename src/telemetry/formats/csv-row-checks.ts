import { splitCsvLine } from '../csv-fields.js'
import { InputError } from '../input-error.js'
import type { TelemetrySink } from '../sink.js'

/**
 * The row rules the header-keyed CSV formats (CodeCarbon, Zeus) share:
 * quotes must balance, a row has as many fields as its header, and a bad
 * line before any header means the file is not in the format at all.
 */

/**
 * A bad line before any header means the file is not in this format at
 * all (throw, naming the line); after one, it is one bad row (reject it).
 */
export function refuseRow(
  sink: TelemetrySink,
  file: string,
  line: number,
  reason: string,
  headerRead: boolean
): void {
  if (!headerRead) throw new InputError(reason, file, line)
  sink.reject(line, reason)
}

/** The fields of a trimmed line, or undefined after refusing it. */
export function splitOrRefuse(
  trimmed: string,
  line: number,
  refuse: (line: number, reason: string) => void
): string[] | undefined {
  const fields = splitCsvLine(trimmed)
  if (fields !== null) return fields
  refuse(
    line,
    'expected balanced quotes, found a quoted field that never closes'
  )
  return undefined
}

/** Rejects a row whose field count is not the header's; true when it did. */
export function rejectFieldCount(
  sink: TelemetrySink,
  line: number,
  fields: readonly string[],
  expected: number
): boolean {
  if (fields.length === expected) return false
  sink.reject(
    line,
    `expected ${expected} fields as in the header, found ${fields.length}`
  )
  return true
}
