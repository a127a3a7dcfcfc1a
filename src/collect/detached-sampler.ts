import { spawn } from 'node:child_process'
import { closeSync, openSync, readFileSync } from 'node:fs'
import { readFile, rename, writeFile } from 'node:fs/promises'
import { setTimeout as sleep } from 'node:timers/promises'
import type { SamplerConfig } from './collect-config.js'
import type { OutputLayout } from './output-layout.js'

/** What the detached sampler says once it has started (or failed to). */
export type SamplerStatus =
  | {
      state: 'ready'
      gpuNames: string[]
      gpuProblem?: string
      /** What the main step shows as warnings (a refused field…). */
      warnings?: string[]
      cpu: string
    }
  | { state: 'failed'; error: string }

/** What the sampler process is handed in its config file. */
export interface DetachedSamplerConfig {
  sampler: SamplerConfig
  stem: string
}

/** How often the action's steps look at the sampler's status or process. */
const POLL_MS = 100

/**
 * Starts `node <script> <config>` in its own session, detached from the
 * step, so it keeps sampling after the main step returns; its output
 * goes to a log file. Returns its pid.
 */
export async function launchSampler(
  script: string,
  config: SamplerConfig,
  layout: OutputLayout
): Promise<number> {
  const handed: DetachedSamplerConfig = { sampler: config, stem: layout.stem }
  await writeFile(layout.configPath, JSON.stringify(handed))
  const log = openSync(layout.logPath, 'a')
  try {
    const child = spawn(process.execPath, [script, layout.configPath], {
      detached: true,
      stdio: ['ignore', log, log]
    })
    child.unref()
    if (child.pid === undefined) throw new Error(`cannot start ${script}`)
    return child.pid
  } finally {
    closeSync(log)
  }
}

/** Writes the status file the main step waits for. */
export async function writeStatus(
  layout: OutputLayout,
  status: SamplerStatus
): Promise<void> {
  await writeFile(`${layout.statusPath}.tmp`, JSON.stringify(status))
  await rename(`${layout.statusPath}.tmp`, layout.statusPath)
}

/**
 * Waits for the sampler's status: ready, failed, exited without one
 * (the end of its log says why), or still starting after `timeoutMs`
 * (undefined: it carries on).
 */
export async function waitForStatus(
  layout: OutputLayout,
  pid: number,
  timeoutMs: number
): Promise<SamplerStatus | undefined> {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    const status = await readStatus(layout.statusPath)
    if (status !== undefined) return status
    if (!isAlive(pid))
      return {
        state: 'failed',
        error: `the sampler exited while starting: ${logTail(layout.logPath)}`
      }
    await sleep(POLL_MS)
  }
  return undefined
}

/**
 * Stops the sampler: SIGTERM, then waits for it to write the telemetry
 * and exit; SIGKILL after `timeoutMs`. A pid that is no longer our
 * sampler (it exited and the number was reused) is never signalled.
 */
export async function stopSampler(
  pid: number,
  configPath: string,
  timeoutMs: number
): Promise<'stopped' | 'not running' | 'killed'> {
  if (!isOurSampler(pid, configPath)) return 'not running'
  process.kill(pid, 'SIGTERM')
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    if (!isAlive(pid)) return 'stopped'
    await sleep(POLL_MS)
  }
  if (isOurSampler(pid, configPath)) process.kill(pid, 'SIGKILL')
  return 'killed'
}

/** True when `pid` runs and its command line names our config file. */
function isOurSampler(pid: number, configPath: string): boolean {
  try {
    const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8')
    return isAlive(pid) && cmdline.split('\0').includes(configPath)
  } catch {
    return false
  }
}

/** True while `pid` exists and is not a zombie waiting to be reaped. */
function isAlive(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
    // proc(5): the state letter follows the command name in parentheses.
    return (
      stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z'
    )
  } catch {
    return false
  }
}

/** The status file, undefined until it has been written. */
async function readStatus(path: string): Promise<SamplerStatus | undefined> {
  try {
    return JSON.parse(await readFile(path, 'utf8')) as SamplerStatus
  } catch {
    return undefined
  }
}

/** The last lines of the sampler's log, for a message. */
export function logTail(path: string): string {
  try {
    const lines = readFileSync(path, 'utf8').trim().split('\n')
    return lines.slice(-3).join(' | ').slice(0, 600) || '(its log is empty)'
  } catch {
    return '(no log)'
  }
}
