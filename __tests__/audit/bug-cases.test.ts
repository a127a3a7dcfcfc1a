/**
 * The parsing, units, integration-math and data-lookup rows of
 * ../shared/reference/bug-cases.md, each run end to end through runAudit
 * on small files written to a temp folder. Expected values are computed
 * here from the input numbers; every result also passes the invariants of
 * helpers/audit-invariants.ts (schema, finite, non-negative, in bounds).
 */
import { afterAll, describe, expect, it } from '@jest/globals'
import { averageIntensity } from '@tgwf/co2/data'
import type { AuditResult } from '../../src/audit/audit-schema.js'
import { NoDataError } from '../../src/audit/no-data-error.js'
import { runAudit } from '../../src/audit/run-audit.js'
import {
  J_PER_KWH,
  TempTelemetry,
  auditChecked,
  deviceJ,
  deviceOf,
  jsonlText,
  smiTime
} from '../helpers/temp-telemetry.js'

const files = new TempTelemetry()
afterAll(() => files.remove())

/** 2024-06-01T12:00:00Z, the fixtures' first row. */
const T0 = Date.UTC(2024, 5, 1, 12)

/** `actual` equals `expected` to a relative 1e-9 (kWh ↔ J round trips). */
function expectJ(actual: number, expected: number): void {
  const scale = Math.max(Math.abs(expected), 1e-12)
  expect(Math.abs(actual - expected) / scale).toBeLessThan(1e-9)
}

/** Lines joined with LF and a final newline. */
const text = (...lines: string[]): string => lines.join('\n') + '\n'

/** Warning codes of the result, optionally only those of one device. */
function codesOf(result: AuditResult, deviceId?: string): string[] {
  return result.warnings
    .filter(w => deviceId === undefined || w.device === deviceId)
    .map(w => w.code)
}

/** A one-GPU JSON Lines file of samples at T0 + `t` seconds. */
function jsonlSamples(
  samples: readonly Record<string, unknown>[],
  device: Record<string, unknown> = {},
  header: Record<string, unknown> = {}
): string {
  return jsonlText(
    [{ key: '0', kind: 'gpu', ...device }],
    samples.map(({ t, ...rest }) => ({
      t: T0 + (t as number) * 1000,
      d: '0',
      ...rest
    })),
    header
  )
}

describe('B01 one GPU without a power sensor', () => {
  const FIXTURE = text(
    'timestamp, index, power.draw [W]',
    '2024/06/01 12:00:00.000, 0, 71.20 W',
    '2024/06/01 12:00:00.000, 1, [Not Supported]',
    '2024/06/01 12:00:01.000, 0, 73.80 W',
    '2024/06/01 12:00:01.000, 1, [Not Supported]'
  )

  it('integrates GPU 0 to 72.5 J and keeps GPU 1 in the totals at L1', async () => {
    const result = await auditChecked([files.write('b01.csv', FIXTURE)])
    const gpu0 = deviceOf(result, '/0')
    const gpu1 = deviceOf(result, '/1')
    const expectedJ = ((71.2 + 73.8) / 2) * 1

    expectJ(deviceJ(gpu0), expectedJ)
    expect(gpu0.level).toBe('L2')
    expect(gpu1.level).toBe('L1')
    expect(gpu1.energy_kwh).toBeGreaterThan(0)
    expect(gpu1.coverage).toBe(0)
    expect(gpu1.samples).toBe(0)
    expect(codesOf(result, gpu1.id)).toEqual(
      expect.arrayContaining(['level-fallback', 'missing-power'])
    )

    expectJ(result.energy.measured_gpu_kwh * J_PER_KWH, expectedJ)
    expectJ(result.energy.gpu_kwh, gpu0.energy_kwh + gpu1.energy_kwh)
    expect(result.grounding.level).toBe('L1')
    expect(result.grounding.devices).toEqual({
      [gpu0.id]: 'L2',
      [gpu1.id]: 'L1'
    })
  })

  it('keeps a GPU whose JSON Lines power is null at L1, never 0 W', async () => {
    const samples = [0, 1, 2].flatMap(t => [
      { t: T0 + t * 1000, d: '0', p_w: 100 },
      { t: T0 + t * 1000, d: '1', p_w: null }
    ])
    const gpus = [
      { key: '0', kind: 'gpu' },
      { key: '1', kind: 'gpu' }
    ]
    const path = files.write('b01.jsonl', jsonlText(gpus, samples))
    const result = await auditChecked([path])

    expectJ(deviceJ(deviceOf(result, '/0')), 200)
    expect(deviceOf(result, '/1').level).toBe('L1')
    expect(deviceOf(result, '/1').energy_kwh).toBeGreaterThan(0)
    expectJ(result.energy.measured_gpu_kwh * J_PER_KWH, 200)
  })
})

describe('B02–B04 sentinels are missing cells, per cell, after trimming', () => {
  it('reads power 55.10 W beside an [N/A] fan cell (B02)', async () => {
    const path = files.write(
      'b02.csv',
      text(
        'timestamp, index, power.draw [W], fan.speed [%]',
        '2024/06/01 12:00:00.000, 0, 55.10, [N/A]',
        '2024/06/01 12:00:01.000, 0, 55.10, [N/A]'
      )
    )
    const result = await auditChecked([path])
    const gpu = deviceOf(result, '/0')
    expect(gpu.mean_w).toBeCloseTo(55.1, 10)
    expectJ(deviceJ(gpu), 55.1 * 1)
    expect(result.inputs[0]!.rejected_rows).toBe(0)
  })

  it('treats every whole-cell sentinel in a power cell as missing, never as 0 W', async () => {
    const sentinels = [
      '[N/A]',
      '[Not Supported]',
      '[Unknown Error]',
      '[Insufficient Permissions]',
      '[GPU is lost]',
      '[GPU requires reset]',
      'N/A'
    ]
    const rows = sentinels.flatMap((sentinel, t) => [
      `${smiTime(T0 + t * 1000)}, 0, 100.00 W, ${sentinel}`,
      `${smiTime(T0 + t * 1000)}, 1, ${sentinel}, ${sentinel}`
    ])
    const path = files.write(
      'b02-sentinels.csv',
      text('timestamp, index, power.draw [W], fan.speed [%]', ...rows)
    )
    const result = await auditChecked([path])

    expect(result.inputs[0]!.rejected_rows).toBe(0)
    expectJ(deviceJ(deviceOf(result, '/0')), 100 * (sentinels.length - 1))
    const gpu1 = deviceOf(result, '/1')
    expect(gpu1.level).toBe('L1')
    expect(gpu1.samples).toBe(0)
    // [GPU is lost] and [GPU requires reset] say the GPU was not observed
    // at all: they raise device-lost instead of counting as readings.
    const missing = result.warnings.find(
      w => w.device === gpu1.id && w.code === 'missing-power'
    )
    expect(missing?.message).toMatch(new RegExp(`^${sentinels.length - 2} `))
    expect(result.warnings.filter(w => w.code === 'device-lost')).toHaveLength(
      1
    )
  })

  it('keeps a row whose non-essential cell is [Unknown Error] (B03)', async () => {
    const path = files.write(
      'b03.csv',
      text(
        'timestamp, index, power.draw [W], power.default_limit [W]',
        '2024/06/01 12:00:00.000, 0, 228.40, [Unknown Error]',
        '2024/06/01 12:00:01.000, 0, 228.40, [Unknown Error]'
      )
    )
    const result = await auditChecked([path])
    const gpu = deviceOf(result, '/0')
    expect(result.inputs[0]!.rejected_rows).toBe(0)
    expect(gpu.samples).toBe(2)
    expect(gpu.mean_w).toBeCloseTo(228.4, 10)
    expectJ(deviceJ(gpu), 228.4)
  })

  it('trims " [N/A]" before the sentinel check and strips units after it (B04)', async () => {
    const path = files.write(
      'b04.csv',
      text(
        'timestamp, index, memory.used [MiB], power.draw [W]',
        '2024/06/01 12:00:00.000, 0, 1024 MiB, 250.00 W',
        '2024/06/01 12:00:00.000, 1, 1024 MiB,    [N/A]   ',
        '2024/06/01 12:00:01.000, 0, 1024 MiB, 250.00 W',
        '2024/06/01 12:00:01.000, 1, 1024 MiB, [N/A]'
      )
    )
    const result = await auditChecked([path])
    expect(result.inputs[0]!.rejected_rows).toBe(0)
    expectJ(deviceJ(deviceOf(result, '/0')), 250)
    const gpu1 = deviceOf(result, '/1')
    expect(gpu1.level).toBe('L1')
    expect(codesOf(result, gpu1.id)).toContain('missing-power')
  })
})

describe('B10 blank lines and a last line without a newline', () => {
  it('skips blank and whitespace-only lines and reads the unterminated last line', async () => {
    const body =
      'timestamp, index, power.draw [W]\n' +
      '2024/06/01 12:00:00.000, 0, 100.00 W\n' +
      '\n' +
      '   \t  \n' +
      '2024/06/01 12:00:01.000, 0, 200.00 W\n' +
      '\r\n' +
      '2024/06/01 12:00:02.000, 0, 300.00 W'
    const result = await auditChecked([files.write('b10.csv', body)])
    const gpu = deviceOf(result, '/0')
    expect(result.inputs[0]!.rejected_rows).toBe(0)
    expect(gpu.samples).toBe(3)
    expectJ(deviceJ(gpu), (100 + 200) / 2 + (200 + 300) / 2)
  })
})

describe('B11 a GPU drops off the bus mid-run', () => {
  it('skips the error line with a counted warning and never bridges GPU 1', async () => {
    const path = files.write(
      'b11.csv',
      text(
        'timestamp, index, power.draw [W]',
        '2024/06/01 12:00:00.000, 0, 250.00 W',
        '2024/06/01 12:00:00.000, 1, 240.00 W',
        'Unable to determine the device handle for GPU 0000:3B:00.0: Unknown Error',
        '2024/06/01 12:00:01.000, 0, 252.00 W',
        '2024/06/01 12:00:02.000, 0, 248.00 W'
      )
    )
    const result = await auditChecked([path])
    const gpu0 = deviceOf(result, '/0')
    const gpu1 = deviceOf(result, '/1')

    expectJ(deviceJ(gpu0), (250 + 252) / 2 + (252 + 248) / 2)
    expect(result.inputs[0]!.rejected_rows).toBe(1)
    const skipped = result.warnings.filter(w => w.code === 'rejected-row')
    expect(skipped).toHaveLength(1)
    expect(skipped[0]!.line).toBe(4)

    expect(result.window.duration_s).toBe(2)
    expect(gpu1.first).toBe('2024-06-01T12:00:00.000Z')
    expect(gpu1.last).toBe('2024-06-01T12:00:00.000Z')
    expect(gpu1.coverage).toBe(0)
    // Bridged to the end of the run it would hold at least 2 s × 240 W.
    expect(gpu1.high_kwh * J_PER_KWH).toBeLessThan(240 * 2)
  })

  it('reads [GPU is lost] cells as missing with a device-lost note', async () => {
    const path = files.write(
      'b11-lost.csv',
      text(
        'timestamp, index, power.draw [W]',
        '2024/06/01 12:00:00.000, 0, 250.00 W',
        '2024/06/01 12:00:00.000, 1, 240.00 W',
        '2024/06/01 12:00:01.000, 0, 252.00 W',
        '2024/06/01 12:00:01.000, 1, [GPU is lost]',
        '2024/06/01 12:00:02.000, 0, 248.00 W',
        '2024/06/01 12:00:02.000, 1, [GPU is lost]'
      )
    )
    const result = await auditChecked([path])
    const gpu1 = deviceOf(result, '/1')

    expectJ(deviceJ(deviceOf(result, '/0')), 501)
    const lost = result.warnings.filter(w => w.code === 'device-lost')
    expect(lost).toHaveLength(1)
    expect(lost[0]!.message).toContain('2024-06-01T12:00:01.000Z')
    expect(lost[0]!.line).toBe(5)
    // Read as 0 W, GPU 1 would be measured (L2) from 240 W down to 0 W.
    expect(gpu1.level).toBe('L1')
    expect(gpu1.coverage).toBe(0)
    // The same result as a GPU that vanishes: 0 J over its 0 s span.
    expect(gpu1.energy_kwh).toBe(0)
    expect(codesOf(result, gpu1.id)).toContain('partial-coverage')
  })
})

describe('B12, B13 CodeCarbon rows whose field count does not match the header', () => {
  it('rejects a glued row with its line number instead of reading a number prefix (B12)', async () => {
    const path = files.write(
      'b12-emissions.csv',
      'timestamp,run_id,duration,emissions,energy_consumed,gpu_energy\n' +
        '2024-06-01T10:00:00,r1,60,0.0004,0.0010,0.0010' +
        '2024-06-01T11:00:00,r2,60,0.0005,0.0012,0.0012\n' +
        '2024-06-01T12:00:00,r3,60,0.0006,0.0015,0.0015\n'
    )
    const result = await auditChecked([path], { region: 'SE' })

    expect(result.inputs[0]!.format).toBe('codecarbon')
    expect(result.inputs[0]!.rejected_rows).toBe(1)
    const rejected = result.warnings.find(w => w.code === 'rejected-row')
    expect(rejected?.line).toBe(2)
    expect(rejected?.message).toMatch(/expected 6 fields/)
    // Only r3 is energy: parseFloat("0.00102024-…") would have added 0.001.
    expectJ(result.energy.it_kwh, 0.0015)
  })

  it('rejects a row that lost an empty column instead of shifting values left (B13)', async () => {
    const path = files.write(
      'b13-emissions.csv',
      text(
        'timestamp,run_id,region,duration,emissions,energy_consumed,gpu_energy',
        '2024-06-01T10:00:00,r1,west,60,0.0040,0.0100,0.0100',
        '2024-06-01T11:00:00,r2,60,0.0080,0.0200,0.0200'
      )
    )
    const result = await auditChecked([path], { region: 'SE' })
    expect(result.inputs[0]!.rejected_rows).toBe(1)
    expect(result.warnings.find(w => w.code === 'rejected-row')?.line).toBe(3)
    expectJ(result.energy.it_kwh, 0.01)
  })

  it('reads an all-empty column as missing, not as a type error (B13)', async () => {
    const path = files.write(
      'b13-empty-column.csv',
      text(
        'timestamp,run_id,duration,emissions,energy_consumed,gpu_energy,pue,country_iso_code',
        '2024-06-01T10:00:00,r1,60,0.0040,0.0100,0.0100,,',
        '2024-06-01T11:00:00,r2,60,0.0080,0.0200,0.0200,,'
      )
    )
    const result = await auditChecked([path], { region: 'SE', pue: 1.2 })
    expect(result.inputs[0]!.rejected_rows).toBe(0)
    expectJ(result.energy.it_kwh, 0.01 + 0.02)
    expect(result.assumptions.pue!.value).toBe(1.2)
  })
})

describe('B15 a byte-order mark and CRLF line ends', () => {
  const ROWS = '2024-06-01T10:00:00Z,100\r\n2024-06-01T10:00:10Z,100\r\n'

  it.each([
    ['plain header', 'timestamp,power_w\r\n'],
    ['quoted header', '"timestamp","power_w"\r\n']
  ])(
    'reads the first column by name and integrates 1000 J (%s)',
    async (_, header) => {
      const bytes = Buffer.concat([
        Buffer.from([0xef, 0xbb, 0xbf]),
        Buffer.from(header + ROWS, 'utf8')
      ])
      const name = `b15-${header.startsWith('"') ? 'quoted' : 'plain'}.csv`
      const result = await auditChecked([files.write(name, bytes)])
      const gpu = result.devices[0]!

      expect(result.devices).toHaveLength(1)
      expect(result.inputs[0]!.rejected_rows).toBe(0)
      expect(gpu.first).toBe('2024-06-01T10:00:00.000Z')
      expectJ(deviceJ(gpu), 100 * 10)
    }
  )
})

describe('B18 power units and plausibility', () => {
  it('reads a "161.30 W" cell as 161.3 W', async () => {
    const rows = [0, 1, 2].map(t => `${smiTime(T0 + t * 1000)}, 0, 161.30 W`)
    const path = files.write(
      'b18.csv',
      text('timestamp, index, power.draw [W]', ...rows)
    )
    const result = await auditChecked([path])
    const gpu = deviceOf(result, '/0')
    expect(gpu.mean_w).toBeCloseTo(161.3, 10)
    expect(gpu.max_w).toBe(161.3)
    expectJ(deviceJ(gpu), 161.3 * 2)
  })

  it('reads a milliwatt column as watts', async () => {
    const rows = [0, 1, 2].map(t => `${smiTime(T0 + t * 1000)}, 0, 161300`)
    const path = files.write(
      'b18-mw.csv',
      text('timestamp, index, power.draw [mW]', ...rows)
    )
    const result = await auditChecked([path])
    expect(deviceOf(result, '/0').mean_w).toBeCloseTo(161.3, 10)
  })

  it('flags and leaves out a 160000 W reading instead of integrating it', async () => {
    const path = files.write(
      'b18-implausible.csv',
      text(
        'timestamp, index, power.draw [W]',
        '2024/06/01 12:00:00.000, 0, 161.30 W',
        '2024/06/01 12:00:01.000, 0, 160000.00 W',
        '2024/06/01 12:00:02.000, 0, 161.30 W'
      )
    )
    const result = await auditChecked([path])
    const gpu = deviceOf(result, '/0')
    expectJ(deviceJ(gpu), 161.3 * 2)
    expect(gpu.max_w).toBe(161.3)
    const flagged = result.warnings.find(w => w.code === 'implausible-power')
    expect(flagged?.device).toBe(gpu.id)
    expect(flagged?.message).toMatch(/line 3/)
  })

  it('sets the plausible ceiling at max(2 × power limit, 1500 W) per GPU', async () => {
    const rows = [0, 1, 2].flatMap(t => [
      `${smiTime(T0 + t * 1000)}, 0, 1000.00 W, ${t === 1 ? 1600 : 900}.00 W`,
      `${smiTime(T0 + t * 1000)}, 1, 300.00 W, ${t === 1 ? 1600 : 200}.00 W`,
      `${smiTime(T0 + t * 1000)}, 2, 300.00 W, ${t === 1 ? -5 : 200}.00 W`
    ])
    const path = files.write(
      'b18-limits.csv',
      text('timestamp, index, power.limit [W], power.draw [W]', ...rows)
    )
    const result = await auditChecked([path])
    // 1600 W is under 2 × 1000 W for GPU 0 and over 1500 W for GPU 1.
    expectJ(deviceJ(deviceOf(result, '/0')), ((900 + 1600) / 2) * 2)
    expectJ(deviceJ(deviceOf(result, '/1')), 200 * 2)
    expectJ(deviceJ(deviceOf(result, '/2')), 200 * 2)
    const flagged = result.warnings
      .filter(w => w.code === 'implausible-power')
      .map(w => w.device)
    expect(flagged.sort()).toEqual(
      [deviceOf(result, '/1').id, deviceOf(result, '/2').id].sort()
    )
  })
})

describe('B19, B26, B27, B29 cumulative energy counters (JSON Lines, mJ)', () => {
  it('reads the counter in mJ: 16,800 J and 280 W over 60 s (B19)', async () => {
    const path = files.write(
      'b19.jsonl',
      jsonlSamples([
        { t: 0, e_mj: 5_000_000 },
        { t: 60, e_mj: 21_800_000 }
      ])
    )
    const result = await auditChecked([path])
    const gpu = result.devices[0]!
    const expectedJ = (21_800_000 - 5_000_000) / 1000
    expect(gpu.field).toBe('energy-counter')
    expect(gpu.level).toBe('L2')
    expectJ(deviceJ(gpu), expectedJ)
    expect(gpu.mean_w).toBeCloseTo(expectedJ / 60, 9)
  })

  it('adds the known range on a wrap: 944 J (B26)', async () => {
    const rangeMJ = 262_144_000_000 / 1000
    const path = files.write(
      'b26.jsonl',
      jsonlSamples(
        [
          { t: 0, e_mj: 262_100_000_000 / 1000 },
          { t: 10, e_mj: 900_000_000 / 1000 }
        ],
        { energy_wrap_mj: rangeMJ }
      )
    )
    const result = await auditChecked([path])
    const gpu = result.devices[0]!
    const expectedJ = (262_144_000_000 - 262_100_000_000 + 900_000_000) / 1e6
    expectJ(deviceJ(gpu), expectedJ)
    expect(gpu.mean_w).toBeCloseTo(expectedJ / 10, 9)
    expect(codesOf(result, gpu.id)).toContain('counter-wrap')
  })

  it('excludes and reports the interval across a wrap of unknown range (B27)', async () => {
    const path = files.write(
      'b27.jsonl',
      jsonlSamples([
        { t: 0, e_mj: 262_000_000 },
        { t: 10, e_mj: 262_100_000 },
        { t: 20, e_mj: 900_000 },
        { t: 30, e_mj: 1_844_000 }
      ])
    )
    const result = await auditChecked([path])
    const gpu = result.devices[0]!
    // 100 J and 944 J measured over 20 s; the 10 s across is a gap
    // filled at the measured mean, never a negative delta.
    const measuredJ = (262_100_000 - 262_000_000 + 1_844_000 - 900_000) / 1000
    const meanW = measuredJ / 20
    expectJ(deviceJ(gpu), measuredJ + meanW * 10)
    expect(gpu.gaps).toHaveLength(1)
    expect(gpu.gaps[0]!.duration_s).toBe(10)
    expect(codesOf(result, gpu.id)).toContain('counter-reset')
  })

  it('never lets a lone unknown wrap make energy negative (B27)', async () => {
    const path = files.write(
      'b27-lone.jsonl',
      jsonlSamples([
        { t: 0, e_mj: 262_100_000 },
        { t: 10, e_mj: 900_000 }
      ])
    )
    const result = await auditChecked([path])
    const gpu = result.devices[0]!
    expect(gpu.energy_kwh).toBeGreaterThanOrEqual(0)
    expect(gpu.coverage).toBe(0)
  })

  it('says why a counter that only went down was not used (B27)', async () => {
    const path = files.write(
      'b27-said.jsonl',
      jsonlSamples([
        { t: 0, e_mj: 262_100_000 },
        { t: 10, e_mj: 900_000 }
      ])
    )
    const result = await auditChecked([path])
    const gpu = result.devices[0]!
    const codes = codesOf(result, gpu.id)
    expect(codes).toContain('counter-reset')
    const unused = result.warnings.find(
      w => w.device === gpu.id && w.message.includes('was not used')
    )
    expect(unused).toBeDefined()
    expect(gpu.level).toBe('L1')
  })

  it('splits a counter reset into 2000 J + 2000 J measured and a 10 s gap (B29)', async () => {
    const path = files.write(
      'b29.jsonl',
      jsonlSamples([
        { t: 0, e_mj: 1_500_000 },
        { t: 10, e_mj: 3_500_000 },
        { t: 20, e_mj: 12_500 },
        { t: 30, e_mj: 2_012_500 }
      ])
    )
    const result = await auditChecked([path])
    const gpu = result.devices[0]!
    const measuredJ = (3_500_000 - 1_500_000 + 2_012_500 - 12_500) / 1000
    const filledJ = (measuredJ / 20) * 10

    expect(measuredJ).toBe(4000)
    expectJ(deviceJ(gpu), measuredJ + filledJ)
    expect(gpu.gaps).toHaveLength(1)
    expect(gpu.gaps[0]).toMatchObject({
      start: '2024-06-01T12:00:10.000Z',
      end: '2024-06-01T12:00:20.000Z',
      duration_s: 10
    })
    expectJ(gpu.gaps[0]!.filled_kwh * J_PER_KWH, filledJ)
    expect(gpu.coverage).toBeCloseTo(20 / 30, 9)
    expect(codesOf(result, gpu.id)).toContain('counter-reset')
  })
})

describe('B34, B41 counters and power together', () => {
  it('integrates power when every counter reading is null: 93,600 J (B34)', async () => {
    const samples = Array.from({ length: 3601 }, (_, t) => ({
      t,
      e_mj: null,
      p_w: 26_000 / 1000
    }))
    const result = await auditChecked([
      files.write('b34.jsonl', jsonlSamples(samples))
    ])
    const gpu = result.devices[0]!
    expect(gpu.field).toBe('power.draw')
    expect(gpu.level).toBe('L2')
    expectJ(deviceJ(gpu), 26 * 3600)
    expect(gpu.energy_kwh).toBeCloseTo(0.026, 12)
  })

  it('prefers the counter and warns when power differs by more than 20 % (B41)', async () => {
    const samples = [0, 1, 2, 3, 4, 5].map(t => ({
      t,
      p_w: 65,
      e_mj: 7_000_000 + (190_000 / 5) * t
    }))
    const result = await auditChecked([
      files.write('b41.jsonl', jsonlSamples(samples))
    ])
    const gpu = result.devices[0]!
    expect(gpu.field).toBe('energy-counter')
    expectJ(deviceJ(gpu), 190)
    expect(codesOf(result, gpu.id)).toContain('counter-power-mismatch')
  })

  it('does not warn when counter and power agree within 20 %', async () => {
    const samples = [0, 1, 2, 3, 4, 5].map(t => ({
      t,
      p_w: 40,
      e_mj: 7_000_000 + 38_000 * t
    }))
    const result = await auditChecked([
      files.write('b41-agree.jsonl', jsonlSamples(samples))
    ])
    expectJ(deviceJ(result.devices[0]!), 190)
    expect(codesOf(result)).not.toContain('counter-power-mismatch')
  })
})

describe('B22, B25, B42 CodeCarbon energies and PUE', () => {
  it('takes energy in kWh as written, never × duration again (B22)', async () => {
    const path = files.write(
      'b22-emissions.csv',
      text(
        'timestamp,project_name,run_id,duration,emissions,cpu_power,gpu_power,ram_power,cpu_energy,gpu_energy,ram_energy,energy_consumed,country_iso_code',
        '2024-06-01T11:00:00,demo,r1,3600,0.1,62.5,125,62.5,0.0625,0.125,0.0625,0.25,SWE'
      )
    )
    const result = await auditChecked([path])
    expect(result.inputs[0]!.format).toBe('codecarbon')
    expectJ(result.energy.it_kwh, 0.0625 + 0.125 + 0.0625)
    expectJ(result.energy.gpu_kwh, 0.125)
    expectJ(
      result.energy.facility_kwh,
      0.25 * (result.assumptions.pue!.value as number)
    )
    expect(result.carbon.region).toBe('SE')
    expect(result.window.duration_s).toBe(3600)
  })

  it('takes a CodeCarbon total without components as the machine energy (B22)', async () => {
    const path = files.write(
      'b22-total.csv',
      text(
        'timestamp,run_id,duration,emissions,energy_consumed',
        '2024-06-01T11:00:00,r1,3600,0.1,0.25'
      )
    )
    const result = await auditChecked([path], { pue: 1 })
    expectJ(result.energy.it_kwh, 0.25)
    expectJ(result.energy.facility_kwh, 0.25)
    expect(result.devices.map(d => d.kind)).toEqual(['node'])
  })

  it('gives carbon = IT energy × PUE × intensity exactly: 2.0 kWh × 1.2 (B25)', async () => {
    const path = files.write(
      'b25-emissions.csv',
      text(
        'timestamp,run_id,duration,emissions,gpu_energy,energy_consumed',
        '2024-06-01T12:00:00,r1,7200,0.8,2.0,2.0'
      )
    )
    const result = await auditChecked([path], { region: 'SE', pue: 1.2 })
    // Sweden's Ember average, read here from the dataset itself.
    const intensityGPerKWh = averageIntensity.data.SWE as number
    const expectedKg = (2.0 * 1.2 * intensityGPerKWh) / 1000

    expectJ(result.energy.it_kwh, 2.0)
    expectJ(result.energy.facility_kwh, 2.0 * 1.2)
    expect(result.carbon.intensity_g_per_kwh).toBe(intensityGPerKWh)
    expect(result.carbon.kg).toBeCloseTo(expectedKg, 12)
    expect(result.carbon.kg / expectedKg).not.toBeCloseTo(3.5, 1)
  })

  it('keeps a PUE the file already applied and never re-applies it (B42)', async () => {
    const path = files.write(
      'b42-emissions.csv',
      text(
        'timestamp,run_id,duration,emissions,cpu_power,gpu_power,ram_power,cpu_energy,gpu_energy,ram_energy,energy_consumed,pue',
        '2024-06-01T12:00:00,r1,60,0.0006,0,60,0,0,0.0015,0,0.0015,1.5'
      )
    )
    const itKWh = (60 * 60) / J_PER_KWH
    for (const pue of [undefined, 1.5, 1.2]) {
      const result = await auditChecked([path], { region: 'SE', pue })
      expectJ(result.energy.it_kwh, itKWh)
      expectJ(result.energy.facility_kwh, 0.0015)
      expect(result.assumptions.pue!.value).toBe(1.5)
      const warned = codesOf(result).includes('pue-already-applied')
      expect([pue, warned]).toEqual([pue, pue !== undefined])
    }
  })
})

describe('B23 average and instant power columns', () => {
  const HEADER = 'timestamp, power.draw.average [W], power.draw.instant [W]'

  it('integrates the instant column for sub-second sampling and records it', async () => {
    const rows = [0, 100, 200, 300, 400, 500].map(
      ms => `${smiTime(T0 + ms)}, 80.00 W, 300.00 W`
    )
    const result = await auditChecked([
      files.write('b23-fast.csv', text(HEADER, ...rows))
    ])
    const gpu = result.devices[0]!
    expect(gpu.field).toBe('power.draw.instant')
    expectJ(deviceJ(gpu), 300 * 0.5)
  })

  it('integrates the average column for 1 s sampling and records it', async () => {
    const rows = [0, 1, 2, 3, 4, 5].map(
      t => `${smiTime(T0 + t * 1000)}, 80.00 W, 300.00 W`
    )
    const result = await auditChecked([
      files.write('b23-slow.csv', text(HEADER, ...rows))
    ])
    const gpu = result.devices[0]!
    expect(gpu.field).toBe('power.draw.average')
    expectJ(deviceJ(gpu), 80 * 5)
  })
})

describe('B31 MIG instances exported with the parent GPU value', () => {
  it('counts the physical GPU once: 600 J, not 1200 J', async () => {
    const series = (id: number, value: number): string =>
      `DCGM_FI_DEV_TOTAL_ENERGY_CONSUMPTION{gpu="0",UUID="GPU-aaaa",GPU_I_PROFILE="3g.40gb",GPU_I_ID="${id}"} ${value}`
    const path = files.write(
      'b31.prom',
      text(
        series(1, 9_000_000),
        series(2, 9_000_000),
        series(1, 9_600_000),
        series(2, 9_600_000)
      )
    )
    const result = await auditChecked([path], { intervalMs: 60_000 })
    expect(result.devices).toHaveLength(1)
    const gpu = result.devices[0]!
    expect(gpu.uuid).toBe('GPU-aaaa')
    expectJ(deviceJ(gpu), (9_600_000 - 9_000_000) / 1000)
    expect(codesOf(result)).toContain('mig-instance')
  })
})

describe('B35 long files are not capped', () => {
  /** `rows` readings at 1 Hz and 200 W, nvidia-smi CSV. */
  function steadyCsv(rows: number): string {
    const lines = ['timestamp, index, power.draw [W]']
    for (let t = 0; t < rows; t++) {
      lines.push(`${smiTime(T0 + t * 1000)}, 0, 200.00 W`)
    }
    return lines.join('\n') + '\n'
  }

  it.each([7201, 150_000])(
    'integrates %i rows at 1 Hz and 200 W in full',
    async rows => {
      const path = files.write(`b35-${rows}.csv`, steadyCsv(rows))
      const result = await auditChecked([path])
      const gpu = result.devices[0]!
      const durationS = rows - 1

      expect(gpu.samples).toBe(rows)
      expectJ(deviceJ(gpu), 200 * durationS)
      expect(gpu.coverage).toBe(1)
      expect(gpu.gap_count).toBe(0)
      expect(deviceJ(gpu) / (gpu.mean_w! * durationS)).toBeCloseTo(1, 9)
      if (rows === 7201) expect(gpu.energy_kwh).toBeCloseTo(0.4, 12)
    },
    60_000
  )
})

describe('B36 two readings an hour apart', () => {
  it('reports a gap and ~0 coverage instead of a bridged 720 kJ', async () => {
    const path = files.write(
      'b36.jsonl',
      jsonlSamples(
        [
          { t: 0, p_w: 0 },
          { t: 3600, p_w: 400 }
        ],
        {},
        { interval_ms: 1000 }
      )
    )
    const result = await auditChecked([path])
    const gpu = result.devices[0]!
    const bridgedJ = ((0 + 400) / 2) * 3600

    expect(gpu.coverage).toBeLessThan(0.01)
    expect(gpu.level).not.toBe('L2')
    expect(Math.abs(deviceJ(gpu) - bridgedJ)).toBeGreaterThan(1)
    expect(codesOf(result, gpu.id)).toContain('gap')
  })
})

describe('B38 identical timestamps', () => {
  /** F-B38's three samples as power (current × voltage), all at t = 31 ms. */
  const STUCK = [11.49, 11.2, 10.95].map(mA => ({
    t: 0.031,
    p_w: (mA / 1000) * 3.99
  }))

  it('rejects the file naming the line when it is the only input', async () => {
    const path = files.write('b38.jsonl', jsonlSamples(STUCK))
    const audit = runAudit([path], {})
    await expect(audit).rejects.toThrow(NoDataError)
    await expect(runAudit([path], {})).rejects.toThrow(
      /b38\.jsonl:3: .*timestamps must increase/
    )
  })

  it('reports the file rejected with its line beside a good file, never 0 J or Infinity', async () => {
    const stuck = files.write('b38-stuck.jsonl', jsonlSamples(STUCK))
    const good = files.write(
      'b38-good.jsonl',
      jsonlSamples([
        { t: 0, p_w: 100 },
        { t: 1, p_w: 100 }
      ])
    )
    const result = await auditChecked([stuck, good])
    const rejected = result.warnings.find(w => w.code === 'rejected-file')
    expect(rejected?.file).toBe(stuck)
    expect(rejected?.message).toMatch(/^line 3: /)
    expect(result.devices.map(d => d.file)).toEqual([good])
    expectJ(result.energy.gpu_kwh * J_PER_KWH, 100)
  })

  it('rejects stuck nvidia-smi rows of one GPU naming line 3, never three GPUs of 0 J (B38)', async () => {
    const path = files.write(
      'b38-stuck.csv',
      text(
        'timestamp, index, power.draw [W]',
        '2024/06/01 12:00:00.031, 0, 45.85 W',
        '2024/06/01 12:00:00.031, 0, 44.69 W',
        '2024/06/01 12:00:00.031, 0, 43.69 W'
      )
    )
    await expect(runAudit([path], {})).rejects.toThrow(
      /b38-stuck\.csv:3: two different readings/
    )
  })

  it('claims no level above L1 when no device was observed over any time', async () => {
    const path = files.write(
      'b38-instant.csv',
      text(
        'timestamp, index, power.draw [W]',
        '2024/06/01 12:00:00.031, 0, 45.85 W',
        '2024/06/01 12:00:00.031, 1, 44.69 W'
      )
    )
    const result = await auditChecked([path])
    expect(result.grounding.level).toBe('L1')
    expect(result.energy.gpu_kwh).toBe(0)
  })

  it('drops exact duplicate rows and integrates the rest', async () => {
    const path = files.write(
      'b38-duplicates.jsonl',
      jsonlSamples([
        { t: 0, p_w: 100 },
        { t: 1, p_w: 200 },
        { t: 1, p_w: 200 },
        { t: 2, p_w: 200 }
      ])
    )
    const result = await auditChecked([path])
    expectJ(deviceJ(result.devices[0]!), 150 + 200)
  })
})

describe('B46, B50, B51 region lookups in the carbon block', () => {
  /** A 1 kWh CodeCarbon run, the same input for every region. */
  const ONE_KWH = text(
    'timestamp,run_id,duration,emissions,gpu_energy,energy_consumed',
    '2024-06-01T12:00:00,r1,3600,0.4,1.0,1.0'
  )
  const ember = averageIntensity.data as Record<string, number>

  it('falls back from an unknown sub-national zone to its country (B46)', async () => {
    const path = files.write('b46-emissions.csv', ONE_KWH)
    const result = await auditChecked([path], { region: 'US-NV' })
    expect(result.carbon.region).toBe('US')
    expect(result.carbon.fallback).toBe('country')
    expect(result.carbon.intensity_g_per_kwh).toBe(ember.USA)
    const notes = result.warnings.filter(w => w.code === 'region-fallback')
    expect(notes.map(w => w.message).join('\n')).toMatch(/US-NV/)
  })

  it('falls back to the world average when the country is unknown too (B46)', async () => {
    const path = files.write('b46-world-emissions.csv', ONE_KWH)
    const result = await auditChecked([path], { region: 'QQ-NOWHERE' })
    expect(result.carbon.fallback).toBe('world')
    expect(result.carbon.intensity_g_per_kwh).toBe(ember.WORLD)
    const notes = result.warnings.filter(w => w.code === 'region-fallback')
    expect(notes.map(w => w.message).join('\n')).toMatch(/QQ-NOWHERE/)
  })

  it('echoes each region and gives each its own intensity (B50)', async () => {
    const path = files.write('b50-emissions.csv', ONE_KWH)
    const cases = [
      { region: 'NL', used: 'NL', iso3: 'NLD', fallback: 'country' },
      { region: 'TW', used: 'TW', iso3: 'TWN', fallback: 'country' },
      { region: 'US-CA', used: 'US', iso3: 'USA', fallback: 'country' }
    ]
    const intensities: number[] = []
    for (const { region, used, iso3, fallback } of cases) {
      const result = await auditChecked([path], { region })
      expect(result.carbon.region).toBe(used)
      expect(result.carbon.fallback).toBe(fallback)
      expect(result.carbon.intensity_g_per_kwh).toBe(ember[iso3])
      expect(result.assumptions.region!.source).toContain(`"${region}"`)
      expect(result.carbon.dataset).not.toBe('')
      intensities.push(result.carbon.intensity_g_per_kwh)
    }
    expect(new Set(intensities).size).toBe(cases.length)
  })

  it('gives France less than 100 g/kWh from the bundled table (B51)', async () => {
    const path = files.write('b51-emissions.csv', ONE_KWH)
    const result = await auditChecked([path], { region: 'FR', pue: 1 })
    expect(result.carbon.region).toBe('FR')
    expect(result.carbon.intensity_g_per_kwh).toBeLessThan(100)
    expect(result.carbon.intensity_g_per_kwh).toBe(ember.FRA)
    expect(result.carbon.kg).toBeCloseTo((1.0 * ember.FRA!) / 1000, 12)
  })
})
