import { spawn } from 'node:child_process'
import { constants } from 'node:os'
import type { SamplerConfig } from './collect-config.js'
import { messageOf } from './collect-error.js'
import type { CollectLog } from './collect-log.js'
import { Sampler } from './sampler.js'

/**
 * Exit codes of `collect` that are not the command's own, after
 * coreutils env(1) and timeout(1): 125 the collector failed, 126 the
 * command could not be run, 127 it was not found; 128 + N it was killed
 * by signal N (POSIX shells' convention).
 */
export const COLLECT_EXIT = {
  failed: 125,
  notExecutable: 126,
  notFound: 127,
  signalBase: 128
} as const

/** Signals passed on to the command (a job scheduler's stop, a hang-up). */
const FORWARDED = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const

/** How the command ended. */
type CommandEnd =
  | { code: number }
  | { signal: NodeJS.Signals }
  | { spawnError: NodeJS.ErrnoException }

/**
 * Samples while `argv` runs: the sampler starts first (its first GPU row
 * is in before the command starts), the command runs with this
 * process's terminal, signals are passed on, and the telemetry is
 * written once it ends. A signal during start-up cuts the start short
 * and the command is not run. Returns the command's exit code.
 */
export async function collectAround(
  config: SamplerConfig,
  argv: readonly string[],
  log: CollectLog
): Promise<number> {
  const signals = new SignalRelay()
  try {
    let sampler: Sampler
    try {
      sampler = await Sampler.start(config, log, { abort: signals.startup })
    } catch (error) {
      return startFailed(error, signals.received, log)
    }
    logStart(sampler, config, log)
    const end = signals.received ?? (await runCommand(argv, signals))
    return await finish(sampler, end, log)
  } finally {
    signals.detach()
  }
}

/** A start that failed (125), or that a signal stopped (128 + N). */
function startFailed(
  error: unknown,
  signal: NodeJS.Signals | undefined,
  log: CollectLog
): number {
  if (signal === undefined) {
    log.error(`cannot start sampling: ${messageOf(error)}`)
    return COLLECT_EXIT.failed
  }
  log.warning(`${messageOf(error)}; the command was not run`)
  return COLLECT_EXIT.signalBase + constants.signals[signal]
}

/** Writes the telemetry; the collector's own failure is 125. */
async function finish(
  sampler: Sampler,
  end: CommandEnd | NodeJS.Signals,
  log: CollectLog
): Promise<number> {
  const code = exitCodeOf(end, log)
  try {
    const done = await sampler.stop()
    log.info(`telemetry: ${done.path} (${done.samples} samples)`)
    return code
  } catch (error) {
    log.error(
      `the command exited with ${code}, but the telemetry could not be written: ${messageOf(error)}`
    )
    return COLLECT_EXIT.failed
  }
}

/** What sampling found, in a few lines. */
function logStart(
  sampler: Sampler,
  config: SamplerConfig,
  log: CollectLog
): void {
  const { gpuNames, gpuProblem, cpu, layout, warnings } = sampler.report
  if (gpuProblem !== undefined)
    log.warning(`no GPU telemetry: ${gpuProblem}; recording the CPU only`)
  for (const warning of warnings) log.warning(warning)
  for (const name of gpuNames) log.info(`GPU ${name}`)
  log.info(`CPU: ${cpu}`)
  log.info(
    `sampling every ${config.intervalMs} ms into ${layout.telemetryPath}`
  )
}

/** Runs the command with this terminal; resolves with how it ended. */
function runCommand(
  argv: readonly string[],
  signals: SignalRelay
): Promise<CommandEnd> {
  const [file, ...args] = argv
  return new Promise(resolve => {
    const child = spawn(file ?? '', args, { stdio: 'inherit' })
    signals.target = child
    child.on('error', spawnError => resolve({ spawnError }))
    child.on('exit', (code, signal) =>
      resolve(signal ? { signal } : { code: code ?? COLLECT_EXIT.failed })
    )
  })
}

/** The exit code `collect` returns for how the command ended. */
function exitCodeOf(end: CommandEnd | NodeJS.Signals, log: CollectLog): number {
  if (typeof end === 'string')
    return COLLECT_EXIT.signalBase + constants.signals[end]
  if ('code' in end) return end.code
  if ('signal' in end)
    return COLLECT_EXIT.signalBase + constants.signals[end.signal]
  const missing = end.spawnError.code === 'ENOENT'
  log.warning(`cannot run the command: ${end.spawnError.message}`)
  return missing ? COLLECT_EXIT.notFound : COLLECT_EXIT.notExecutable
}

/**
 * Passes SIGINT, SIGTERM and SIGHUP on to the command while it runs.
 * One that arrives before the command started is remembered instead,
 * cuts the sampler's start short, and the command is not started.
 */
class SignalRelay {
  target: { kill(signal: NodeJS.Signals): boolean } | undefined
  received: NodeJS.Signals | undefined
  private readonly starting = new AbortController()
  /** Aborted by the first signal that arrives before the command runs. */
  readonly startup = this.starting.signal
  private readonly handlers = FORWARDED.map(signal => {
    const handler = (): void => {
      if (this.target !== undefined) return void this.target.kill(signal)
      this.received ??= signal
      this.starting.abort(signal)
    }
    process.on(signal, handler)
    return { signal, handler }
  })

  /** Restores the default behaviour of each signal. */
  detach(): void {
    for (const { signal, handler } of this.handlers)
      process.off(signal, handler)
  }
}
