import { concatBytes, copyBytes } from '../../bytes.js'
import { InputError } from '../../input-error.js'

const NEWLINE = 10
const MAX_LINE_BYTES = 1 << 20

/** Receives one line [start, end) of `buf`, without its newline. */
export type LineHandler = (buf: Uint8Array, start: number, end: number) => void

/**
 * Cuts a stream of byte chunks into lines without copying them: only a line
 * that straddles two chunks is joined. A line longer than 1 MiB is refused
 * with its number, since no telemetry row is that long.
 */
export class LineSplitter {
  private carry: Uint8Array | undefined
  private lines: number

  constructor(
    private readonly onLine: LineHandler,
    private readonly file: string,
    firstLineNumber: number
  ) {
    this.lines = firstLineNumber - 1
  }

  /** Hands on every complete line of `chunk`, keeping a partial last one. */
  push(chunk: Uint8Array): void {
    let start = 0
    if (this.carry !== undefined) start = this.finishCarried(chunk)
    if (start < 0) return

    let newline = chunk.indexOf(NEWLINE, start)
    while (newline !== -1) {
      this.lines++
      this.onLine(chunk, start, newline)
      start = newline + 1
      newline = chunk.indexOf(NEWLINE, start)
    }
    if (start < chunk.length) this.keep(chunk.subarray(start))
  }

  /** Hands on the last line when the input does not end with a newline. */
  end(): void {
    if (this.carry === undefined) return
    const line = this.carry
    this.carry = undefined
    this.lines++
    this.onLine(line, 0, line.length)
  }

  /** Completes the carried line; returns where `chunk` resumes, or −1. */
  private finishCarried(chunk: Uint8Array): number {
    const newline = chunk.indexOf(NEWLINE)
    if (newline === -1) {
      this.keep(chunk)
      return -1
    }
    const line = concatBytes([this.carry!, chunk.subarray(0, newline)])
    this.carry = undefined
    this.lines++
    this.onLine(line, 0, line.length)
    return newline + 1
  }

  /** Holds a partial line until its end arrives. */
  private keep(part: Uint8Array): void {
    const carried = this.carry
      ? concatBytes([this.carry, part])
      : copyBytes(part)
    if (carried.length > MAX_LINE_BYTES) {
      throw new InputError(
        `line longer than ${MAX_LINE_BYTES} bytes: not nvidia-smi CSV`,
        this.file,
        this.lines + 1
      )
    }
    this.carry = carried
  }
}
