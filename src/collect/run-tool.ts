import { type ChildProcess, spawn } from 'node:child_process'

/** What a short tool run printed and how it ended. */
export interface ToolRun {
  /** Exit code; null when it could not start, was killed or gave up on. */
  code: number | null
  stdout: string
  stderr: string
  /** Why it did not run or finish (ENOENT, a signal, told to stop…). */
  failure?: string
  /** Set when it gave no answer within the time allowed. */
  timedOutMs?: number
}

/** One query of a tool whose path is already known. */
export type ToolQuery = (args: readonly string[]) => Promise<ToolRun>

/**
 * How long a one-shot query (the GPU listing, the field trials, the
 * first rows) may take before sampling goes on without it. A driver
 * that no client holds open wakes up in 1–3 s per GPU (NVIDIA, "Driver
 * Persistence", Overview: ECC scrubbing at start-up); a hung driver
 * never answers, and the measured command should wait seconds for it,
 * not minutes.
 */
export const QUERY_TIMEOUT_MS = 10_000

/** Output kept from a one-shot query; 8 GPUs print a few KiB. */
const MAX_OUTPUT_CHARS = 4 * 1024 * 1024

/** How long a query may run, and a signal that stops it early. */
export interface RunOptions {
  timeoutMs?: number
  abort?: AbortSignal
}

/**
 * Runs `path args` to completion and never throws: a tool that is
 * missing, fails, hangs or is stopped comes back with its exit code and
 * output. It runs in its own process group, so a timeout or a stop
 * kills it and anything it started, and the answer comes at once even
 * when a hung child keeps its pipes open. `TZ=UTC` makes nvidia-smi
 * print its offset-less timestamps in UTC.
 */
export function runTool(
  path: string,
  args: readonly string[],
  { timeoutMs = QUERY_TIMEOUT_MS, abort }: RunOptions = {}
): Promise<ToolRun> {
  if (abort?.aborted)
    return Promise.resolve(stoppedRun('', '', 'told to stop first'))
  const child = spawn(path, [...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, TZ: 'UTC' },
    detached: true
  })
  const output = { stdout: '', stderr: '' }
  for (const name of ['stdout', 'stderr'] as const)
    child[name].setEncoding('utf8').on('data', (text: string) => {
      if (output[name].length < MAX_OUTPUT_CHARS) output[name] += text
    })
  return new Promise(resolve => {
    const settle = (run: ToolRun): void => {
      clearTimeout(timer)
      abort?.removeEventListener('abort', onAbort)
      resolve(run)
    }
    const giveUp = (run: ToolRun): void => {
      killGroup(child)
      settle(run)
    }
    const onAbort = (): void =>
      giveUp(stoppedRun(output.stdout, output.stderr, 'told to stop'))
    const timer = setTimeout(
      () => giveUp({ code: null, ...output, timedOutMs: timeoutMs }),
      timeoutMs
    )
    abort?.addEventListener('abort', onAbort, { once: true })
    child.on('error', error =>
      settle({ code: null, ...output, failure: error.message })
    )
    child.on('close', (code, signal) =>
      settle(
        code === null
          ? { code, ...output, failure: `ended by ${signal ?? 'a signal'}` }
          : { code, ...output }
      )
    )
  })
}

/** A query that `runTool` with this path and options answers. */
export function toolQuery(path: string, options: RunOptions = {}): ToolQuery {
  return args => runTool(path, args, options)
}

/** A run ended because the collector was told to stop. */
function stoppedRun(stdout: string, stderr: string, why: string): ToolRun {
  return { code: null, stdout, stderr, failure: why }
}

/**
 * SIGKILL to the tool's process group (a one-shot query has nothing to
 * flush), and its pipes closed, so nothing of it keeps this process up.
 */
function killGroup(child: ChildProcess): void {
  try {
    if (child.pid !== undefined) process.kill(-child.pid, 'SIGKILL')
  } catch {
    // Already gone.
  }
  child.stdout?.destroy()
  child.stderr?.destroy()
  child.unref()
}

/** The first non-blank line a tool printed, for messages. */
export function firstLine(run: ToolRun): string {
  const text = `${run.stdout}\n${run.stderr}`
  const line = text.split('\n').find(l => l.trim() !== '')
  return line?.trim().slice(0, 300) ?? run.failure ?? '(no output)'
}
