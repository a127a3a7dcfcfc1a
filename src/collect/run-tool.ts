import { execFile } from 'node:child_process'

/** What a short tool run printed and how it ended. */
export interface ToolRun {
  /** Exit code; null when it could not start or was killed. */
  code: number | null
  stdout: string
  stderr: string
  /** Why it did not run or finish (ENOENT, timeout…). */
  failure?: string
}

/**
 * A one-shot query (`nvidia-smi --query-gpu=… --format=csv`) should
 * answer in well under this; NVML initialisation without persistence
 * mode takes seconds per GPU on a cold driver (NVIDIA, "Driver
 * Persistence", docs.nvidia.com/deploy/driver-persistence).
 */
export const QUERY_TIMEOUT_MS = 60_000

/** Output kept from a one-shot query; 8 GPUs print a few KiB. */
const MAX_OUTPUT_BYTES = 4 * 1024 * 1024

/**
 * Runs `path args` to completion and never throws: a tool that is
 * missing, hangs or fails comes back with its exit code and output.
 * `TZ=UTC` makes nvidia-smi print its offset-less timestamps in UTC.
 */
export function runTool(
  path: string,
  args: readonly string[],
  timeoutMs = QUERY_TIMEOUT_MS
): Promise<ToolRun> {
  return new Promise(resolve => {
    const options = {
      timeout: timeoutMs,
      maxBuffer: MAX_OUTPUT_BYTES,
      env: { ...process.env, TZ: 'UTC' },
      encoding: 'utf8' as const
    }
    execFile(path, [...args], options, (error, stdout, stderr) => {
      if (error === null) return resolve({ code: 0, stdout, stderr })
      const code = typeof error.code === 'number' ? error.code : null
      const failure = error.killed
        ? `no answer within ${timeoutMs / 1000} s`
        : code === null
          ? error.message
          : undefined
      resolve({ code, stdout, stderr, ...(failure ? { failure } : {}) })
    })
  })
}

/** The first non-blank line a tool printed, for messages. */
export function firstLine(run: ToolRun): string {
  const text = `${run.stdout}\n${run.stderr}`
  const line = text.split('\n').find(l => l.trim() !== '')
  return line?.trim().slice(0, 300) ?? run.failure ?? '(no output)'
}
