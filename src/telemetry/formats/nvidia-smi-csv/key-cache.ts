import { copyBytes, decodeLatin1 } from '../../bytes.js'

/** Keys compared byte by byte before falling back to a string map. */
const MAX_BYTE_KEYS = 64

/**
 * Finds the handle of an identity cell without making a string for it.
 * GPUs come round in the same order every sampling frame, so the key after
 * the last one matched is tried first; a file with many devices falls back
 * to a Map of strings.
 */
export class KeyCache {
  private readonly keys: Uint8Array[] = []
  private readonly handles: number[] = []
  private readonly byString = new Map<string, number>()
  private next = 0

  /** The handle for bytes [start, end) of `buf`, or undefined if new. */
  find(buf: Uint8Array, start: number, end: number): number | undefined {
    const count = this.keys.length
    if (count >= MAX_BYTE_KEYS) {
      return this.byString.get(decodeLatin1(buf, start, end))
    }
    for (let tried = 0; tried < count; tried++) {
      const index = (this.next + tried) % count
      if (sameBytes(this.keys[index]!, buf, start, end)) {
        this.next = (index + 1) % count
        return this.handles[index]
      }
    }
    return undefined
  }

  /** Remembers a new key. */
  add(buf: Uint8Array, start: number, end: number, handle: number): void {
    this.byString.set(decodeLatin1(buf, start, end), handle)
    if (this.keys.length >= MAX_BYTE_KEYS) return
    this.keys.push(copyBytes(buf.subarray(start, end)))
    this.handles.push(handle)
  }
}

/** True when `key` equals bytes [start, end) of `buf`. */
function sameBytes(
  key: Uint8Array,
  buf: Uint8Array,
  start: number,
  end: number
): boolean {
  if (key.length !== end - start) return false
  for (let i = key.length - 1; i >= 0; i--) {
    if (key[i] !== buf[start + i]) return false
  }
  return true
}
