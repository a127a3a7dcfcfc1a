// Runs a Node script in a child process and collects its stdout and the
// end of its stderr, for bench/run.mjs.
import { spawn } from 'node:child_process'
import { performance } from 'node:perf_hooks'

/** Kept from a child's stderr, to explain a failure. */
const STDERR_TAIL_CHARS = 4000

/**
 * Runs `node ...args` in `cwd` and waits for it to end.
 * @param {string[]} args
 * @param {{ cwd: string, env?: Record<string, string> }} options
 * @returns {Promise<{ code: number, stdout: string, stderrTail: string, wallS: number }>}
 */
export function runNode(args, { cwd, env = {} }) {
  const startMs = performance.now()
  const child = spawn(process.execPath, args, {
    cwd,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe']
  })
  let stdout = ''
  let stderrTail = ''
  child.stdout.setEncoding('utf8').on('data', text => (stdout += text))
  child.stderr.setEncoding('utf8').on('data', text => {
    stderrTail = (stderrTail + text).slice(-STDERR_TAIL_CHARS)
  })
  return new Promise((resolve, reject) => {
    child.on('error', reject)
    child.on('close', (code, signal) => {
      const wallS = (performance.now() - startMs) / 1000
      resolve({ code: code ?? signalCode(signal), stdout, stderrTail, wallS })
    })
  })
}

/** Exit code a shell would show for a signal (137 for SIGKILL). */
function signalCode(signal) {
  const numbers = { SIGKILL: 9, SIGTERM: 15, SIGABRT: 6, SIGSEGV: 11 }
  return 128 + (numbers[signal] ?? 0)
}
