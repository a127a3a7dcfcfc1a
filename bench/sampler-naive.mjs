// The baseline a collector is measured against: a naive sampler that
// starts one `nvidia-smi --query-gpu=… --format=csv,noheader,nounits`
// process per sample, waits for it, appends its output to a file, and
// sleeps until the next tick.
//
//   node bench/sampler-naive.mjs INTERVAL_MS SECONDS OUT_FILE
import { execFile } from 'node:child_process'
import { appendFile } from 'node:fs/promises'
import { setTimeout as sleep } from 'node:timers/promises'
import { promisify } from 'node:util'

const run = promisify(execFile)
const FIELDS =
  'timestamp,index,uuid,name,pci.bus_id,power.draw,power.limit,utilization.gpu,memory.used,temperature.gpu,clocks.sm'
const [intervalMs, seconds, outFile] = process.argv.slice(2)
const endMs = Date.now() + Number(seconds) * 1000

while (Date.now() < endMs) {
  const startMs = Date.now()
  const { stdout } = await run('nvidia-smi', [
    `--query-gpu=${FIELDS}`,
    '--format=csv,noheader,nounits'
  ])
  await appendFile(outFile, stdout)
  await sleep(Math.max(0, Number(intervalMs) - (Date.now() - startMs)))
}
