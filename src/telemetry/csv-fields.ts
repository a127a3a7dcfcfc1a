/**
 * RFC 4180 field splitting for one CSV line, shared by the CSV parsers.
 *
 * Lines come from readLines, so a quoted field cannot span lines: a line
 * that ends inside quotes is malformed here. Cells are returned untrimmed
 * (trimming, sentinels and numbers belong to cells.ts), except that blanks
 * around a quoted field are dropped with its quotes, so `a, "b"` gives
 * `b` as nvidia-smi-style `, ` separators would expect.
 */

const QUOTE = 34 // "
const COMMA = 44 // ,
const SPACE = 32
const TAB = 9

/**
 * Splits one line on commas, unquoting `"…"` fields (`""` is one quote).
 * Returns null when the quoting is malformed: a quote left open, or text
 * after a closing quote other than blanks. A quote inside an unquoted
 * field is kept as a literal character.
 */
export function splitCsvLine(text: string): string[] | null {
  // Most telemetry lines hold no quote at all: one native split.
  if (text.indexOf('"') === -1) return text.split(',')
  return splitWithQuotes(text)
}

/** The general case: walks the fields, unquoting those that are quoted. */
function splitWithQuotes(text: string): string[] | null {
  const fields: string[] = []
  let start = 0
  for (;;) {
    const open = skipBlanks(text, start)
    if (text.charCodeAt(open) !== QUOTE) {
      const comma = text.indexOf(',', start)
      if (comma === -1) {
        fields.push(text.slice(start))
        return fields
      }
      fields.push(text.slice(start, comma))
      start = comma + 1
      continue
    }

    const quoted = readQuoted(text, open + 1)
    if (quoted === null) return null
    fields.push(quoted.value)
    const after = skipBlanks(text, quoted.end)
    if (after === text.length) return fields
    if (text.charCodeAt(after) !== COMMA) return null
    start = after + 1
  }
}

/** A quoted field's value and the index just past its closing quote. */
interface QuotedField {
  value: string
  end: number
}

/** Reads from just after an opening quote; null when it never closes. */
function readQuoted(text: string, from: number): QuotedField | null {
  let value = ''
  let start = from
  for (;;) {
    const quote = text.indexOf('"', start)
    if (quote === -1) return null
    value += text.slice(start, quote)
    if (text.charCodeAt(quote + 1) !== QUOTE) {
      return { value, end: quote + 1 }
    }
    value += '"'
    start = quote + 2
  }
}

/** Index of the first character at or after `from` that is not a blank. */
function skipBlanks(text: string, from: number): number {
  let index = from
  while (index < text.length) {
    const code = text.charCodeAt(index)
    if (code !== SPACE && code !== TAB) break
    index += 1
  }
  return index
}
