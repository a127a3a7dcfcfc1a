import { NoDataError } from '../audit/no-data-error.js'
import { InputError } from '../telemetry/input-error.js'
import { runAuditCommand } from './audit-command.js'
import { runCollectCommand } from './collect-command.js'
import { runCompareCommand } from './compare-command.js'
import { runDataCommand } from './data-command.js'
import { runEstimateCommand } from './estimate-command.js'
import { EXIT } from './exit-codes.js'
import { mainHelp } from './help.js'
import { UsageError } from './usage-error.js'
import { runValidateCommand } from './validate-command.js'

/** Commands by name. */
const COMMANDS: Record<string, (args: string[]) => Promise<number>> = {
  audit: runAuditCommand,
  collect: runCollectCommand,
  compare: runCompareCommand,
  data: runDataCommand,
  estimate: runEstimateCommand,
  validate: runValidateCommand
}

/**
 * Runs the CLI and returns its exit code. Known problems print one clear
 * message; only an unexpected failure prints more, and only when
 * ECOCOMPUTE_DEBUG is set.
 */
export async function main(argv: readonly string[]): Promise<number> {
  const [name, ...args] = argv
  try {
    if (
      name === undefined ||
      name === '--help' ||
      name === '-h' ||
      name === 'help'
    ) {
      process.stdout.write(mainHelp())
      return name === undefined ? EXIT.usage : EXIT.ok
    }
    const command = COMMANDS[name]
    if (!command)
      throw new UsageError(
        `unknown command "${name}"; commands: ${Object.keys(COMMANDS).join(', ')}`
      )
    return await command(args)
  } catch (error) {
    return reportError(error)
  }
}

/** Prints an error the way a user should see it and picks the exit code. */
function reportError(error: unknown): number {
  if (error instanceof UsageError) {
    process.stderr.write(
      `error: ${error.message}\nRun "node dist/cli.js --help" for usage.\n`
    )
    return EXIT.usage
  }
  if (error instanceof InputError || error instanceof NoDataError) {
    process.stderr.write(`error: ${error.message}\n`)
    return EXIT.noData
  }
  const message = error instanceof Error ? error.message : String(error)
  process.stderr.write(
    `internal error: ${message}\nThis is a bug in EcoCompute; please report it with the input that caused it.\n`
  )
  if (process.env.ECOCOMPUTE_DEBUG && error instanceof Error)
    process.stderr.write(`${error.stack}\n`)
  return EXIT.noData
}
