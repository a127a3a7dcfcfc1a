import type { ByteChunks } from './format.js'
import { InputError } from './input-error.js'

/** Longest line accepted; anything longer is not line-based telemetry. */
export const MAX_LINE_CHARS = 1 << 20

/** One text line without its terminator, with its 1-based number. */
export interface TextLine {
  text: string
  line: number
}

/**
 * Streams `input` as lines in constant memory: strips a UTF-8 BOM, accepts
 * LF and CRLF, yields a last line that has no newline, and refuses a line
 * longer than MAX_LINE_CHARS (a binary or minified file) with its number.
 */
export async function* readLines(
  input: ByteChunks,
  file: string
): AsyncGenerator<TextLine> {
  // ignoreBOM keeps a BOM in the text, so stripBom below removes exactly one.
  const decoder = new TextDecoder('utf-8', { ignoreBOM: true })
  let pending = ''
  let lineNumber = 0
  let first = true

  for await (const chunk of input) {
    pending +=
      typeof chunk === 'string'
        ? chunk
        : decoder.decode(chunk, { stream: true })
    if (first && pending.length > 0) {
      pending = stripBom(pending)
      first = false
    }

    let start = 0
    let newline = pending.indexOf('\n', start)
    while (newline !== -1) {
      lineNumber += 1
      yield {
        text: dropCarriageReturn(pending, start, newline),
        line: lineNumber
      }
      start = newline + 1
      newline = pending.indexOf('\n', start)
    }
    pending = pending.slice(start)
    if (pending.length > MAX_LINE_CHARS) {
      throw new InputError(
        `line longer than ${MAX_LINE_CHARS} characters: not line-based telemetry`,
        file,
        lineNumber + 1
      )
    }
  }

  pending += decoder.decode()
  if (first) pending = stripBom(pending)
  if (pending.length > 0) {
    lineNumber += 1
    yield {
      text: dropCarriageReturn(pending, 0, pending.length),
      line: lineNumber
    }
  }
}

/** Removes a leading U+FEFF byte-order mark. */
export function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text
}

/** `text[start, end)` without a trailing CR. */
function dropCarriageReturn(text: string, start: number, end: number): string {
  const last = end > start && text.charCodeAt(end - 1) === 13 ? end - 1 : end
  return text.slice(start, last)
}
