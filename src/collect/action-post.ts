import * as core from '@actions/core'
import { existsSync } from 'node:fs'
import { readFile, readdir, rm, stat } from 'node:fs/promises'
import { join } from 'node:path'
import { uploadArtifact } from '../github/upload-artifact.js'
import { STATE_KEYS } from './action-main.js'
import { messageOf } from './collect-error.js'
import {
  type CollectActionConfig,
  readCollectInputs
} from './collect-inputs.js'
import { logTail, stopSampler } from './detached-sampler.js'
import { finishTelemetry } from './finish-telemetry.js'
import { type OutputLayout, layoutFor } from './output-layout.js'

/**
 * How long post waits for the sampler to stop and write: two intervals
 * and a second for the last GPU row, 5 s for the tools to exit, and the
 * rest for copying a long run's spool into the telemetry file.
 */
const STOP_TIMEOUT_MS = 120_000

/** How the sampler ended, in the log's words. */
const STOP_WORDS = {
  stopped: 'stopped',
  killed: 'did not stop in time and was killed',
  'not running': 'was no longer running'
} as const

/** Lines of the sampler's log shown in the post step's log group. */
const LOG_LINES_SHOWN = 200

/**
 * The sub-action's post step (always runs, also after a failure or a
 * cancellation): stops the sampler, makes sure the telemetry file is
 * written, and uploads it with the raw tool output as an artifact.
 */
export async function runCollectPost(): Promise<void> {
  try {
    const config = readCollectInputs()
    const pid = Number(core.getState(STATE_KEYS.pid))
    const folder = core.getState(STATE_KEYS.folder)
    const stem = core.getState(STATE_KEYS.stem)
    if (!(pid > 0) || folder === '' || stem === '') {
      core.info('No sampler to stop: the main step did not start one')
      return
    }
    const layout = layoutFor(folder, stem)
    const ended = await stopSampler(pid, layout.configPath, STOP_TIMEOUT_MS)
    const ranS =
      (Date.now() - Number(core.getState(STATE_KEYS.startedMs))) / 1000
    core.info(
      `Sampler (pid ${pid}, started ${ranS.toFixed(1)} s ago) ${STOP_WORDS[ended]}`
    )
    const telemetry = await settleTelemetry(layout)
    await showLog(layout)
    if (telemetry === undefined)
      return fail(
        config,
        `no telemetry was written (${logTail(layout.logPath)})`
      )
    core.info(`Telemetry: ${telemetry} (${(await stat(telemetry)).size} bytes)`)
    await upload(config, layout, telemetry)
  } catch (error) {
    core.setFailed(messageOf(error))
  }
}

/** The telemetry file; written here from the spool if the sampler could not. */
async function settleTelemetry(
  layout: OutputLayout
): Promise<string | undefined> {
  if (existsSync(layout.telemetryPath)) return layout.telemetryPath
  if (!existsSync(layout.headerPath)) return undefined
  core.warning(
    'the sampler did not finish the telemetry itself; written from what it had recorded'
  )
  return (await finishTelemetry(layout, undefined)).path
}

/** Uploads the telemetry and raw/ unless `upload: false`. */
async function upload(
  config: CollectActionConfig,
  layout: OutputLayout,
  telemetry: string
): Promise<void> {
  if (!config.upload)
    return core.info('upload: false, so the telemetry stays on the runner')
  const raw = existsSync(layout.rawDir)
    ? (await readdir(layout.rawDir)).map(name => join(layout.rawDir, name))
    : []
  const outcome = await uploadArtifact({
    name: config.artifactName,
    files: [telemetry, ...raw],
    rootDirectory: layout.outDir,
    retentionDays: config.retentionDays
  })
  if (outcome.uploaded) {
    core.info(
      `Uploaded artifact ${config.artifactName} (id ${outcome.id}, ${outcome.size} bytes)`
    )
    return
  }
  fail(
    config,
    `the telemetry artifact ${config.artifactName} was not uploaded: ${outcome.reason}; the file stays at ${telemetry}`
  )
}

/** The sampler's log in a collapsed group; the hidden work files removed. */
async function showLog(layout: OutputLayout): Promise<void> {
  const log = existsSync(join(layout.rawDir, 'sampler.log'))
    ? join(layout.rawDir, 'sampler.log')
    : layout.logPath
  if (existsSync(log)) {
    const lines = (await readFile(log, 'utf8')).trimEnd().split('\n')
    core.startGroup('Sampler log')
    core.info(lines.slice(-LOG_LINES_SHOWN).join('\n'))
    core.endGroup()
  }
  await Promise.all(
    [layout.configPath, layout.statusPath].map(path =>
      rm(path, { force: true })
    )
  )
}

/** A failure when `required: true`, else a warning. */
function fail(config: CollectActionConfig, message: string): void {
  if (config.required) core.setFailed(message)
  else core.warning(message)
}
