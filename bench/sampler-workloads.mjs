// The sampler benchmark's workloads, each in its own child process, and
// how their CPU time and memory are read from /proc while they run.
import { execFileSync, spawn } from 'node:child_process'
import {
  chmodSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  writeFileSync
} from 'node:fs'
import { join } from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'

/** Clock ticks per second of /proc/<pid>/stat times (proc(5)). */
const CLK_TCK =
  Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) ||
  100

/** How often the workload's /proc entries are read. */
const POLL_MS = 100

/** Start-up left out of the rate, so it shows the steady state. */
const WARM_UP_MS = 1500

/**
 * The end left out too: collect waits up to two intervals and a second
 * for a last GPU row, then writes the telemetry file.
 */
const COOL_DOWN_MS = 3500

/**
 * The workloads: Node at rest, the collector at 100 ms and 1 s, and a
 * naive process-per-sample loop at the same intervals.
 * @param {string} root
 * @param {string} work folder for the fake tools and outputs
 * @param {number} seconds
 */
export function samplerWorkloads(root, work, seconds) {
  const cli = join(root, 'dist/cli.js')
  const collect = ms => [
    cli,
    'collect',
    '--interval-ms',
    String(ms),
    '--out',
    join(work, `out-${ms}`),
    '--',
    'sleep',
    String(seconds)
  ]
  const naive = ms => [
    join(root, 'bench/sampler-naive.mjs'),
    String(ms),
    String(seconds),
    join(work, `naive-${ms}.csv`)
  ]
  return [
    {
      name: 'idle-node',
      label: 'baseline: idle node (setTimeout)',
      args: ['-e', `setTimeout(() => {}, ${seconds * 1000})`]
    },
    {
      name: 'collect-100ms',
      label: 'collect --interval-ms 100 (one nvidia-smi -lms)',
      args: collect(100)
    },
    {
      name: 'naive-100ms',
      label: 'baseline: nvidia-smi process per sample, 100 ms',
      args: naive(100)
    },
    {
      name: 'collect-1000ms',
      label: 'collect --interval-ms 1000 (one nvidia-smi -lms)',
      args: collect(1000)
    },
    {
      name: 'naive-1000ms',
      label: 'baseline: nvidia-smi process per sample, 1 s',
      args: naive(1000)
    }
  ]
}

/**
 * A bin folder with the tests' fake nvidia-smi for an 8-GPU node (no
 * dcgmi), and the environment that puts it first on PATH.
 * @param {string} root
 * @param {string} work
 */
export function fakeNodeEnv(root, work) {
  const bin = join(work, 'bin')
  mkdirSync(bin, { recursive: true })
  const gpus = Array.from({ length: 8 }, (_, index) => ({
    index,
    uuid: `GPU-00000000-0000-4000-8000-00000000000${index}`,
    name: 'NVIDIA H100 80GB HBM3',
    bus: `00000000:${(0x18 + index * 16).toString(16).toUpperCase()}:00.0`,
    limitW: 700,
    powerW: [402.5, 405, 398.25, 410.75, 390]
  }))
  const spec = join(work, 'spec.json')
  writeFileSync(
    spec,
    JSON.stringify({
      driver: '550.54.15',
      driverFields: ['power.draw.instant', 'power.draw.average'],
      gpus
    })
  )
  const tool = join(bin, 'nvidia-smi')
  writeFileSync(
    tool,
    `#!/bin/sh\nexec "${process.execPath}" "${join(root, '__tests__/collect/fakes/nvidia-smi.mjs')}" "$@"\n`
  )
  chmodSync(tool, 0o755)
  return {
    ...process.env,
    PATH: `${bin}:${process.env.PATH}`,
    FAKE_GPU_SPEC: spec,
    ECOCOMPUTE_POWERCAP_ROOT: join(work, 'no-powercap')
  }
}

/**
 * Runs one workload and samples its /proc figures; CPU rates are over
 * the steady state (after WARM_UP_MS, before COOL_DOWN_MS from the end),
 * in CPU seconds per wall second.
 * @param {{ name: string, args: string[] }} workload
 * @param {NodeJS.ProcessEnv} env
 */
export async function measureWorkload(workload, env) {
  const child = spawn(process.execPath, workload.args, {
    env,
    stdio: ['ignore', 'ignore', 'pipe']
  })
  let stderr = ''
  child.stderr
    .setEncoding('utf8')
    .on('data', text => (stderr = (stderr + text).slice(-2000)))
  const exited = new Promise(resolve =>
    child.on('close', code => resolve(code))
  )
  let done = false
  void exited.then(() => (done = true))
  const startMs = Date.now()
  let first
  const readings = []
  let peakRssMiB = Number.NaN
  while (!done) {
    await sleep(POLL_MS)
    const reading = readProcess(child.pid)
    if (reading === undefined) continue
    if (first === undefined && Date.now() - startMs >= WARM_UP_MS)
      first = reading
    readings.push(reading)
    // An exiting process no longer shows its memory: keep the highest seen.
    if (reading.peakRssMiB >= peakRssMiB || Number.isNaN(peakRssMiB))
      peakRssMiB = reading.peakRssMiB
  }
  const code = await exited
  const endMs = (readings.at(-1)?.atMs ?? 0) - COOL_DOWN_MS
  const last = readings.findLast(reading => reading.atMs <= endMs)
  return summarize(workload, code, first, last, stderr, peakRssMiB)
}

/** CPU seconds of the process and its children (running or reaped), and memory. */
function readProcess(pid) {
  try {
    const own = statTimes(pid)
    const children = descendants(pid).reduce(
      (sum, child) => sum + (statTimes(child)?.ownS ?? 0),
      0
    )
    const status = readFileSync(`/proc/${pid}/status`, 'utf8')
    const kib = name =>
      Number(
        new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ??
          Number.NaN
      )
    return {
      atMs: Date.now(),
      ownS: own.ownS,
      childrenS: own.reapedS + children,
      peakRssMiB: kib('VmHWM') / 1024
    }
  } catch {
    return undefined
  }
}

/** utime + stime, and cutime + cstime (reaped children), in s (proc(5) fields 14–17). */
function statTimes(pid) {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
  const [utime, stime, cutime, cstime] = fields.slice(11, 15).map(Number)
  return {
    ownS: (utime + stime) / CLK_TCK,
    reapedS: (cutime + cstime) / CLK_TCK
  }
}

/** Every live descendant of `pid`. */
function descendants(pid) {
  const found = []
  for (const task of readdirSync(`/proc/${pid}/task`)) {
    const text = readFileSync(
      `/proc/${pid}/task/${task}/children`,
      'utf8'
    ).trim()
    for (const child of text === '' ? [] : text.split(' ').map(Number)) {
      found.push(child, ...descendants(child))
    }
  }
  return found
}

/** The figures of one run. */
function summarize(workload, code, first, last, stderr, peakRssMiB) {
  const base = { name: workload.name, label: workload.label, exitCode: code }
  if (
    code !== 0 ||
    first === undefined ||
    last === undefined ||
    last.atMs <= first.atMs
  ) {
    return {
      ...base,
      ok: false,
      error: `exit code ${code}: ${stderr.trim().slice(-300)}`
    }
  }
  const wallS = (last.atMs - first.atMs) / 1000
  return {
    ...base,
    ok: true,
    windowS: wallS,
    ownCpuPerS: (last.ownS - first.ownS) / wallS,
    childrenCpuPerS: (last.childrenS - first.childrenS) / wallS,
    peakRssMiB
  }
}
