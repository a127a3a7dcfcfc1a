// What every benchmark workload measures about itself, and how it hands the
// figures to bench/run.mjs: one JSON line in the file named by
// BENCH_RESULT_FILE (a file, unlike fd 3, also works when the workload is
// run by hand, and the CLI's own stdout cannot mix into it).
import { writeFileSync, writeSync } from 'node:fs'
import { performance } from 'node:perf_hooks'

/**
 * Starts the clocks; the returned function reads them.
 * @returns {() => { wallS: number, cpuUserS: number, cpuSystemS: number, maxRssMiB: number }}
 */
export function startMeter() {
  const startMs = performance.now()
  const startCpu = process.cpuUsage()
  return () => {
    const cpu = process.cpuUsage(startCpu)
    return {
      wallS: (performance.now() - startMs) / 1000,
      cpuUserS: cpu.user / 1e6,
      cpuSystemS: cpu.system / 1e6,
      // resourceUsage().maxRSS is in KiB, and the peak of the whole process.
      maxRssMiB: process.resourceUsage().maxRSS / 1024
    }
  }
}

/**
 * Writes the result synchronously, so it also works in an `exit` handler.
 * @param {object} result
 */
export function reportResult(result) {
  const line = `${JSON.stringify(result)}\n`
  const path = process.env.BENCH_RESULT_FILE
  if (path) writeFileSync(path, line)
  else writeSync(1, line)
}
