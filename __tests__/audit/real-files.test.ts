import { readFileSync } from 'node:fs'
import { expect, it } from '@jest/globals'
import { getHardware } from '../../src/calibration/index.js'
import { AuditResult } from '../../src/audit/audit-schema.js'
import type { AuditOptions } from '../../src/audit/audit-options.js'
import { runAudit } from '../../src/audit/run-audit.js'
import { describeReal, realFile } from '../helpers/real-files.js'

/**
 * Per-GPU energies in J from ../shared/telemetry-real/SOURCES.md, computed
 * there independently (Python standard library, trapezoid per GPU). The
 * dcgmi dmon files are checked against the card's own TOTEC counter.
 */
const REFERENCE_J: Record<
  string,
  { options?: AuditOptions; joules: number[] }
> = {
  'v100-nvsmi-nounits-20k.csv': { joules: [31703.754] },
  'rtx4090-nvsmi-nounits-transient.csv': { joules: [2843.768] },
  'a100pcie-nvsmi-plainheader-lstm.csv': { joules: [55893.48] },
  'gtx1650-nvsmi-units-uuid.csv': { joules: [18.169] },
  'h100x8-custom-isots.csv': {
    joules: [592.265, 585.88, 583.795, 443.58, 435.83, 436.89, 445.54, 440.595]
  },
  'headerless-nvsmi-units-5s.csv': { joules: [159221.026] },
  'rtx4090-nvsmi-units-name-gaps.csv': { joules: [805871.163] },
  'a100-vllm-smoke-index-uuid.csv': { joules: [2163.67] },
  'rtx4090-rtx4080-2gpu-mixed.csv': { joules: [196715.196, 46998.573] },
  'stuckpower-unknownerror-nvsmi.csv': { joules: [32315.91] },
  'dcgm-8gpu-fieldvalues-usec.csv': {
    joules: [
      159.116, 145.565, 141.855, 143.114, 158.747, 142.946, 139.375, 160.349
    ]
  },
  'h100-dcgmi-dmon-sd.txt': {
    options: { intervalMs: 50 },
    joules: [13229.976]
  },
  'v100-dcgmi-dmon-lstm.txt': {
    options: { intervalMs: 50 },
    joules: [5154.817]
  }
}

/**
 * Trapezoid energy and energy above `idleW` of the 8-GPU file, written
 * independently of the parser: split on commas, GPU id in column 1, power
 * in column 5, ISO time in column 0.
 */
function independentEnergies(
  text: string,
  idleW: number
): { totalJ: number; dynamicJ: number } {
  const series = new Map<string, [number, number][]>()
  for (const line of text.trim().split('\n').slice(1)) {
    const cells = line.split(',').map(cell => cell.trim())
    const point: [number, number] = [
      Date.parse(cells[0]!) / 1000,
      Number(cells[5])
    ]
    series.set(cells[1]!, [...(series.get(cells[1]!) ?? []), point])
  }
  let totalJ = 0
  let dynamicJ = 0
  for (const points of series.values()) {
    for (let i = 1; i < points.length; i++) {
      const [t0, p0] = points[i - 1]!
      const [t1, p1] = points[i]!
      totalJ += ((t1 - t0) * (p0 + p1)) / 2
      dynamicJ += aboveFloor(t1 - t0, p0 - idleW, p1 - idleW)
    }
  }
  return { totalJ, dynamicJ }
}

/** ∫ max(0, linear a→b) over dt, by cases. */
function aboveFloor(dt: number, a: number, b: number): number {
  if (a >= 0 && b >= 0) return (dt * (a + b)) / 2
  if (a <= 0 && b <= 0) return 0
  const top = Math.max(a, b)
  return (dt * top * top) / (2 * (Math.abs(a) + Math.abs(b)))
}

/** Relative difference from the reference. */
function relativeError(actual: number, expected: number): number {
  return Math.abs(actual - expected) / expected
}

/** Every number in a JSON value, with its path. */
function numbersIn(value: unknown, path = '$'): [string, number][] {
  if (typeof value === 'number') return [[path, value]]
  if (value === null || typeof value !== 'object') return []
  return Object.entries(value).flatMap(([key, inner]) =>
    numbersIn(inner, `${path}.${key}`)
  )
}

describeReal('auditing the real telemetry files', () => {
  for (const [file, { options, joules }] of Object.entries(REFERENCE_J)) {
    it(`gives each GPU of ${file} its reference energy within 0.5 %`, async () => {
      const result = await runAudit([realFile(file)], options ?? {})
      const gpus = result.devices.filter(device => device.kind === 'gpu')
      expect(gpus).toHaveLength(joules.length)
      gpus.forEach((gpu, index) => {
        expect(
          relativeError(gpu.energy_kwh * 3.6e6, joules[index]!)
        ).toBeLessThan(0.005)
      })
      expect(() => AuditResult.parse(result)).not.toThrow()
      for (const [path, number] of numbersIn(result)) {
        expect([path, Number.isFinite(number)]).toEqual([path, true])
      }
      expect(result.energy.low_kwh).toBeLessThanOrEqual(
        result.energy.facility_kwh
      )
      expect(result.energy.facility_kwh).toBeLessThanOrEqual(
        result.energy.high_kwh
      )
    })
  }

  it('flags the stuck power sensor of the MLPerf log and still integrates it', async () => {
    const result = await runAudit(
      [realFile('stuckpower-unknownerror-nvsmi.csv')],
      {}
    )
    const stale = result.warnings.filter(w => w.code === 'stale-sensor')
    expect(stale).toHaveLength(1)
    expect(stale[0]!.message).toContain('46.19 W')
  })

  it('keeps the 8-GPU file at 8 GPUs and lowers the coverage of GPUs missing from the last frame', async () => {
    const result = await runAudit([realFile('h100x8-custom-isots.csv')], {})
    expect(result.devices.map(d => d.coverage)).toEqual([
      1, 1, 1, 0.75, 0.75, 0.75, 0.75, 0.75
    ])
    expect(result.window.duration_s).toBe(8)
  })

  it('reaches L3 on the 8 × H100 file once the GPU model is named: host idle × window + GPUs + (α_w − 1) × dynamic', async () => {
    const file = realFile('h100x8-custom-isots.csv')
    const result = await runAudit([file], { gpuModel: 'h100-sxm', pue: 1.2 })
    expect(result.grounding.level).toBe('L3')

    const idleW = getHardware('h100-sxm')!.idle_w.value
    const hostW = result.assumptions.host_idle_w!.value as number
    const alpha = result.assumptions.alpha_w!.value as number
    const { totalJ, dynamicJ } = independentEnergies(
      readFileSync(file, 'utf8'),
      idleW
    )
    const expectedItJ = hostW * 8 + totalJ + (alpha - 1) * dynamicJ
    expect(
      relativeError(result.energy.it_kwh * 3.6e6, expectedItJ)
    ).toBeLessThan(1e-9)
    expect(result.energy.facility_kwh).toBeCloseTo(
      result.energy.it_kwh * 1.2,
      12
    )
  })

  it('takes CodeCarbon energies as written and sums the runs, never integrating again', async () => {
    const result = await runAudit(
      [realFile('codecarbon-a100-emissions.csv')],
      {}
    )
    const gpu = result.devices.find(d => d.kind === 'gpu')!
    expect(gpu.energy_kwh).toBeCloseTo(0.175212, 6)
    expect(result.energy.it_kwh).toBeCloseTo(0.269425, 6)
    expect(result.carbon.region).toBe('IL')
    expect(result.carbon.fallback).toBe('country')
    // CPU and RAM figures may be CodeCarbon's own estimates: ±50 %.
    const cpu = result.devices.find(d => d.kind === 'cpu')!
    expect(cpu.low_kwh).toBeCloseTo(0.5 * cpu.energy_kwh, 12)
    expect(cpu.high_kwh).toBeCloseTo(1.5 * cpu.energy_kwh, 12)
  })

  it('integrates the dcgmi TOTEC counter, not the 50 ms power trapezoid', async () => {
    const result = await runAudit([realFile('h100-dcgmi-dmon-sd.txt')], {
      intervalMs: 50
    })
    expect(result.devices[0]!.field).toBe('energy-counter')
    expect(result.devices[0]!.energy_kwh * 3.6e6).toBeCloseTo(13229.976, 3)
  })
})
