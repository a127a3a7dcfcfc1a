// EcoCompute workload: runs the built CLI (`dist/cli.js audit FILE --format
// json --out OUT`) inside this process, as a user would run it, and reports
// time, CPU, peak memory and the energy per GPU from the audit JSON. It
// imports nothing from src/ and needs nothing exported by the CLI.
//
//   node bench/workload-ecocompute.mjs FILE OUT.json
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { reportResult, startMeter } from './workload-meter.mjs'

const J_PER_KWH = 3.6e6

/**
 * The GPUs of the audit JSON the CLI wrote, energies in J.
 * @param {string} outFile
 */
function readDevices(outFile) {
  const audit = JSON.parse(readFileSync(outFile, 'utf8'))
  return audit.devices.map(device => ({
    id: device.id,
    uuid: device.uuid,
    energyJ: device.energy_kwh * J_PER_KWH
  }))
}

/**
 * Reports once the CLI is completely done, that is when the process exits.
 * @param {() => object} readMeter
 * @param {string} outFile
 * @param {number} exitCode
 */
function reportAtExit(readMeter, outFile, exitCode) {
  const metrics = readMeter()
  try {
    const devices = exitCode === 0 ? readDevices(outFile) : []
    reportResult({ workload: 'ecocompute', exitCode, ...metrics, devices })
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error)
    reportResult({
      workload: 'ecocompute',
      exitCode: 1,
      ...metrics,
      error: reason
    })
  }
}

const [file, outFile] = process.argv.slice(2)
if (file === undefined || outFile === undefined) {
  throw new Error('usage: workload-ecocompute.mjs FILE OUT.json')
}
const cli = resolve('dist/cli.js')
process.argv = [
  process.argv[0],
  cli,
  'audit',
  file,
  '--format',
  'json',
  '--out',
  outFile
]
const readMeter = startMeter()
process.on('exit', code => reportAtExit(readMeter, outFile, code))
await import(pathToFileURL(cli).href)
