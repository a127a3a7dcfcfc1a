import { execFileSync } from 'node:child_process'
import { symlinkSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from '@jest/globals'
import { NoDataError } from '../../src/audit/no-data-error.js'
import { runAudit } from '../../src/audit/run-audit.js'
import {
  J_PER_KWH,
  TempTelemetry,
  auditChecked,
  deviceJ,
  jsonlText,
  smiTime
} from '../helpers/temp-telemetry.js'

/**
 * Inputs found by throwing malformed files at the CLI: each once crashed,
 * invented energy or lost a device. Expected values are worked out here.
 */
const files = new TempTelemetry()
afterAll(() => files.remove())

const GPU = [{ key: '0', kind: 'gpu', name: 'NVIDIA H100 80GB HBM3' }]
const T0 = Date.UTC(2024, 5, 1, 12)

/** A JSON Lines file of samples of GPU 0 at T0 + t s. */
function samples(
  name: string,
  rows: { t: number; [field: string]: unknown }[]
): string {
  const records = rows.map(({ t, ...rest }) => ({
    t: T0 + t * 1000,
    d: '0',
    ...rest
  }))
  return files.write(name, jsonlText(GPU, records))
}

describe('times no clock gives', () => {
  it('rejects a reading in the year 275760 by line instead of crashing', async () => {
    const path = files.write(
      'future.jsonl',
      jsonlText(GPU, [
        { t: T0, d: '0', p_w: 100 },
        { t: T0 + 1000, d: '0', p_w: 100 },
        { t: 8_640_000_000_000_001, d: '0', p_w: 100 }
      ])
    )
    const result = await auditChecked([path])
    expect(result.warnings).toContainEqual(
      expect.objectContaining({ code: 'rejected-row', line: 4 })
    )
    expect(deviceJ(result.devices[0]!)).toBeCloseTo(100, 9)
  })

  it('does not fill a jump from 1970 to 2024 as a gap of 54 years', async () => {
    const rows = ['timestamp, index, power.draw [W]']
    for (let s = 0; s < 4; s++)
      rows.push(`1970/01/01 00:00:0${s}.000, 0, 300.00 W`)
    for (let s = 0; s < 4; s++)
      rows.push(`${smiTime(T0 + s * 1000)}, 0, 300.00 W`)
    const result = await auditChecked([
      files.write('jump.csv', `${rows.join('\n')}\n`)
    ])
    // Two runs of 3 s at 300 W; the jump between them is neither measured nor filled.
    expect(deviceJ(result.devices[0]!)).toBeCloseTo(2 * 3 * 300, 6)
    expect(
      result.warnings.some(w => w.message.includes('longer than a day'))
    ).toBe(true)
  })
})

describe('energy counters that cannot be right', () => {
  it('uses power when the counter never moves while power shows 100 W', async () => {
    const rows = Array.from({ length: 10 }, (_, t) => ({
      t,
      p_w: 100,
      e_mj: 1e9
    }))
    const result = await auditChecked([samples('stuck-counter.jsonl', rows)])
    expect(deviceJ(result.devices[0]!)).toBeCloseTo(900, 6)
    const mismatch = result.warnings.find(
      w => w.code === 'counter-power-mismatch'
    )
    expect(mismatch?.message).toContain('not used')
    expect(JSON.stringify(result)).not.toContain('Infinity')
  })

  it('leaves out a counter rising at 1 MW on a 700 W board', async () => {
    const rows = Array.from({ length: 5 }, (_, t) => ({
      t,
      e_mj: 1e9 * (t + 1)
    }))
    const path = files.write(
      'fast-counter.jsonl',
      jsonlText(
        [{ key: '0', kind: 'gpu', power_limit_w: 700 }],
        rows.map(({ t, e_mj }) => ({ t: T0 + t * 1000, d: '0', e_mj }))
      )
    )
    const result = await auditChecked([path])
    expect(result.devices[0]!.energy_kwh * J_PER_KWH).toBeLessThan(1500 * 4)
    expect(result.warnings.some(w => w.code === 'implausible-power')).toBe(true)
  })
})

describe('files and folders', () => {
  it('reads a file named twice once', async () => {
    const path = samples('twice.jsonl', [
      { t: 0, p_w: 100 },
      { t: 1, p_w: 100 }
    ])
    const result = await auditChecked([path, path])
    expect(result.devices).toHaveLength(1)
    expect(result.energy.gpu_kwh * J_PER_KWH).toBeCloseTo(100, 9)
  })

  it('counts both and warns when two files report GPU 0 with no UUID at the same time', async () => {
    const a = samples('copy-a.jsonl', [
      { t: 0, p_w: 100 },
      { t: 1, p_w: 100 }
    ])
    const b = samples('copy-b.jsonl', [
      { t: 0, p_w: 100 },
      { t: 1, p_w: 100 }
    ])
    const result = await auditChecked([a, b])
    expect(result.devices).toHaveLength(2)
    expect(result.energy.gpu_kwh * J_PER_KWH).toBeCloseTo(200, 9)
    expect(result.warnings).toContainEqual(
      expect.objectContaining({
        code: 'duplicate-device',
        message: expect.stringMatching(/is in 2 files over overlapping times/)
      })
    )
  })

  it('follows a link in a folder and names a FIFO it will not read', async () => {
    const folder = join(files.dir, 'linked')
    execFileSync('mkdir', ['-p', folder])
    const target = samples('target.jsonl', [
      { t: 0, p_w: 50 },
      { t: 2, p_w: 50 }
    ])
    symlinkSync(target, join(folder, 'link.jsonl'))
    execFileSync('mkfifo', [join(folder, 'pipe')])
    const result = await auditChecked([folder])
    expect(deviceJ(result.devices[0]!)).toBeCloseTo(100, 9)
    expect(result.warnings).toContainEqual(
      expect.objectContaining({
        code: 'rejected-file',
        message: 'skipped: not a regular file'
      })
    )
  })

  it('refuses a file whose every sample names an undeclared device', async () => {
    const path = files.write(
      'undeclared.jsonl',
      jsonlText(GPU, [
        { t: T0, d: '9', p_w: 100 },
        { t: T0 + 1000, d: '9', p_w: 100 }
      ])
    )
    await expect(runAudit([path], {})).rejects.toThrow(NoDataError)
    await expect(runAudit([path], {})).rejects.toThrow(
      /every data row was rejected/
    )
  })

  it('names a UTF-16 file and how to convert it', async () => {
    const text = 'timestamp, power.draw [W]\n2024/06/01 12:00:00.000, 100 W\n'
    const path = files.write(
      'utf16.csv',
      Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')])
    )
    await expect(runAudit([path], {})).rejects.toThrow(/UTF-16/)
  })
})

describe('tool-written numbers out of range', () => {
  it('rejects a CodeCarbon row with PUE −1 instead of a negative energy', async () => {
    const path = files.write(
      'pue-negative.csv',
      'timestamp,run_id,duration,emissions,energy_consumed,gpu_energy,gpu_model,pue\n' +
        '2025-01-01T00:00:00,r1,3600,0.1,0.5,0.3,1 x NVIDIA A100-SXM4-40GB,-1\n'
    )
    await expect(runAudit([path], {})).rejects.toThrow(
      /expected a PUE from 1 to 5/
    )
  })

  it('reads exporter timestamps written in seconds as seconds', async () => {
    const t = T0 / 1000
    const path = files.write(
      'exporter-seconds.prom',
      `DCGM_FI_DEV_POWER_USAGE{gpu="0",UUID="GPU-x"} 200 ${t}\n` +
        `DCGM_FI_DEV_POWER_USAGE{gpu="0",UUID="GPU-x"} 200 ${t + 10}\n`
    )
    const result = await auditChecked([path])
    expect(deviceJ(result.devices[0]!)).toBeCloseTo(2000, 6)
    expect(result.window.start).toBe(new Date(T0).toISOString())
  })

  it('keeps 2,000 distinct GPUs of one file apart', async () => {
    const rows = ['timestamp, uuid, power.draw [W]']
    for (let s = 0; s < 2; s++) {
      for (let g = 0; g < 2000; g++)
        rows.push(`${smiTime(T0 + s * 1000)}, GPU-${g}, 10.00 W`)
    }
    const result = await auditChecked([
      files.write('many.csv', `${rows.join('\n')}\n`)
    ])
    expect(result.devices).toHaveLength(2000)
    expect(result.energy.gpu_kwh * J_PER_KWH).toBeCloseTo(2000 * 10, 6)
  })
})

describe('a host the recording tool measured', () => {
  it('does not add the workstation host model on top of CodeCarbon CPU and RAM', async () => {
    const path = files.write(
      'codecarbon-4090.csv',
      'timestamp,run_id,duration,emissions,cpu_energy,gpu_energy,ram_energy,energy_consumed,gpu_model\n' +
        '2025-01-01T01:00:00,r1,3600,0.1,0.05,0.3,0.02,0.37,1 x NVIDIA GeForce RTX 4090\n'
    )
    const result = await auditChecked([path], { pue: 1 })
    expect(result.energy.it_kwh).toBeCloseTo(0.37, 12)
    expect(result.grounding.reasons.join(' ')).toContain('not applied on top')
  })
})
