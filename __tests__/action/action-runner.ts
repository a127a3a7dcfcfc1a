import { execFile } from 'node:child_process'
import { readFileSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { promisify } from 'node:util'
import { MOCK_TOKEN } from '../github/mock-github-server.js'

/**
 * Runs the bundled action (`dist/index.js`) the way a runner does:
 * INPUT_* and GITHUB_* variables, an event payload file, output and
 * summary files, in a child process whose environment holds nothing else.
 */
const execFileAsync = promisify(execFile)

export const REPO = 'acme/trainer'
export const HEAD_SHA = 'a'.repeat(40)
export const BASE_SHA = 'b'.repeat(40)

/** What one run of the action left behind. */
export interface ActionRun {
  code: number
  stdout: string
  outputs: Record<string, string>
  summary: string
}

/** Where and how to run it. */
export interface RunSettings {
  /** Folder for the payload, outputs, summary and RUNNER_TEMP. */
  dir: string
  apiUrl: string
  event?: { name: string; payload: object }
  /** Extra environment: the artifact service's, a run attempt… */
  env?: Record<string, string>
  /** The step's working directory and GITHUB_WORKSPACE; default this repository. */
  workspace?: string
}

/** A pull_request payload; `headRepo` differs from REPO for a fork. */
export function pullRequestEvent(headRepo = REPO): object {
  return {
    pull_request: {
      number: 7,
      head: { sha: HEAD_SHA, repo: { full_name: headRepo } },
      base: { sha: BASE_SHA, ref: 'main' }
    }
  }
}

/** Runs dist/index.js once; returns exit code, stdout and the outputs. */
export async function runAction(
  inputs: Record<string, string>,
  settings: RunSettings
): Promise<ActionRun> {
  const { dir } = settings
  const event = settings.event ?? {
    name: 'pull_request',
    payload: pullRequestEvent()
  }
  const id = `${Date.now()}-${Math.random().toString(36).slice(2, 8)}`
  const eventPath = join(dir, `event-${id}.json`)
  const outputPath = join(dir, `output-${id}`)
  const summaryPath = join(dir, `summary-${id}`)
  writeFileSync(eventPath, JSON.stringify(event.payload))
  writeFileSync(outputPath, '')
  writeFileSync(summaryPath, '')
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    GITHUB_EVENT_NAME: event.name,
    GITHUB_EVENT_PATH: eventPath,
    GITHUB_REPOSITORY: REPO,
    GITHUB_API_URL: settings.apiUrl,
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_RUN_ID: '1001',
    GITHUB_RUN_ATTEMPT: '1',
    GITHUB_WORKFLOW: 'ci',
    GITHUB_JOB: 'audit',
    GITHUB_SHA: 'c'.repeat(40),
    GITHUB_OUTPUT: outputPath,
    GITHUB_STEP_SUMMARY: summaryPath,
    RUNNER_TEMP: dir,
    GITHUB_WORKSPACE: settings.workspace ?? process.cwd(),
    'INPUT_GITHUB-TOKEN': MOCK_TOKEN,
    ...settings.env
  }
  for (const [name, value] of Object.entries(inputs))
    env[`INPUT_${name.toUpperCase()}`] = value
  const { code, stdout } = await execFileAsync(
    process.execPath,
    [resolve('dist/index.js')],
    { env, cwd: settings.workspace ?? process.cwd() }
  ).then(
    done => ({ code: 0, stdout: done.stdout }),
    (error: { code: number; stdout: string }) => ({
      code: error.code,
      stdout: error.stdout
    })
  )
  return {
    code,
    stdout,
    outputs: readOutputs(readFileSync(outputPath, 'utf8')),
    summary: readFileSync(summaryPath, 'utf8')
  }
}

/** The runner's `name<<delimiter` output file, parsed. */
function readOutputs(text: string): Record<string, string> {
  const outputs: Record<string, string> = {}
  for (const match of text.matchAll(/^(.+?)<<(.+)\n([\s\S]*?)\n\2$/gm))
    outputs[match[1]!] = match[3]!
  return outputs
}
