import {
  type SamplerConfig,
  fieldsOption,
  gpuChoiceOption,
  intervalOption,
  nameOption,
  readCollectEnvironment
} from '../collect/collect-config.js'
import { CollectError, messageOf } from '../collect/collect-error.js'
import { streamLog } from '../collect/collect-log.js'
import { COLLECT_EXIT, collectAround } from '../collect/run-command.js'
import { collectHelp } from './collect-help.js'
import { parseCommandArgs } from './parse-command-args.js'
import { EXIT } from './exit-codes.js'

/** Default output folder, relative to where collect runs. */
const DEFAULT_OUT_DIR = 'ecocompute-telemetry'

/**
 * `collect [options] -- COMMAND ARGS…`: runs the command while sampling.
 * Its own problems exit 125, so they never read as the command's code.
 */
export async function runCollectCommand(args: string[]): Promise<number> {
  const stderr = (text: string): void => void process.stderr.write(text)
  try {
    const split = args.indexOf('--')
    const flags = split < 0 ? args : args.slice(0, split)
    const command = split < 0 ? [] : args.slice(split + 1)
    const { values } = parseCommandArgs(flags, {
      'interval-ms': { type: 'string' },
      out: { type: 'string' },
      name: { type: 'string' },
      gpus: { type: 'string' },
      fields: { type: 'string' },
      help: { type: 'boolean', short: 'h' }
    })
    if (values.help) {
      process.stdout.write(collectHelp())
      return EXIT.ok
    }
    if (command.length === 0)
      throw new CollectError(
        'expected the command after --, e.g. collect -- python train.py'
      )
    const config = samplerConfig(values)
    return await collectAround(
      config,
      command,
      streamLog(stderr, config.environment.debug)
    )
  } catch (error) {
    stderr(
      `collect: error: ${messageOf(error)}\nRun "node dist/cli.js collect --help" for usage.\n`
    )
    return COLLECT_EXIT.failed
  }
}

/** The flags and the environment as one sampler configuration. */
function samplerConfig(
  values: Record<string, string | boolean | undefined>
): SamplerConfig {
  const text = (name: string): string | undefined => {
    const value = values[name]
    return typeof value === 'string' ? value : undefined
  }
  const environment = readCollectEnvironment()
  if (environment.platform !== 'linux') {
    throw new CollectError(
      `collect reads Linux interfaces (nvidia-smi, /sys/class/powercap, /proc) and this is ${environment.platform}; run the command without collect`
    )
  }
  return {
    name: nameOption('--name', text('name')),
    intervalMs: intervalOption('--interval-ms', text('interval-ms')),
    outDir: text('out') ?? DEFAULT_OUT_DIR,
    host: environment.host,
    gpus: gpuChoiceOption('--gpus', text('gpus')),
    extraFields: fieldsOption('--fields', text('fields')),
    environment,
    run: environment.run
  }
}
