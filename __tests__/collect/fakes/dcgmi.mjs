// A stand-in for `dcgmi dmon -e 155,156 -d N [-i ids]`, driven by the
// JSON spec named in FAKE_GPU_SPEC (its `dcgm` block). It prints the
// whitespace-aligned layout of ../shared/telemetry-real's dcgmi files:
// `#Entity` header and unit line, repeated every 20 rows, `GPU 0` rows,
// no timestamps. TOTEC is a cumulative energy counter in mJ that grows
// by the fake power × elapsed time. Rows are appended to
// spec.dcgm.emittedLog for the test's own computation.
import { appendFileSync, readFileSync } from 'node:fs'

const spec = JSON.parse(readFileSync(process.env.FAKE_GPU_SPEC, 'utf8'))
const dcgm = spec.dcgm ?? {}
const args = process.argv.slice(2)

if (dcgm.fail) {
  process.stdout.write(`${dcgm.fail}\n`)
  process.exit(255)
}
const delayMs = Number(option('-d') ?? 1000)
const ids = option('-i')?.split(',')
const gpus = spec.gpus.filter(
  g => ids === undefined || ids.includes(String(g.index))
)
const counters = new Map(
  gpus.map(g => [g.index, g.totecStartMJ ?? 26950681698])
)
let lastMs = Date.now()
let rows = 0

printRows()
const timer = setInterval(printRows, delayMs)
for (const signal of ['SIGTERM', 'SIGINT']) {
  process.on(signal, () => {
    clearInterval(timer)
    process.exit(0)
  })
}

/** One row per GPU; the header pair every 20 rows, as dcgmi does. */
function printRows() {
  const nowMs = Date.now()
  for (const gpu of gpus) {
    if (rows % 20 === 0)
      process.stdout.write(
        '#Entity   POWER        TOTEC\nID        W            mJ\n'
      )
    rows += 1
    const counter =
      counters.get(gpu.index) + Math.round(gpu.dcgmPowerW * (nowMs - lastMs))
    counters.set(gpu.index, counter)
    const totec = gpu.totecNa ? 'N/A' : String(counter)
    appendFileSync(
      dcgm.emittedLog,
      `${JSON.stringify({ index: gpu.index, totec })}\n`
    )
    process.stdout.write(
      `GPU ${gpu.index}     ${gpu.dcgmPowerW.toFixed(3).padEnd(13)}${totec}\n`
    )
  }
  lastMs = nowMs
}

/** `-x value`. */
function option(name) {
  const at = args.indexOf(name)
  return at < 0 ? undefined : args[at + 1]
}
