import { afterAll, describe, expect, it } from '@jest/globals'
import {
  J_PER_KWH,
  TempTelemetry,
  auditChecked,
  jsonlText
} from '../helpers/temp-telemetry.js'

/**
 * A CPU known only by its utilisation (the collector without RAPL) is
 * estimated from its thread count: 0.74 W idle to 3.5 W busy per
 * logical CPU (Cloud Carbon Footprint's AWS averages).
 */
const files = new TempTelemetry()
afterAll(() => files.remove())

const T0 = Date.UTC(2026, 4, 1)

/** A CPU-only log: `threads` logical CPUs at `pct` % for `seconds`. */
function cpuLog(threads: number | undefined, pct: number, seconds: number) {
  const device = {
    key: 'cpu',
    kind: 'cpu',
    name: 'AMD EPYC 7763 64-Core Processor',
    ...(threads === undefined ? {} : { logical_cpus: threads })
  }
  const records = Array.from({ length: seconds + 1 }, (_, s) => ({
    t: T0 + s * 1000,
    d: 'cpu',
    u_pct: pct
  }))
  return files.write(
    `cpu-${threads}-${pct}.jsonl`,
    jsonlText([device], records)
  )
}

describe('a CPU from its utilisation', () => {
  it('is idle power plus the busy share of the range, per thread', async () => {
    // 8 threads, 50 % for 100 s: 8 × (0.74 + 0.5 × 2.76) W × 100 s = 1,696 J.
    const result = await auditChecked([cpuLog(8, 50, 100)])

    const cpu = result.devices[0]!
    expect(cpu.level).toBe('L1')
    expect(cpu.field).toBe('utilization')
    expect(cpu.energy_kwh * J_PER_KWH).toBeCloseTo(1696, 6)
    // Bounds: half the idle power for 100 s, and every thread at 3.5 W.
    expect(cpu.low_kwh * J_PER_KWH).toBeCloseTo(296, 6)
    expect(cpu.high_kwh * J_PER_KWH).toBeCloseTo(2800, 6)
    expect(result.warnings).toContainEqual(
      expect.objectContaining({
        code: 'level-fallback',
        message: expect.stringContaining(
          '8 logical CPUs × 0.74 W idle to 3.5 W busy'
        )
      })
    )
  })

  it('without a thread count keeps the wide generic bounds', async () => {
    const result = await auditChecked([cpuLog(undefined, 50, 100)])
    const cpu = result.devices[0]!
    expect(cpu.high_kwh * J_PER_KWH).toBeCloseTo(1500 * 100, 6)
  })
})
