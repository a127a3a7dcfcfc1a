import { decodeUtf8 } from '../../bytes.js'
import { trimEnd, trimStart } from './byte-cells.js'

const COMMA = 44
/** Fields read per row; a longer row is reported with this count. */
export const MAX_COLUMNS = 256

/**
 * The comma positions of the current row, found with the native
 * `indexOf` (a Buffer's, in Node), and the trimmed bounds of the last field located.
 */
export class RowFields {
  private readonly starts = new Int32Array(MAX_COLUMNS + 2)
  /** Trimmed start of the field last located. */
  start = 0
  /** Trimmed end (exclusive) of the field last located. */
  end = 0

  /** Splits [lineStart, lineEnd) of `buf`; returns the field count. */
  split(buf: Uint8Array, lineStart: number, lineEnd: number): number {
    const starts = this.starts
    let count = 0
    starts[0] = lineStart
    let comma = buf.indexOf(COMMA, lineStart)
    while (comma !== -1 && comma < lineEnd) {
      if (++count > MAX_COLUMNS) return count
      starts[count] = comma + 1
      comma = buf.indexOf(COMMA, comma + 1)
    }
    starts[count + 1] = lineEnd + 1
    return count + 1
  }

  /** Sets `start` and `end` to field `index`, blanks trimmed. */
  locate(buf: Uint8Array, index: number): void {
    const start = this.starts[index]!
    const end = this.starts[index + 1]! - 1
    this.start = trimStart(buf, start, end)
    this.end = trimEnd(buf, this.start, end)
  }

  /** Field `index` as text, blanks trimmed. */
  text(buf: Uint8Array, index: number): string {
    this.locate(buf, index)
    return decodeUtf8(buf, this.start, this.end)
  }

  /**
   * A weighted byte sum of the given fields, blanks trimmed: it changes
   * when their text changes, which is all the stale-sensor check needs.
   */
  byteSum(buf: Uint8Array, indexes: readonly number[]): number {
    let sum = 0
    for (const index of indexes) {
      this.locate(buf, index)
      const { start, end } = this
      for (let i = start; i < end; i++) {
        sum += buf[i]! * (((i - start) & 7) + 1)
      }
    }
    return sum
  }
}
