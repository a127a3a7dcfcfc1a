import { InputError } from '../input-error.js'
import type { TelemetrySink } from '../sink.js'

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
