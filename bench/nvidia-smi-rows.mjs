// Text of an nvidia-smi `--query-gpu=… --format=csv` log: the header and
// one frame of rows, with units inside the cells as nvidia-smi writes them.
import { GPU_NAME, POWER_LIMIT_W } from './gpu-fleet.mjs'

/** The header `nvidia-smi --query-gpu=… --format=csv` prints first. */
export const HEADER =
  'timestamp, index, uuid, name, pci.bus_id, power.draw [W], power.limit [W], ' +
  'utilization.gpu [%], memory.used [MiB], temperature.gpu, clocks.sm [MHz]'

const POWER_LIMIT_TEXT = `${POWER_LIMIT_W.toFixed(2)} W`

/**
 * `2026/01/05 10:00:00.100`: nvidia-smi's wall time (read as UTC here).
 * @param {number} timeMs
 */
export function formatTimestamp(timeMs) {
  const iso = new Date(timeMs).toISOString()
  const date = `${iso.slice(0, 4)}/${iso.slice(5, 7)}/${iso.slice(8, 10)}`
  return `${date} ${iso.slice(11, 23)}`
}

/**
 * Centiwatts as `512.34`, from integers so the text is exactly the value
 * the oracle integrates.
 * @param {number} powerCw
 */
export function formatCentiwatts(powerCw) {
  const cents = powerCw % 100
  const whole = (powerCw - cents) / 100
  return `${whole}.${cents < 10 ? '0' : ''}${cents}`
}

/**
 * The cells that never change for a GPU, from `index` to `pci.bus_id`.
 * @param {{ index: number, uuid: string, busId: string }} gpu
 */
export function identityCells(gpu) {
  return `${gpu.index}, ${gpu.uuid}, ${GPU_NAME}, ${gpu.busId}, `
}

/**
 * One frame: a row per GPU, all with the frame's timestamp.
 * @param {number} timeMs
 * @param {string[]} identities from identityCells, by GPU
 * @param {import('./gpu-fleet.mjs').Gpu[]} gpus
 * @param {number[]} powersCw power.draw of each GPU, in centiwatts
 */
export function formatFrame(timeMs, identities, gpus, powersCw) {
  const timestamp = formatTimestamp(timeMs)
  let text = ''
  for (let i = 0; i < gpus.length; i++) {
    const gpu = gpus[i]
    text +=
      `${timestamp}, ${identities[i]}${formatCentiwatts(powersCw[i])} W, ` +
      `${POWER_LIMIT_TEXT}, ${gpu.utilizationPct} %, ${gpu.memoryMiB} MiB, ` +
      `${Math.round(gpu.temperatureC)}, ${gpu.clockMHz} MHz\n`
  }
  return text
}
