// Turns each workload's runs into the figures the report shows: medians,
// throughput, and energy per GPU against the generator's oracle.

/** The goal for the ecocompute audit of a 1 GiB log on one core. */
export const GOAL = Object.freeze({ minMbPerS: 200, maxRssMB: 200 })

/** Bytes in a MiB over bytes in an MB. */
const MB_PER_MIB = 1.048576

/**
 * @param {{ name: string, label: string }} workload
 * @param {object[]} runs results of runWorkload
 * @param {{ fileBytes: number, gpus: object[] }} oracle
 */
export function summarizeWorkload(workload, runs, oracle) {
  const base = { name: workload.name, label: workload.label, runs }
  const failed = runs.find(run => !run.ok)
  if (failed) return { ...base, ok: false, error: failed.error }

  const wallS = median(runs.map(run => run.wallS))
  const energy = compareEnergy(oracle.gpus, runs.at(-1).devices)
  return {
    ...base,
    ok: true,
    mbPerS: oracle.fileBytes / 1e6 / wallS,
    wallS,
    cpuS: median(runs.map(run => run.cpuUserS + run.cpuSystemS)),
    maxRssMiB: median(runs.map(run => run.maxRssMiB)),
    maxAbsRelError: Math.max(
      ...energy.gpus.map(gpu => Math.abs(gpu.relError ?? Infinity))
    ),
    energy
  }
}

/**
 * Energy per GPU next to the oracle's; a device is matched by UUID, or by
 * index when it has none. Devices the oracle does not know are counted.
 * @param {{ index: number, uuid: string, energyJ: number }[]} gpus
 * @param {{ id: string, uuid?: string, index?: number, energyJ: number }[]} devices
 */
export function compareEnergy(gpus, devices) {
  const matched = new Set()
  const rows = gpus.map(gpu => {
    const device = devices.find(d => isSameGpu(d, gpu))
    if (device === undefined)
      return {
        index: gpu.index,
        oracleJ: gpu.energyJ,
        energyJ: null,
        relError: null
      }
    matched.add(device)
    const relError = (device.energyJ - gpu.energyJ) / gpu.energyJ
    return {
      index: gpu.index,
      oracleJ: gpu.energyJ,
      energyJ: device.energyJ,
      relError
    }
  })
  return { gpus: rows, unmatchedDevices: devices.length - matched.size }
}

/** Whether a reported device is this oracle GPU. */
function isSameGpu(device, gpu) {
  if (device.uuid !== undefined) return device.uuid === gpu.uuid
  return (
    device.id === gpu.uuid ||
    device.index === gpu.index ||
    device.id === String(gpu.index)
  )
}

/**
 * Whether the ecocompute summary meets GOAL; null when it failed.
 * @param {{ ok: boolean, mbPerS?: number, maxRssMiB?: number }} summary
 */
export function checkGoal(summary) {
  if (!summary.ok) return null
  const rssMB = summary.maxRssMiB * MB_PER_MIB
  return {
    ...GOAL,
    mbPerS: summary.mbPerS,
    rssMB,
    throughputMet: summary.mbPerS >= GOAL.minMbPerS,
    memoryMet: rssMB < GOAL.maxRssMB
  }
}

/** @param {number[]} values */
export function median(values) {
  const sorted = [...values].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2
    ? sorted[middle]
    : (sorted[middle - 1] + sorted[middle]) / 2
}
