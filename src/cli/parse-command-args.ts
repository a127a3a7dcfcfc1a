import { type ParseArgsConfig, parseArgs } from 'node:util'
import { UsageError } from './usage-error.js'

/** The options of one command, as node:util parseArgs takes them. */
export type OptionSpec = NonNullable<ParseArgsConfig['options']>

/**
 * Strict parsing of one command's arguments (unknown options refused,
 * positionals allowed), with parseArgs' errors turned into usage errors.
 */
export function parseCommandArgs<T extends OptionSpec>(
  args: readonly string[],
  options: T
): ReturnType<
  typeof parseArgs<{
    args: string[]
    options: T
    allowPositionals: true
    strict: true
  }>
> {
  try {
    return parseArgs({
      args: [...args],
      options,
      allowPositionals: true,
      strict: true
    })
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error))
  }
}
