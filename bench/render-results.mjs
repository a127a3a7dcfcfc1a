// The Markdown report of a benchmark run: machine, file, one row per
// workload, energy per GPU against the oracle, and the goal.
import { markdownTable } from 'markdown-table'
import { GOAL } from './summarize.mjs'
import { HEAP_LIMIT_MIB } from './workloads.mjs'

/**
 * @param {object} results what bench/run.mjs also writes as JSON
 * @returns {string}
 */
export function renderResults(results) {
  return [
    '## EcoCompute benchmark',
    '',
    ...describeSetup(results),
    '',
    workloadTable(results.workloads),
    '',
    'Energy per GPU, J (error relative to the oracle):',
    '',
    energyTable(results.oracle, results.workloads),
    '',
    describeGoal(results.goal),
    ...failures(results.workloads),
    ''
  ].join('\n')
}

/** Machine, file and how the workloads were run. */
function describeSetup({ machine, file, generation, repeat }) {
  return [
    `Machine: ${machine.cpuModel}, ${machine.cpuCount} CPUs, ` +
      `${fixed(machine.memoryGiB, 1)} GiB, ${machine.os}, Node ${machine.node}`,
    `${describeFile(file)}; ${describeGeneration(generation)}.`,
    describeMethod(repeat)
  ]
}

/** Path, size and content of the log. */
function describeFile({ path, bytes, rows, gpus, intervalMs, durationS }) {
  const size = `${bytes} bytes (${fixed(bytes / 2 ** 20, 1)} MiB)`
  const rate = `${1000 / intervalMs} Hz`
  const hours = `${fixed(durationS / 3600, 2)} h`
  return `File: \`${path}\`, ${size}, ${rows} rows, ${gpus} GPUs at ${rate} over ${hours}`
}

/** How fast the generator wrote the log, if it did in this run. */
function describeGeneration(generation) {
  if (generation === null) return 'reused from an earlier run'
  const speed = `${fixed(generation.mbPerS, 1)} MB/s`
  return `generated in ${fixed(generation.wallS, 1)} s (${speed})`
}

/** Processes, repeats and units. */
function describeMethod(repeat) {
  const runs = repeat > 1 ? `median of ${repeat} runs` : 'one run'
  return (
    `Each workload in its own \`node --max-old-space-size=${HEAP_LIMIT_MIB}\` ` +
    `process, one after the other; ${runs}. MB = 10^6 bytes; MiB = 2^20 bytes.`
  )
}

/** One row per workload. */
function workloadTable(workloads) {
  const header = [
    'Workload',
    'MB/s',
    'wall s',
    'CPU s',
    'peak RSS MiB',
    'max energy error'
  ]
  const rows = workloads.map(w =>
    w.ok
      ? [
          w.label,
          fixed(w.mbPerS, 1),
          fixed(w.wallS, 2),
          fixed(w.cpuS, 2),
          fixed(w.maxRssMiB, 1),
          relative(w.maxAbsRelError)
        ]
      : [w.label, 'failed', '', '', '', '']
  )
  return markdownTable([header, ...rows], {
    align: ['l', 'r', 'r', 'r', 'r', 'r']
  })
}

/** GPU by GPU: the oracle, then each workload's energy and error. */
function energyTable(oracle, workloads) {
  const done = workloads.filter(w => w.ok)
  const header = ['GPU', 'oracle', ...done.flatMap(w => [w.name, 'error'])]
  const rows = oracle.gpus.map((gpu, i) => [
    String(gpu.index),
    joules(gpu.energyJ),
    ...done.flatMap(w => energyCells(w.energy.gpus[i]))
  ])
  return markdownTable([header, ...rows], {
    align: header.map((_, i) => (i ? 'r' : 'l'))
  })
}

function energyCells(row) {
  return row.energyJ === null
    ? ['missing', '']
    : [joules(row.energyJ), relative(row.relError)]
}

/** The goal line for the ecocompute audit. */
function describeGoal(goal) {
  const target = `≥ ${GOAL.minMbPerS} MB/s and < ${GOAL.maxRssMB} MB peak RSS`
  const intro = `Goal for the ecocompute audit, ${target}:`
  if (goal === null) return `${intro} not measured, the audit failed.`
  const speed = `${fixed(goal.mbPerS, 1)} MB/s (${verdict(goal.throughputMet)})`
  const memory = `${fixed(goal.rssMB, 1)} MB peak RSS (${verdict(goal.memoryMet)})`
  return `${intro} ${speed}, ${memory}.`
}

/** @param {boolean} met */
function verdict(met) {
  return met ? 'met' : 'not met'
}

function failures(workloads) {
  return workloads
    .filter(w => !w.ok)
    .map(w => `\n**${w.label} failed:** ${w.error}`)
}

function fixed(value, digits) {
  return value.toFixed(digits)
}

function joules(value) {
  return value.toLocaleString('en-US', { maximumFractionDigits: 3 })
}

function relative(value) {
  if (!Number.isFinite(value)) return 'n/a'
  return value === 0 ? '0' : value.toExponential(1)
}
