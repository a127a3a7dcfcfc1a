import * as core from '@actions/core'
import { dirname, join } from 'node:path'
import { messageOf } from './collect-error.js'
import {
  type CollectActionConfig,
  readCollectInputs
} from './collect-inputs.js'
import {
  type SamplerStatus,
  launchSampler,
  waitForStatus
} from './detached-sampler.js'
import { claimOutput } from './output-layout.js'
import { QUERY_TIMEOUT_MS } from './run-tool.js'

/** Names under which main hands post what it started. */
export const STATE_KEYS = {
  pid: 'sampler-pid',
  folder: 'folder',
  stem: 'stem',
  startedMs: 'started-ms'
} as const

/**
 * How long main waits for the sampler's first readings: at most six
 * nvidia-smi waits one after another (the listing, the MIG listing, the
 * power-field trials, the extra fields together and one by one, the
 * first rows), each cut at QUERY_TIMEOUT_MS, and as long again for the
 * process to start on a loaded runner; past that sampling carries on
 * without main.
 */
const READY_TIMEOUT_MS = 12 * QUERY_TIMEOUT_MS

/**
 * The sub-action's main step: starts a detached sampler and returns once
 * it has its first readings; the post step stops it. The only place
 * (with post) that calls setFailed.
 */
export async function runCollectMain(): Promise<void> {
  try {
    const config = readCollectInputs()
    const { environment } = config.sampler
    if (environment.platform !== 'linux') {
      const message = `collect samples Linux hosts only (nvidia-smi, /sys/class/powercap, /proc); this runner is ${environment.platform}: no telemetry`
      return config.required ? core.setFailed(message) : core.warning(message)
    }
    const layout = await claimOutput(
      config.sampler.outDir,
      config.sampler.name,
      config.sampler.host
    )
    const script = join(dirname(process.argv[1] ?? '.'), 'collect-sampler.js')
    const pid = await launchSampler(script, config.sampler, layout)
    core.saveState(STATE_KEYS.pid, String(pid))
    core.saveState(STATE_KEYS.folder, layout.outDir)
    core.saveState(STATE_KEYS.stem, layout.stem)
    core.saveState(STATE_KEYS.startedMs, String(Date.now()))
    core.setOutput('telemetry-dir', layout.outDir)
    core.setOutput('telemetry-path', layout.telemetryPath)
    core.setOutput('artifact-name', config.upload ? config.artifactName : '')
    core.info(
      `Sampling every ${config.sampler.intervalMs} ms on ${config.sampler.host} (sampler pid ${pid}) into ${layout.telemetryPath}`
    )
    reportStatus(await waitForStatus(layout, pid, READY_TIMEOUT_MS), config)
  } catch (error) {
    core.setFailed(messageOf(error))
  }
}

/** Says what the sampler found; fails only when `required` asks it to. */
function reportStatus(
  status: SamplerStatus | undefined,
  config: CollectActionConfig
): void {
  if (status === undefined) {
    core.warning(
      `the sampler has no first reading after ${READY_TIMEOUT_MS / 1000} s; it carries on and the post step collects what it gets`
    )
    return
  }
  if (status.state === 'failed') {
    const message = `no telemetry: the sampler could not start: ${status.error}`
    return config.required ? core.setFailed(message) : core.warning(message)
  }
  for (const gpu of status.gpuNames) core.info(`GPU ${gpu}`)
  core.info(`CPU: ${status.cpu}`)
  for (const warning of status.warnings ?? []) core.warning(warning)
  if (status.gpuProblem === undefined) return
  const message = `no GPU telemetry: ${status.gpuProblem}; recording the CPU only`
  if (config.required) core.setFailed(`${message} (required: true)`)
  else core.warning(message)
}
