import { rm, rmdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { CollectError } from './collect-error.js'
import type { SamplerConfig } from './collect-config.js'
import type { CollectLog } from './collect-log.js'
import { CpuSource } from './cpu-source.js'
import { DcgmiStream } from './dcgmi-stream.js'
import { type FinishedTelemetry, finishTelemetry } from './finish-telemetry.js'
import { type GpuPlan, type PlanOptions, planGpus } from './gpu-plan.js'
import { GpuStream } from './gpu-stream.js'
import { type OutputLayout, claimOutput } from './output-layout.js'
import { QUERY_TIMEOUT_MS } from './run-tool.js'
import { SpoolWriter } from './spool-writer.js'
import { type HeaderFacts, gpuHeaderDevice } from './telemetry-header.js'

/** What sampling found when it started, for the log and the action. */
export interface SamplerReport {
  layout: OutputLayout
  gpuNames: string[]
  /** Why no GPU is sampled; undefined when some are. */
  gpuProblem: string | undefined
  /** What the user should see at once (a refused field, an ignored id). */
  warnings: string[]
  cpu: string
  startedMs: number
}

/** How a sampler starts, besides its configuration. */
export interface StartOptions extends PlanOptions {
  /** The output the action's main step claimed and passes in. */
  claimed?: OutputLayout
}

/**
 * One node's collector: GPUs through one nvidia-smi child (and dcgmi
 * dmon when present), the CPU on a timer, all records spooled, and the
 * telemetry file written when it stops.
 */
export class Sampler {
  private constructor(
    readonly report: SamplerReport,
    private readonly config: SamplerConfig,
    private readonly spool: SpoolWriter,
    private readonly parts: {
      gpu?: GpuStream
      dcgmi?: DcgmiStream
      cpu: CpuSource
    }
  ) {}

  /**
   * Starts every source and waits for the first GPU rows (bounded). An
   * abort before the sources start throws; one after returns the
   * sampler at once, so that what it has is written.
   */
  static async start(
    config: SamplerConfig,
    log: CollectLog,
    options: StartOptions = {}
  ): Promise<Sampler> {
    const layout =
      options.claimed ??
      (await claimOutput(config.outDir, config.name, config.host))
    try {
      return await Sampler.startIn(layout, config, log, options)
    } catch (error) {
      await rm(layout.spoolDir, { recursive: true, force: true })
      // An empty claim is given back, so a rerun gets the same file name.
      await rmdir(layout.rawDir).catch(() => undefined)
      throw error
    }
  }

  /** Plans, records what will be sampled, then starts every source. */
  private static async startIn(
    layout: OutputLayout,
    config: SamplerConfig,
    log: CollectLog,
    options: StartOptions
  ): Promise<Sampler> {
    throwIfStopped(options.abort)
    const plan = await planGpus(config, options)
    throwIfStopped(options.abort)
    const spool = new SpoolWriter(layout.samplesPath)
    const cpu = await CpuSource.prepare(config.environment, {
      sink: spool,
      log,
      gpusSampled: plan.devices.length > 0,
      rawDir: layout.rawDir
    })
    const parts = { ...streamsFor(plan, config, layout, spool, log), cpu }
    const startedMs = Date.now()
    const facts = headerFacts(config, plan, cpu, startedMs, parts)
    await recordPlan(layout, facts, plan.problem)
    for (const message of planNotes(plan)) {
      spool.event({ timeMs: startedMs, event: 'note', message })
    }
    parts.gpu?.start()
    parts.dcgmi?.start()
    await cpu.start(config.intervalMs)
    await withTimeout(parts.gpu?.firstRows(), QUERY_TIMEOUT_MS, options.abort)
    const report = {
      layout,
      gpuNames: plan.devices.map(
        d => `${d.key}: ${d.gpu.name ?? 'unnamed GPU'} (${d.powerField})`
      ),
      gpuProblem: plan.problem,
      warnings: plan.warnings,
      cpu: cpu.description,
      startedMs
    }
    return new Sampler(report, config, spool, parts)
  }

  /**
   * Waits (at most two intervals and a second) for a GPU row at or after
   * now, so the telemetry covers the end, then stops every source and
   * writes the telemetry file.
   */
  async stop(): Promise<FinishedTelemetry> {
    const stopMs = Date.now()
    const { gpu, dcgmi, cpu } = this.parts
    await withTimeout(gpu?.rowsAfter(stopMs), 2 * this.config.intervalMs + 1000)
    await Promise.all([gpu?.stop(), dcgmi?.stop(), cpu.stop()])
    this.noteSkipped(gpu?.skippedLines ?? 0, this.spool.outOfOrder)
    const endedMs = Math.max(
      stopMs,
      Number.isFinite(this.spool.lastTimeMs) ? this.spool.lastTimeMs : stopMs
    )
    await this.spool.close()
    return finishTelemetry(this.report.layout, { endedMs })
  }

  /** Notes for output lines that were not readings or came out of order. */
  private noteSkipped(skippedLines: number, outOfOrder: number): void {
    const timeMs = Date.now()
    if (skippedLines > 0) {
      const message = `${skippedLines} line(s) of nvidia-smi output were not readings and were skipped (kept in raw/)`
      this.spool.event({ timeMs, event: 'note', message })
    }
    if (outOfOrder > 0) {
      const message = `${outOfOrder} reading(s) were not later than the one before them on the same device and were left out`
      this.spool.event({ timeMs, event: 'note', message })
    }
  }
}

/**
 * Saves the header facts and the exact commands (raw/commands.txt)
 * before sampling starts, so a killed sampler's spool can still be made
 * into telemetry; refuses a node with nothing to sample.
 */
async function recordPlan(
  layout: OutputLayout,
  facts: HeaderFacts,
  gpuProblem: string | undefined
): Promise<void> {
  if (facts.devices.length === 0) {
    const sources = [gpuProblem ?? 'no GPU', ...facts.sources].join('; ')
    throw new CollectError(`nothing to sample on ${facts.host}: ${sources}`)
  }
  await writeFile(layout.headerPath, JSON.stringify(facts))
  const commands = join(layout.rawDir, 'commands.txt')
  await writeFile(commands, `${facts.sources.join('\n')}\n`)
}

/** The plan's decisions, warnings and problem, as telemetry notes. */
function planNotes(plan: GpuPlan): string[] {
  const problem = plan.problem ? [`no GPU sampled: ${plan.problem}`] : []
  return [...plan.notes, ...plan.warnings, ...problem]
}

/** Throws when a stop was asked for before sampling began. */
function throwIfStopped(abort: AbortSignal | undefined): void {
  if (!abort?.aborted) return
  throw new CollectError(
    `stopped by ${String(abort.reason)} before sampling began; nothing was recorded`
  )
}

/** The GPU streams for a plan that has GPUs. */
function streamsFor(
  plan: GpuPlan,
  config: SamplerConfig,
  layout: OutputLayout,
  spool: SpoolWriter,
  log: CollectLog
): { gpu?: GpuStream; dcgmi?: DcgmiStream } {
  const { nvidiaSmiPath, dcgmiPath } = config.environment
  if (plan.devices.length === 0 || nvidiaSmiPath === undefined) return {}
  const common = {
    intervalMs: config.intervalMs,
    rawDir: layout.rawDir,
    sink: spool,
    log
  }
  const gpu = new GpuStream(plan, { ...common, nvidiaSmiPath })
  if (dcgmiPath === undefined) return { gpu }
  return { gpu, dcgmi: new DcgmiStream(plan, { ...common, dcgmiPath }) }
}

/** Everything the header will say, saved before sampling starts. */
function headerFacts(
  config: SamplerConfig,
  plan: GpuPlan,
  cpu: CpuSource,
  startedMs: number,
  parts: { gpu?: GpuStream; dcgmi?: DcgmiStream }
): HeaderFacts {
  const commands = [parts.gpu?.commandLine, parts.dcgmi?.commandLine]
  return {
    host: config.host,
    startedMs,
    intervalMs: config.intervalMs,
    driverVersion: plan.driverVersion,
    run: config.run,
    devices: [...plan.devices.map(gpuHeaderDevice), ...cpu.devices()],
    sources: [
      ...commands.filter(c => c !== undefined).map(c => c.join(' ')),
      cpu.description
    ]
  }
}

/** Waits for `promise`, `timeoutMs` or an abort, whichever comes first. */
export async function withTimeout(
  promise: Promise<void> | undefined,
  timeoutMs: number,
  abort?: AbortSignal
): Promise<void> {
  if (promise === undefined || abort?.aborted) return
  let timer: NodeJS.Timeout | undefined
  let cut = (): void => undefined
  const cutShort = new Promise<void>(resolve => {
    cut = resolve
    timer = setTimeout(resolve, timeoutMs)
    abort?.addEventListener('abort', cut, { once: true })
  })
  await Promise.race([promise, cutShort])
  clearTimeout(timer)
  abort?.removeEventListener('abort', cut)
}
