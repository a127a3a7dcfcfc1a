import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from '@jest/globals'
import {
  J_PER_KWH,
  TempTelemetry,
  auditChecked,
  jsonlText,
  smiTime
} from '../helpers/temp-telemetry.js'

/**
 * One board reported by several files (nvidia-smi and an EcoCompute log
 * of the same GPU, or one log in two artifacts) is counted once; the
 * same board in consecutive jobs, and GPUs known only by index, are not
 * merged. Expected energies are trapezoids worked out by hand.
 */
const files = new TempTelemetry()
afterAll(() => files.remove())

const UUID = 'GPU-3f1c9a2e-7b4d-4c8e-9a1f-2b3c4d5e6f70'
const T0 = Date.UTC(2026, 2, 1, 9)

/** An EcoCompute log of the board at `powerW` from t0 for `seconds`. */
function boardLog(name: string, t0: number, seconds: number, powerW: number) {
  const device = {
    key: '0',
    kind: 'gpu',
    uuid: UUID,
    name: 'NVIDIA H100 80GB HBM3'
  }
  const records = Array.from({ length: seconds + 1 }, (_, s) => ({
    t: t0 + s * 1000,
    d: '0',
    p_w: powerW
  }))
  return files.write(name, jsonlText([device], records, { host: 'node-a' }))
}

/** The same board as nvidia-smi CSV, with the host given by the folder job. */
function smiLog(name: string, t0: number, seconds: number, powerW: number) {
  const header = 'timestamp, uuid, name, power.draw [W], power.limit [W]'
  const rows = Array.from(
    { length: seconds + 1 },
    (_, s) =>
      `${smiTime(t0 + s * 1000)}, ${UUID}, NVIDIA H100 80GB HBM3, ${powerW.toFixed(2)} W, 700.00 W`
  )
  return files.write(name, [header, ...rows].join('\n') + '\n')
}

describe('one board in several files', () => {
  it('is counted once when two logs cover the same minute', async () => {
    // 60 s at 300 W in both files: 18,000 J once, not 36,000 J.
    const a = boardLog('same-a.jsonl', T0, 60, 300)
    const b = boardLog('same-b.jsonl', T0, 60, 300)

    const result = await auditChecked([a, b])

    expect(result.devices).toHaveLength(1)
    expect(result.energy.gpu_kwh * J_PER_KWH).toBeCloseTo(18_000, 6)
    const warning = result.warnings.find(w => w.code === 'duplicate-device')
    expect(warning?.message).toContain('counted once')
    expect(warning?.message).toContain('same-b.jsonl')
  })

  it('keeps the copy that measured longer and says what lies outside', async () => {
    // Kept: 120 s at 250 W = 30,000 J. Set aside: 30 s inside plus 30 s after.
    const long = boardLog('long.jsonl', T0, 120, 250)
    const late = boardLog('late.jsonl', T0 + 90_000, 60, 250)

    const result = await auditChecked([late, long])

    expect(result.devices).toHaveLength(1)
    expect(result.devices[0]?.file).toBe(long)
    expect(result.energy.gpu_kwh * J_PER_KWH).toBeCloseTo(30_000, 6)
    const message =
      result.warnings.find(w => w.code === 'duplicate-device')?.message ?? ''
    expect(message).toMatch(/30 s overlap; its 30 s outside that window/)
  })

  it('counts the board in each of two consecutive jobs', async () => {
    // 60 s at 200 W, then an hour later 60 s at 400 W: 12,000 + 24,000 J.
    const first = boardLog('job-1.jsonl', T0, 60, 200)
    const second = boardLog('job-2.jsonl', T0 + 3_600_000, 60, 400)

    const result = await auditChecked([first, second])

    expect(result.devices).toHaveLength(2)
    expect(result.energy.gpu_kwh * J_PER_KWH).toBeCloseTo(36_000, 6)
    expect(result.warnings.map(w => w.code)).not.toContain('duplicate-device')
  })

  it('matches an nvidia-smi CSV and a log of the same board by UUID', async () => {
    const csv = smiLog('board.csv', T0, 60, 300)
    const log = files.write(
      'board.jsonl',
      jsonlText(
        [{ key: '0', kind: 'gpu', uuid: UUID.toLowerCase() }],
        Array.from({ length: 61 }, (_, s) => ({
          t: T0 + s * 1000,
          d: '0',
          p_w: 300
        }))
      )
    )

    const result = await auditChecked([csv, log])

    expect(result.devices).toHaveLength(1)
    expect(result.energy.gpu_kwh * J_PER_KWH).toBeCloseTo(18_000, 6)
  })
})

describe('jobs', () => {
  it('labels each device with the job whose folder held its file', async () => {
    const legA = join(files.dir, 'ecocompute-telemetry-ci-train-a-1')
    const legB = join(files.dir, 'ecocompute-telemetry-ci-train-b-1')
    mkdirSync(legA)
    mkdirSync(legB)
    const a = boardLog('ecocompute-telemetry-ci-train-a-1/t.jsonl', T0, 10, 100)
    const b = smiLog(
      'ecocompute-telemetry-ci-train-b-1/t.csv',
      T0 + 7_200_000,
      10,
      100
    )

    const result = await auditChecked([legA, legB], {
      jobFolders: [
        { folder: legA, job: 'train-a' },
        { folder: legB, job: 'train-b' }
      ]
    })

    const jobs = result.devices.map(d => [d.file, d.job])
    expect(jobs).toEqual([
      [a, 'train-a'],
      [b, 'train-b']
    ])
    // Each leg is measured against its own job's window, not the run's
    // two hours: both cover theirs fully.
    expect(result.devices.map(d => d.coverage)).toEqual([1, 1])
    expect(result.warnings.map(w => w.code)).not.toContain('partial-coverage')
  })
})
