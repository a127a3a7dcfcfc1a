import { decodeUtf8 } from './bytes.js'
import type { TelemetryFormat } from './format.js'
import { FORMATS, findFormat } from './formats/index.js'
import { InputError } from './input-error.js'
import { stripBom } from './lines.js'

/** Bytes of a file's start that detection looks at. */
export const DETECT_HEAD_BYTES = 64 * 1024
/** Below this confidence a format is not taken. */
const MIN_CONFIDENCE = 0.3

/**
 * The format of the file `name` starting with `head` (its first
 * DETECT_HEAD_BYTES): the one named, else the most confident detector.
 * UTF-16 text is refused with the way out, even when a format is named.
 */
export function detectFormat(
  head: Uint8Array,
  name: string,
  named: string | undefined
): TelemetryFormat | undefined {
  const text = headText(head, name)
  if (named !== undefined) return namedFormat(named)
  let best: TelemetryFormat | undefined
  let bestScore = MIN_CONFIDENCE
  for (const format of FORMATS) {
    const score = format.detect(text, name)
    if (score > bestScore) {
      best = format
      bestScore = score
    }
  }
  return best
}

/** The format a user named, or a usage error listing the names. */
function namedFormat(name: string): TelemetryFormat {
  const format = findFormat(name)
  if (format) return format
  const names = FORMATS.map(f => f.name).join(', ')
  throw new InputError(
    `unknown input format "${name}"; expected one of: ${names}`
  )
}

/** The head as text, BOM removed; UTF-16 is an error naming the file. */
function headText(head: Uint8Array, name: string): string {
  if (isUtf16(head)) {
    throw new InputError(
      'the file is UTF-16 text; save it as UTF-8 (for example: iconv -f UTF-16 -t UTF-8)',
      name
    )
  }
  return stripBom(decodeUtf8(head))
}

/** A UTF-16 byte-order mark, or the NUL bytes of UTF-16 ASCII text. */
function isUtf16(head: Uint8Array): boolean {
  const bom =
    (head[0] === 0xff && head[1] === 0xfe) ||
    (head[0] === 0xfe && head[1] === 0xff)
  return (
    bom || (head.length >= 4 && head[1] === 0 && head[3] === 0 && head[0] !== 0)
  )
}
