// The collector's own cost: CPU time per wall second and peak memory of
// `collect` at 100 ms and 1 s against the tests' fake nvidia-smi (8 GPUs),
// side by side with an idle Node process and a naive process-per-sample
// loop, each in its own child process, one after the other.
//
//   npm run bench:sampler -- [--seconds N]     (also run by npm run bench)
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { markdownTable } from 'markdown-table'
import {
  fakeNodeEnv,
  measureWorkload,
  samplerWorkloads
} from './sampler-workloads.mjs'

/**
 * Seconds each workload runs; the first 1.5 s (start-up) and the last
 * 3.5 s (the collector's last row and file) are not counted.
 */
const DEFAULT_SECONDS = 15

/**
 * Runs every workload once and returns their figures.
 * @param {string} root
 * @param {number} seconds
 */
export async function runSamplerBench(root, seconds = DEFAULT_SECONDS) {
  const work = mkdtempSync(join(tmpdir(), 'eco-sampler-bench-'))
  try {
    const env = fakeNodeEnv(root, work)
    const results = []
    for (const workload of samplerWorkloads(root, work, seconds)) {
      process.stderr.write(`bench: ${workload.name}… `)
      const result = await measureWorkload(workload, env)
      process.stderr.write(
        result.ok ? `${result.ownCpuPerS.toFixed(4)} CPU s/s\n` : 'failed\n'
      )
      results.push(result)
    }
    return { seconds, gpus: 8, workloads: results }
  } finally {
    rmSync(work, { recursive: true, force: true })
  }
}

/**
 * The Markdown section for the report.
 * @param {{ seconds: number, gpus: number, workloads: object[] }} bench
 */
export function renderSamplerBench(bench) {
  const rows = bench.workloads.map(w =>
    w.ok
      ? [
          w.label,
          w.ownCpuPerS.toFixed(4),
          w.childrenCpuPerS.toFixed(4),
          w.peakRssMiB.toFixed(1)
        ]
      : [w.label, 'failed', '', '']
  )
  return [
    '## Collector overhead',
    '',
    `Each workload runs ${bench.seconds} s on a fake ${bench.gpus}-GPU node (the tests' fake nvidia-smi, a Node script); CPU is user + system seconds per wall second over the steady state (without the first 1.5 s of start-up and the last 3.5 s, where collect waits for a last row and writes its file), read from /proc every 100 ms. "Children" are the processes it started: the fake nvidia-smi and sleep for collect, one fake nvidia-smi per sample for the naive loop, so that column measures the fake, not the real tool.`,
    '',
    markdownTable([
      ['Workload', 'own CPU s/s', 'children CPU s/s', 'peak RSS MiB'],
      ...rows
    ]),
    ...bench.workloads
      .filter(w => !w.ok)
      .map(w => `\n${w.name} failed: ${w.error}`),
    ''
  ].join('\n')
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({
    options: { seconds: { type: 'string', default: String(DEFAULT_SECONDS) } }
  })
  const root = fileURLToPath(new URL('..', import.meta.url))
  const bench = await runSamplerBench(root, Number(values.seconds))
  process.stdout.write(renderSamplerBench(bench))
  process.exitCode = bench.workloads.every(w => w.ok) ? 0 : 1
}
