// Eight synthetic H100 GPUs of one HGX node: their identities and, frame by
// frame, readings that follow the fleet's job schedule with some noise.
import { JobSchedule } from './job-schedule.mjs'
import { bell, between } from './random.mjs'

/** PCI bus ids of the eight GPUs of a DGX H100, in nvidia-smi's spelling. */
const BUS_IDS = ['18', '2A', '3A', '5D', '9A', 'AB', 'BA', 'DB'].map(
  bus => `00000000:${bus}:00.0`
)

export const GPU_NAME = 'NVIDIA H100 80GB HBM3'

/** Enforced power limit of an H100 SXM, in W. */
export const POWER_LIMIT_W = 700

/** One GPU's identity and the readings of its latest frame. */
export class Gpu {
  /**
   * @param {number} index
   * @param {() => number} random
   */
  constructor(index, random) {
    this.index = index
    this.uuid = randomUuid(random)
    this.busId = BUS_IDS[index % BUS_IDS.length]
    this.random = random
    this.powerW = 70
    this.levelW = 70
    this.memoryMiB = 1
    this.temperatureC = 32
    this.utilizationPct = 0
    this.clockMHz = 345
  }

  /**
   * Picks the level this GPU settles at in a new phase.
   * @param {JobSchedule} job
   */
  enterPhase(job) {
    const r = this.random
    if (job.phase === 'idle') {
      this.levelW = between(r, 62, 78)
      this.memoryMiB = Math.round(between(r, 0, 5))
    } else if (job.phase === 'checkpoint') {
      this.levelW = between(r, 120, 220)
    } else {
      this.levelW = clamp(job.loadW + bell(r) * 12, 400, 690)
      this.memoryMiB = Math.round(job.loadMemoryMiB + bell(r) * 300)
    }
  }

  /**
   * Moves the readings one frame on: power eases toward its level (about
   * 0.3 s to settle) with 1 % noise; temperature lags by about a minute.
   * @param {JobSchedule} job
   */
  step(job) {
    const r = this.random
    const noiseW = bell(r) * this.levelW * 0.01
    this.powerW += (this.levelW - this.powerW) * 0.3 + noiseW
    this.powerW = clamp(this.powerW, 55, POWER_LIMIT_W - 5)
    const settledC = 30 + this.powerW * 0.055
    this.temperatureC += (settledC - this.temperatureC) * 0.002
    this.utilizationPct = utilizationFor(job.phase, r)
    this.clockMHz =
      job.phase === 'idle' ? 345 : 1755 + 15 * Math.round(between(r, 0, 15))
  }
}

/**
 * The fleet: eight GPUs on one job.
 * @param {() => number} random
 * @param {number} count
 */
export function createFleet(random, count = 8) {
  const job = new JobSchedule(random)
  const gpus = Array.from({ length: count }, (_, i) => new Gpu(i, random))
  for (const gpu of gpus) gpu.enterPhase(job)
  return { job, gpus, step: () => stepFleet(job, gpus) }
}

/**
 * Advances the job and every GPU by one frame.
 * @param {JobSchedule} job
 * @param {Gpu[]} gpus
 */
function stepFleet(job, gpus) {
  const newPhase = job.step()
  for (const gpu of gpus) {
    if (newPhase) gpu.enterPhase(job)
    gpu.step(job)
  }
}

/**
 * utilization.gpu in % for a phase.
 * @param {string} phase
 * @param {() => number} random
 */
function utilizationFor(phase, random) {
  if (phase === 'idle') return 0
  if (phase === 'checkpoint') return Math.round(between(random, 5, 35))
  return Math.round(clamp(97 + bell(random) * 2, 80, 100))
}

/**
 * A GPU UUID as nvidia-smi prints it: GPU-8-4-4-4-12 hex digits.
 * @param {() => number} random
 */
function randomUuid(random) {
  const hex = length =>
    Array.from({ length }, () => Math.floor(random() * 16).toString(16)).join(
      ''
    )
  return `GPU-${hex(8)}-${hex(4)}-${hex(4)}-${hex(4)}-${hex(12)}`
}

/**
 * @param {number} value
 * @param {number} low
 * @param {number} high
 */
function clamp(value, low, high) {
  return Math.min(high, Math.max(low, value))
}
