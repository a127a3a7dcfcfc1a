import { existsSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe } from '@jest/globals'

/**
 * Other people's real telemetry, read in place and never copied: the
 * shared folder beside the checkout, or ECOCOMPUTE_REAL_TELEMETRY.
 */
export const REAL_DIR = resolve(
  process.env.ECOCOMPUTE_REAL_TELEMETRY ??
    resolve(process.cwd(), '../shared/telemetry-real')
)

/** True when the shared real-telemetry folder is beside the checkout. */
export const HAVE_REAL_FILES = existsSync(REAL_DIR)

/** `describe`, or a visibly skipped one where ../shared is absent. */
export const describeReal: typeof describe = HAVE_REAL_FILES
  ? describe
  : (((name: string, fn: () => void) => {
      // Written straight to stderr: a console.warn gets a code frame in
      // Jest's output and reads like an error.
      process.stderr.write(
        `SKIPPED "${name}": ${REAL_DIR} is absent (it holds the real telemetry files; CI always has it; set ECOCOMPUTE_REAL_TELEMETRY to its path)\n`
      )
      describe.skip(name, fn)
    }) as typeof describe)

/** Absolute path of one real file. */
export function realFile(name: string): string {
  return resolve(REAL_DIR, name)
}
