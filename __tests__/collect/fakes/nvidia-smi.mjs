// A stand-in for nvidia-smi, driven by the JSON spec named in
// FAKE_GPU_SPEC. It prints what the real tool prints for the queries the
// collector makes (shapes from ../shared/telemetry-real and
// ../shared/reference): `--query-gpu=… --format=csv,noheader,nounits`,
// once or looping with `-lms N`, `-i` selection, `-L`, sentinel cells,
// a GPU lost mid-run, and a driver that refuses fields it does not know.
// Every looped row is also appended to spec.emittedLog as JSON, so a
// test can compute the expected energy from what was really printed,
// and every call's arguments to spec.callLog, so a test can tell which
// query is running. spec.hang: a driver that never answers (and, like
// the one issue #6 met, exits 0 when sent SIGTERM); spec.firstRowDelayMs:
// a loop whose first row comes late.
import { appendFileSync, readFileSync } from 'node:fs'
import { setTimeout as sleep } from 'node:timers/promises'

const spec = JSON.parse(readFileSync(process.env.FAKE_GPU_SPEC, 'utf8'))
const args = process.argv.slice(2)
if (spec.callLog) appendFileSync(spec.callLog, `${JSON.stringify(args)}\n`)

if (spec.hang) {
  process.on('SIGTERM', () => process.exit(0))
  setInterval(() => undefined, 1 << 30)
  await new Promise(() => undefined)
}
const BASE = [
  'timestamp',
  'index',
  'uuid',
  'name',
  'pci.bus_id',
  'power.draw',
  'power.limit',
  'utilization.gpu',
  'memory.used',
  'temperature.gpu',
  'clocks.sm',
  'driver_version'
]

if (spec.fail) {
  process.stdout.write(`${spec.fail.message}\n`)
  process.exit(spec.fail.code)
}
if (args.includes('-L')) {
  for (const gpu of spec.gpus) {
    process.stdout.write(`GPU ${gpu.index}: ${gpu.name} (UUID: ${gpu.uuid})\n`)
    for (const mig of gpu.migs ?? [])
      process.stdout.write(`  MIG 3g.40gb     Device  0: (UUID: ${mig})\n`)
  }
  process.exit(0)
}

const fields = (option('--query-gpu') ?? '').split(',')
const known = new Set([
  ...BASE,
  ...(spec.driverFields ?? []),
  ...(spec.extraFields ?? [])
])
const unknown = fields.find(field => !known.has(field))
if (unknown !== undefined) {
  process.stdout.write(`Field "${unknown}" is not a valid field to query.\n\n`)
  process.exit(2)
}
const ids = option('-i')?.split(',')
const gpus = spec.gpus.filter(
  g =>
    ids === undefined || ids.includes(String(g.index)) || ids.includes(g.uuid)
)
const loopMs = option('-lms')

let frame = 0
if (loopMs === undefined) {
  printFrame(false)
  process.exit(0)
}
let timer
for (const signal of ['SIGTERM', 'SIGINT']) {
  process.on(signal, () => {
    clearInterval(timer)
    process.exit(0)
  })
}
if (spec.firstRowDelayMs) await sleep(spec.firstRowDelayMs)
printFrame(false)
timer = setInterval(() => printFrame(true), Number(loopMs))

/** One row per selected GPU, in index order. */
function printFrame(looping) {
  frame += 1
  for (const gpu of gpus) {
    const lost =
      gpu.lostAfterFrames !== undefined && frame > gpu.lostAfterFrames
    if (lost && gpu.lostStyle === 'vanish') continue
    if (lost && gpu.lostStyle === 'error-line') {
      const bus = gpu.bus.replace(/^0000/, '')
      process.stdout.write(
        `Unable to determine the device handle for GPU ${bus}: GPU is lost. Reboot the system to recover this GPU\n`
      )
      continue
    }
    const cells = fields.map(field =>
      lost ? lostCell(field, gpu) : cell(field, gpu)
    )
    const line = cells.join(', ')
    if (loopMs !== undefined && spec.emittedLog)
      appendFileSync(
        spec.emittedLog,
        `${JSON.stringify({ index: gpu.index, frame, fields, cells })}\n`
      )
    process.stdout.write(`${line}\n`)
  }
}

/** A lost GPU keeps its identity cells; every reading says it is lost. */
function lostCell(field, gpu) {
  return ['timestamp', 'index', 'uuid', 'name', 'pci.bus_id'].includes(field)
    ? cell(field, gpu)
    : '[GPU is lost]'
}

/** The value of one field for one GPU in this frame. */
function cell(field, gpu) {
  const powerW = gpu.powerW[(frame - 1) % gpu.powerW.length]
  const na = gpu.naEvery !== undefined && frame % gpu.naEvery === 0
  switch (field) {
    case 'timestamp':
      return smiTime(new Date())
    case 'index':
      return String(gpu.index)
    case 'uuid':
      return gpu.uuid
    case 'name':
      return gpu.name
    case 'pci.bus_id':
      return gpu.bus
    case 'power.draw':
      return na ? '[N/A]' : (powerW - 1).toFixed(2)
    case 'power.draw.instant':
      return na || gpu.noInstant ? '[N/A]' : powerW.toFixed(2)
    case 'power.draw.average':
      return na ? '[N/A]' : (powerW - 2).toFixed(2)
    case 'power.limit':
      return gpu.limitW.toFixed(2)
    case 'utilization.gpu':
      return String((frame * 7) % 101)
    case 'memory.used':
      return '1024'
    case 'temperature.gpu':
      return String(40 + (frame % 5))
    case 'clocks.sm':
      return '[Not Supported]'
    case 'driver_version':
      return spec.driver
    default:
      return '0'
  }
}

/** nvidia-smi's local wall time `YYYY/MM/DD HH:MM:SS.mmm` (TZ applies). */
function smiTime(date) {
  const pad = (n, w = 2) => String(n).padStart(w, '0')
  return `${date.getFullYear()}/${pad(date.getMonth() + 1)}/${pad(date.getDate())} ${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}.${pad(date.getMilliseconds(), 3)}`
}

/** `--name=value` or `--name value`. */
function option(name) {
  for (let i = 0; i < args.length; i++) {
    if (args[i].startsWith(`${name}=`)) return args[i].slice(name.length + 1)
    if (args[i] === name) return args[i + 1]
  }
  return undefined
}
