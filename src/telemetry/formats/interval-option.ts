import type { ParseOptions } from '../format.js'
import { InputError } from '../input-error.js'

/**
 * The sampling interval for rows without timestamps, in ms; throws an
 * InputError naming `--interval-ms` when it is absent or not positive,
 * because guessing it would scale every energy figure silently.
 */
export function requireIntervalMs(
  options: ParseOptions,
  line: number,
  hint: string
): number {
  const intervalMs = options.intervalMs
  if (
    intervalMs !== undefined &&
    Number.isFinite(intervalMs) &&
    intervalMs > 0
  ) {
    return intervalMs
  }
  const received =
    intervalMs === undefined ? 'none was given' : `got ${intervalMs}`
  throw new InputError(
    `rows carry no timestamps, so the sampling interval is needed: pass --interval-ms (${hint}); ${received}`,
    options.file,
    line
  )
}
