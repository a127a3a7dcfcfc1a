// The workloads bench/run.mjs compares, each run in its own Node process
// with the same heap ceiling, and how one run's figures are collected.
import { readFile, rm } from 'node:fs/promises'
import { join } from 'node:path'
import { runNode } from './run-node.mjs'

/** Each workload gets this heap ceiling, in MiB, so neither is starved. */
export const HEAP_LIMIT_MIB = 4096

/** In the order they run; `args` follow the log path. */
export const WORKLOADS = [
  {
    name: 'ecocompute',
    label: 'ecocompute audit (dist/cli.js)',
    script: 'bench/workload-ecocompute.mjs',
    args: ['bench/out/audit.json']
  },
  {
    name: 'baseline',
    label: 'baseline: csv-parse + trapezoid',
    script: 'bench/workload-baseline.mjs',
    args: []
  }
]

/**
 * Runs one workload once on the log and returns what it reported, with
 * `ok` false and an `error` when it failed.
 * @param {string} root
 * @param {(typeof WORKLOADS)[number]} workload
 * @param {string} logPath
 */
export async function runWorkload(root, workload, logPath) {
  const resultFile = join(root, 'bench/out', `result-${workload.name}.json`)
  await rm(resultFile, { force: true })
  const args = [
    `--max-old-space-size=${HEAP_LIMIT_MIB}`,
    workload.script,
    logPath
  ]
  const run = await runNode([...args, ...workload.args], {
    cwd: root,
    env: { BENCH_RESULT_FILE: resultFile }
  })
  const result = await readResult(resultFile)
  await rm(resultFile, { force: true })
  const ok = run.code === 0 && result?.exitCode === 0
  if (ok) return { ok, ...result }
  const error =
    result?.error ?? `exit code ${run.code}: ${run.stderrTail.trim()}`
  return { ok, ...result, error }
}

/**
 * The JSON line a workload wrote, or null if it wrote none.
 * @param {string} path
 */
async function readResult(path) {
  try {
    return JSON.parse(await readFile(path, 'utf8'))
  } catch {
    return null
  }
}
