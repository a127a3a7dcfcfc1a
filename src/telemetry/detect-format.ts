import { open } from 'node:fs/promises'
import type { TelemetryFormat } from './format.js'
import { FORMATS, findFormat } from './formats/index.js'
import { InputError } from './input-error.js'
import { stripBom } from './lines.js'

const HEAD_BYTES = 64 * 1024
/** Below this confidence a format is not taken. */
const MIN_CONFIDENCE = 0.3

/** The format of `path`: the one named, else the most confident detector. */
export async function detectFormat(
  path: string,
  named: string | undefined
): Promise<TelemetryFormat | undefined> {
  const head = await readHead(path)
  if (named !== undefined) return namedFormat(named)
  let best: TelemetryFormat | undefined
  let bestScore = MIN_CONFIDENCE
  for (const format of FORMATS) {
    const score = format.detect(head, path)
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

/** The first 64 KiB of a file as text, BOM removed. */
async function readHead(path: string): Promise<string> {
  const handle = await open(path, 'r')
  try {
    const buffer = Buffer.alloc(HEAD_BYTES)
    const { bytesRead } = await handle.read(buffer, 0, HEAD_BYTES, 0)
    if (isUtf16(buffer, bytesRead)) {
      throw new InputError(
        'the file is UTF-16 text; save it as UTF-8 (for example: iconv -f UTF-16 -t UTF-8)',
        path
      )
    }
    return stripBom(buffer.subarray(0, bytesRead).toString('utf8'))
  } finally {
    await handle.close()
  }
}

/** A UTF-16 byte-order mark, or the NUL bytes of UTF-16 ASCII text. */
function isUtf16(buffer: Buffer, length: number): boolean {
  const bom =
    (buffer[0] === 0xff && buffer[1] === 0xfe) ||
    (buffer[0] === 0xfe && buffer[1] === 0xff)
  return (
    bom ||
    (length >= 4 && buffer[1] === 0 && buffer[3] === 0 && buffer[0] !== 0)
  )
}
