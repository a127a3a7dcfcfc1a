import { type ParseArgsConfig, parseArgs } from 'node:util'
import { UsageError } from './usage-error.js'

/** The options of one command, as node:util parseArgs takes them. */
export type OptionSpec = NonNullable<ParseArgsConfig['options']>

/**
 * Strict parsing of one command's arguments (unknown options refused,
 * positionals allowed), with parseArgs' errors turned into usage errors.
 * An option given twice is refused rather than silently keeping its last
 * value, and a negative number after an option is taken as its value.
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
    const parsed = parseArgs({
      args: negativeValuesJoined(args, options),
      options,
      allowPositionals: true,
      strict: true,
      tokens: true
    })
    refuseRepeats(parsed.tokens)
    return parsed
  } catch (error) {
    if (error instanceof UsageError) throw error
    throw new UsageError(error instanceof Error ? error.message : String(error))
  }
}

/** A second use of an option: parseArgs would keep only the last one. */
function refuseRepeats(
  tokens: readonly { kind: string; name?: string }[]
): void {
  const seen = new Set<string>()
  for (const token of tokens) {
    if (token.kind !== 'option' || token.name === undefined) continue
    if (seen.has(token.name))
      throw new UsageError(
        `--${token.name} is given more than once; give it once (a list goes in one value, separated by commas)`
      )
    seen.add(token.name)
  }
}

/**
 * `--params -1` → `--params=-1`: parseArgs would take `-1` for an option
 * (or call it ambiguous), and the option's own range check says more
 * about a negative number.
 */
function negativeValuesJoined(
  args: readonly string[],
  options: OptionSpec
): string[] {
  const joined: string[] = []
  for (let i = 0; i < args.length; i++) {
    const [arg = '', next] = [args[i], args[i + 1]]
    const name = arg.startsWith('--') ? arg.slice(2) : ''
    const takesValue = options[name]?.type === 'string'
    if (takesValue && next !== undefined && /^-[\d.]/.test(next)) {
      joined.push(`${arg}=${next}`)
      i++
    } else joined.push(arg)
  }
  return joined
}
