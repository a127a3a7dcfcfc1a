import { spawn } from 'node:child_process'
import { readFileSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'

/** What one step of the sub-action left behind. */
export interface StepRun {
  code: number | null
  stdout: string
  outputs: Record<string, string>
  /** What core.saveState wrote, by name. */
  state: Record<string, string>
}

/**
 * Runs one bundled step (`dist/collect-main.js` or `dist/collect-post.js`)
 * the way a runner does: INPUT_* and GITHUB_* variables, output and state
 * files, nothing else in the environment. The post step is given the
 * state main saved as STATE_* variables. Asynchronous, so a mock service
 * in this process can answer it.
 */
export function runStep(
  bundle: 'collect-main' | 'collect-post',
  inputs: Record<string, string>,
  env: Record<string, string>,
  dir: string,
  state: Record<string, string> = {}
): Promise<StepRun> {
  const outputPath = join(dir, `${bundle}-output`)
  const statePath = join(dir, `${bundle}-state`)
  writeFileSync(outputPath, '')
  writeFileSync(statePath, '')
  const stepEnv: Record<string, string> = {
    ...env,
    GITHUB_OUTPUT: outputPath,
    GITHUB_STATE: statePath,
    RUNNER_TEMP: join(dir, 'runner-temp'),
    ...Object.fromEntries(
      Object.entries(inputs).map(([name, value]) => [
        `INPUT_${name.toUpperCase()}`,
        value
      ])
    ),
    ...Object.fromEntries(
      Object.entries(state).map(([name, value]) => [`STATE_${name}`, value])
    )
  }
  const child = spawn(process.execPath, [resolve(`dist/${bundle}.js`)], {
    env: stepEnv,
    stdio: ['ignore', 'pipe', 'pipe']
  })
  let stdout = ''
  child.stdout
    .setEncoding('utf8')
    .on('data', (text: string) => (stdout += text))
  child.stderr
    .setEncoding('utf8')
    .on('data', (text: string) => (stdout += text))
  return new Promise(done => {
    child.on('close', code => {
      done({
        code,
        stdout,
        outputs: readCommandFile(outputPath),
        state: readCommandFile(statePath)
      })
    })
  })
}

/** The runner's `name<<delimiter` file format, as a record. */
export function readCommandFile(path: string): Record<string, string> {
  const values: Record<string, string> = {}
  const pattern = /^(.+?)<<(.+)\n([\s\S]*?)\n\2$/gm
  for (const match of readFileSync(path, 'utf8').matchAll(pattern))
    values[match[1]!] = match[3]!
  return values
}

/** The environment of a job on a GitHub runner, for these tests. */
export function jobEnv(
  extra: Record<string, string> = {}
): Record<string, string> {
  return {
    GITHUB_WORKFLOW: 'GPU CI',
    GITHUB_JOB: 'train',
    GITHUB_RUN_ATTEMPT: '2',
    GITHUB_RUN_ID: '4242',
    GITHUB_SERVER_URL: 'https://github.com',
    RUNNER_NAME: 'gpu-runner-7',
    ...extra
  }
}
