// Baseline workload: the plain way to total GPU energy from an nvidia-smi
// CSV, with csv-parse streaming records and a trapezoid per GPU index.
//
//   node bench/workload-baseline.mjs FILE
import { createReadStream } from 'node:fs'
import { parse } from 'csv-parse'
import { reportResult, startMeter } from './workload-meter.mjs'

/** Column positions in the generated log's header. */
const TIMESTAMP = 0
const INDEX = 1
const POWER_DRAW = 5

/**
 * Energy in J per GPU index.
 * @param {string} file
 */
async function integrate(file) {
  const parser = parse({ trim: true, from_line: 2 })
  createReadStream(file)
    .on('error', error => parser.destroy(error))
    .pipe(parser)
  const gpus = new Map()
  for await (const record of parser) {
    addReading(
      gpus,
      record[INDEX],
      toMs(record[TIMESTAMP]),
      toWatts(record[POWER_DRAW])
    )
  }
  return gpus
}

/**
 * `2026/01/05 10:00:00.100` (UTC) → ms since the epoch.
 * @param {string} text
 */
function toMs(text) {
  return Date.parse(`${text.replaceAll('/', '-').replace(' ', 'T')}Z`)
}

/**
 * `512.34 W` → 512.34.
 * @param {string} text
 */
function toWatts(text) {
  return parseFloat(text.replace(' W', ''))
}

/** Adds the trapezoid from the GPU's previous reading. */
function addReading(gpus, index, timeMs, powerW) {
  const gpu = gpus.get(index)
  if (gpu === undefined) {
    gpus.set(index, { energyJ: 0, timeMs, powerW })
    return
  }
  gpu.energyJ += ((gpu.powerW + powerW) / 2) * ((timeMs - gpu.timeMs) / 1000)
  gpu.timeMs = timeMs
  gpu.powerW = powerW
}

const file = process.argv[2]
if (file === undefined) throw new Error('usage: workload-baseline.mjs FILE')
const readMeter = startMeter()
const gpus = await integrate(file)
const metrics = readMeter()
const devices = [...gpus].map(([index, gpu]) => ({
  id: index,
  index: Number(index),
  energyJ: gpu.energyJ
}))
reportResult({ workload: 'baseline', exitCode: 0, ...metrics, devices })
