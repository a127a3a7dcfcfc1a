// The generator's own energy count: the trapezoid rule over exactly the
// power values it writes, in integer centiwatt-milliseconds, so the sum
// has no rounding at all until the final division.

/** Expected energy per GPU of the rows written so far. */
export class TrapezoidOracle {
  /** @param {number} gpuCount */
  constructor(gpuCount) {
    this.samples = new Array(gpuCount).fill(0)
    this.lastMs = new Array(gpuCount).fill(0)
    this.lastCw = new Array(gpuCount).fill(0)
    this.sumCwMs = new Array(gpuCount).fill(0)
  }

  /**
   * Adds one written reading of a GPU.
   * @param {number} gpu index
   * @param {number} timeMs integer ms
   * @param {number} powerCw integer centiwatts
   */
  add(gpu, timeMs, powerCw) {
    if (this.samples[gpu] > 0) {
      const durationMs = timeMs - this.lastMs[gpu]
      this.sumCwMs[gpu] += (this.lastCw[gpu] + powerCw) * durationMs
      if (this.sumCwMs[gpu] > Number.MAX_SAFE_INTEGER) {
        throw new Error('oracle sum is past 2^53; the file is too large')
      }
    }
    this.samples[gpu] += 1
    this.lastMs[gpu] = timeMs
    this.lastCw[gpu] = powerCw
  }

  /**
   * Energy in J: cW·ms ÷ 100 ÷ 1000 is W·s, and ÷ 2 for the trapezoid.
   * @param {number} gpu
   */
  energyJ(gpu) {
    return this.sumCwMs[gpu] / 200_000
  }
}
