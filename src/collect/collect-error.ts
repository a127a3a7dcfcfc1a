/**
 * A problem the collector can name: a bad input or flag, an output folder
 * it cannot write, a sampler it cannot start. The message says which
 * input, file or tool, what was found and what would be accepted.
 */
export class CollectError extends Error {
  override name = 'CollectError'
}

/**
 * The message of anything thrown, for logs; also for errors from another
 * realm (a test's VM context), which fail `instanceof Error`.
 */
export function messageOf(error: unknown): string {
  if (typeof error === 'object' && error !== null && 'message' in error) {
    return String(error.message)
  }
  return String(error)
}
