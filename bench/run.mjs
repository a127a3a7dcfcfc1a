// `npm run bench`: audits a generated 1 GiB nvidia-smi log with the built
// CLI and with a plain csv-parse baseline, each in its own process, and
// prints the figures side by side (also in bench/out/results.json); then
// the collector's own CPU and memory cost (bench/sampler-bench.mjs).
//
//   npm run bench -- [--bytes N] [--repeat N] [--keep] [--seed N]
import { existsSync } from 'node:fs'
import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { readBenchArgs } from './bench-args.mjs'
import { describeMachine } from './machine.mjs'
import { renderResults } from './render-results.mjs'
import { checkGoal, summarizeWorkload } from './summarize.mjs'
import { ensureLog, removeLog } from './telemetry-log.mjs'
import { runWorkload, WORKLOADS } from './workloads.mjs'
import { renderSamplerBench, runSamplerBench } from './sampler-bench.mjs'

const ROOT = fileURLToPath(new URL('..', import.meta.url))

/** Runs the benchmark and returns the exit code. */
async function main() {
  if (!existsSync(join(ROOT, 'dist/cli.js'))) {
    process.stderr.write(
      'bench: dist/cli.js is missing; run `npm run build` first.\n'
    )
    return 1
  }
  const flags = readBenchArgs(process.argv.slice(2))
  const log = await ensureLog(ROOT, flags)
  const runs = await runAll(log.path, flags.repeat)
  const workloads = WORKLOADS.map(w =>
    summarizeWorkload(w, runs.get(w.name), log.oracle)
  )
  const results = {
    machine: describeMachine(),
    file: describeFile(log),
    generation: log.generation,
    repeat: flags.repeat,
    workloads,
    goal: checkGoal(workloads.find(w => w.name === 'ecocompute')),
    oracle: log.oracle
  }
  process.stdout.write(renderResults(results))
  results.sampler = await runSamplerBench(ROOT)
  process.stdout.write(`\n${renderSamplerBench(results.sampler)}`)
  await writeFile(
    join(ROOT, 'bench/out/results.json'),
    `${JSON.stringify(results, null, 2)}\n`
  )
  if (!flags.keep) await removeLog(ROOT)
  const samplerOk = results.sampler.workloads.every(w => w.ok)
  return workloads.every(w => w.ok) && samplerOk ? 0 : 1
}

/**
 * Runs every workload `repeat` times, taking turns, one process at a time.
 * @param {string} logPath
 * @param {number} repeat
 */
async function runAll(logPath, repeat) {
  const runs = new Map(WORKLOADS.map(w => [w.name, []]))
  for (let round = 1; round <= repeat; round++) {
    for (const workload of WORKLOADS) {
      process.stderr.write(`bench: ${workload.name} run ${round}/${repeat}… `)
      const result = await runWorkload(ROOT, workload, logPath)
      process.stderr.write(
        result.ok ? `${result.wallS.toFixed(2)} s\n` : 'failed\n'
      )
      runs.get(workload.name).push(result)
    }
  }
  return runs
}

/** The log as the report describes it. */
function describeFile({ path, oracle }) {
  const { fileBytes, rows, gpus, intervalMs, durationS } = oracle
  const count = gpus.length
  return { path, bytes: fileBytes, rows, gpus: count, intervalMs, durationS }
}

try {
  process.exitCode = await main()
} catch (error) {
  process.stderr.write(
    `bench: ${error instanceof Error ? error.message : String(error)}\n`
  )
  process.exitCode = 1
}
