import { existsSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { messageOf } from './collect-error.js'
import { type CollectLog, streamLog } from './collect-log.js'
import { type DetachedSamplerConfig, writeStatus } from './detached-sampler.js'
import { layoutFor } from './output-layout.js'
import { Sampler } from './sampler.js'

/**
 * A sampler that outlives its job is stopped anyway after 5 days and an
 * hour: the longest a job may run on a self-hosted runner is 5 days
 * (GitHub Actions usage limits, "Job execution time").
 */
const MAX_LIFETIME_MS = (5 * 24 + 1) * 3600 * 1000

/** How often the sampler checks that its work folder still exists. */
const FOLDER_CHECK_MS = 10_000

/**
 * The detached sampler (dist/collect-sampler.js): starts sampling, says
 * it is ready, samples until SIGTERM or SIGINT (the post step), then
 * writes the telemetry and exits.
 */
export async function runSamplerProcess(
  configPath: string | undefined
): Promise<number> {
  const log = streamLog(
    text => void process.stdout.write(`${new Date().toISOString()} ${text}`),
    true
  )
  if (configPath === undefined) {
    log.warning(
      'usage: collect-sampler.js CONFIG.json (started by the collect action)'
    )
    return 2
  }
  const { sampler: config, stem } = JSON.parse(
    await readFile(configPath, 'utf8')
  ) as DetachedSamplerConfig
  const layout = layoutFor(config.outDir, stem)
  process.on('SIGHUP', () =>
    log.info('SIGHUP ignored: sampling goes on until the post step')
  )
  const stopping = new AbortController()
  const stopRequested = untilStopped(log, layout.spoolDir, stopping)
  let sampler: Sampler
  try {
    // A `gpus` id that names no GPU is the action's warning (its failure
    // with required: true), with CPU telemetry, not a dead sampler.
    sampler = await Sampler.start(config, log, {
      claimed: layout,
      abort: stopping.signal,
      unknownGpus: 'cpu-only'
    })
  } catch (error) {
    await writeStatus(layout, { state: 'failed', error: messageOf(error) })
    return 1
  }
  const { gpuNames, gpuProblem, cpu, warnings } = sampler.report
  await writeStatus(layout, {
    state: 'ready',
    gpuNames,
    cpu,
    warnings,
    ...(gpuProblem ? { gpuProblem } : {})
  })
  await stopRequested
  try {
    const done = await sampler.stop()
    log.info(`telemetry: ${done.path} (${done.samples} samples)`)
    return 0
  } catch (error) {
    log.warning(`cannot write the telemetry: ${messageOf(error)}`)
    return 1
  }
}

/**
 * Resolves on SIGTERM or SIGINT, when the lifetime runs out, or when the
 * work folder is gone (the runner cleaned up without a post step): a
 * sampler never outlives its job for long. Aborts `stopping` too, so a
 * stop during start-up cuts the start short.
 */
function untilStopped(
  log: CollectLog,
  spoolDir: string,
  stopping: AbortController
): Promise<void> {
  return new Promise(resolve => {
    const stop = (why: string): void => {
      log.info(`${why}: stopping`)
      clearTimeout(lifetime)
      clearInterval(folderCheck)
      stopping.abort(why)
      resolve()
    }
    const lifetime = setTimeout(
      () => stop('no post step came within 5 days and an hour'),
      MAX_LIFETIME_MS
    )
    lifetime.unref()
    // Without its folder there is nothing to write to: exit at once.
    const folderCheck = setInterval(() => {
      if (existsSync(spoolDir)) return
      log.warning(`${spoolDir} is gone: exiting`)
      process.exit(1)
    }, FOLDER_CHECK_MS)
    folderCheck.unref()
    for (const signal of ['SIGTERM', 'SIGINT'] as const) {
      process.once(signal, () => stop(signal))
    }
  })
}
