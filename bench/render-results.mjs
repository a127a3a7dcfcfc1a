// The Markdown report of a benchmark run: machine, file, one row per
// workload, energy per GPU against the oracle, and the goal.
import { markdownTable } from 'markdown-table'

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
  const made = generation
    ? `generated in ${fixed(generation.wallS, 1)} s (${fixed(generation.mbPerS, 1)} MB/s)`
    : 'reused from an earlier run'
  return [
    `Machine: ${machine.cpuModel}, ${machine.cpuCount} CPUs, ` +
      `${fixed(machine.memoryGiB, 1)} GiB, ${machine.os}, Node ${machine.node}`,
    `File: \`${file.path}\`, ${file.bytes} bytes (${fixed(file.bytes / 2 ** 20, 1)} MiB), ` +
      `${file.rows} rows, ${file.gpus} GPUs at 10 Hz over ${fixed(file.durationS / 3600, 2)} h; ${made}`,
    `Each workload in its own \`node --max-old-space-size=4096\` process, one after the other; ` +
      `${repeat > 1 ? `median of ${repeat} runs` : 'one run'}. MB = 10^6 bytes; MiB = 2^20 bytes.`
  ]
}

/** One row per workload. */
function workloadTable(workloads) {
  const header = ['Workload', 'MB/s', 'wall s', 'CPU s', 'peak RSS MiB', 'max energy error']
  const rows = workloads.map(w =>
    w.ok
      ? [w.label, fixed(w.mbPerS, 1), fixed(w.wallS, 2), fixed(w.cpuS, 2), fixed(w.maxRssMiB, 1), relative(w.maxAbsRelError)]
      : [w.label, 'failed', '', '', '', '']
  )
  return markdownTable([header, ...rows], { align: ['l', 'r', 'r', 'r', 'r', 'r'] })
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
  return markdownTable([header, ...rows], { align: header.map((_, i) => (i ? 'r' : 'l')) })
}

function energyCells(row) {
  return row.energyJ === null ? ['missing', ''] : [joules(row.energyJ), relative(row.relError)]
}

/** The goal line for the ecocompute audit. */
function describeGoal(goal) {
  if (goal === null) return 'Goal (≥ 200 MB/s, < 200 MB peak RSS): not measured, the audit failed.'
  const speed = `${fixed(goal.mbPerS, 1)} MB/s (${goal.throughputMet ? 'met' : 'not met'})`
  const memory = `${fixed(goal.rssMB, 1)} MB peak RSS (${goal.memoryMet ? 'met' : 'not met'})`
  return `Goal for the ecocompute audit, ≥ ${goal.minMbPerS} MB/s and < ${goal.maxRssMB} MB peak RSS: ${speed}, ${memory}.`
}

function failures(workloads) {
  return workloads.filter(w => !w.ok).map(w => `\n**${w.label} failed:** ${w.error}`)
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
