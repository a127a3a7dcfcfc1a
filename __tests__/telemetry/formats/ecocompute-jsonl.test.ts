import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { Readable } from 'node:stream'
import { describe, expect, it } from '@jest/globals'
import type { ParseOptions } from '../../../src/telemetry/format.js'
import { ecocomputeJsonlFormat } from '../../../src/telemetry/formats/ecocompute-jsonl.js'
import { InputError } from '../../../src/telemetry/input-error.js'
import { RecordingSink } from '../../helpers/recording-sink.js'

const HEADER = JSON.stringify({
  schema: 'ecocompute.telemetry/v1',
  kind: 'header',
  host: 'node-a',
  devices: [
    {
      key: '0',
      kind: 'gpu',
      name: 'NVIDIA H100 80GB HBM3',
      power_limit_w: 700
    },
    { key: '1', kind: 'gpu', energy_wrap_mj: 262_144_000 }
  ]
})
const T0 = Date.UTC(2026, 2, 1, 12, 0, 0)

/** The ```jsonl example in docs/telemetry-format.md, as lines. */
function docsExample(): string {
  const docs = readFileSync(
    resolve(process.cwd(), 'docs/telemetry-format.md'),
    'utf8'
  )
  const block = /```jsonl\n([\s\S]*?)```/.exec(docs)
  if (block === null)
    throw new Error('docs/telemetry-format.md has no jsonl example')
  return block[1]!
}

async function parse(
  text: string,
  options: Partial<ParseOptions> = {}
): Promise<RecordingSink> {
  const sink = new RecordingSink()
  await ecocomputeJsonlFormat.parse(Readable.from([text]), sink, {
    file: 'telemetry.jsonl',
    ...options
  })
  return sink
}

function lines(...records: (object | string)[]): string {
  return records
    .map(r => (typeof r === 'string' ? r : JSON.stringify(r)))
    .join('\n')
}

describe('ecocompute-jsonl documented example', () => {
  it('reads the example in docs/telemetry-format.md without a rejected line', async () => {
    const sink = await parse(docsExample())
    expect(sink.rejects).toEqual([])
    expect(
      sink.powers.map(p => [p.device, p.timeMs - T0, p.powerW, p.line])
    ).toEqual([
      [0, 0, 402.5, 2],
      [1, 0, 398.1, 3],
      [0, 500, 405, 4],
      [1, 500, null, 5]
    ])
    expect(sink.counters.map(c => c.energyMJ)).toEqual([
      81234567000, 80012345000, 81234768250
    ])
    expect(sink.utilizations.map(u => u.percent)).toEqual([97, 96, 98])
  })

  it('registers the header devices with their identity, node and power field', async () => {
    const sink = await parse(docsExample())
    expect(sink.devices[0]).toEqual({
      key: '0',
      kind: 'gpu',
      uuid: 'GPU-5f0d3c1e-0000-4a6b-9c1d-000000000000',
      pciBusId: '00000000:18:00.0',
      index: '0',
      name: 'NVIDIA H100 80GB HBM3',
      node: 'gpu-node-3',
      powerLimitW: 700,
      powerField: 'power.draw.instant'
    })
    expect(sink.devices[1]).toMatchObject({
      key: '1',
      index: '1',
      powerField: 'power.draw'
    })
  })

  it('turns the lost event into a device-lost warning and accepts the matching footer', async () => {
    const sink = await parse(docsExample())
    expect(sink.warnings).toEqual([
      {
        code: 'device-lost',
        message:
          'device 1 (NVIDIA H100 80GB HBM3) reported lost at 2026-03-01T12:00:00.500Z',
        line: 6
      }
    ])
  })
})

describe('ecocompute-jsonl samples', () => {
  it('passes null power on as missing, never as 0 W, and sends no null counter', async () => {
    const sink = await parse(
      lines(HEADER, { t: T0, d: '0', p_w: null, e_mj: null })
    )
    expect(sink.powers).toEqual([
      { device: 0, timeMs: T0, powerW: null, line: 2, aux: Number.NaN }
    ])
    expect(sink.counters).toEqual([])
  })

  it('gives the counter the wrap range its device declares', async () => {
    const sink = await parse(lines(HEADER, { t: T0, d: '1', e_mj: 5 }))
    expect(sink.counters).toEqual([
      { device: 1, timeMs: T0, energyMJ: 5, line: 2, wrapRangeMJ: 262_144_000 }
    ])
  })

  it('gives an aux signature that follows temperature and utilisation', async () => {
    const sink = await parse(
      lines(
        HEADER,
        { t: T0, d: '0', p_w: 100, temp_c: 60, u_pct: 50 },
        { t: T0 + 1000, d: '0', p_w: 100, temp_c: 61, u_pct: 50 }
      )
    )
    const [first, second] = sink.powers.map(p => p.aux)
    expect(Number.isFinite(first)).toBe(true)
    expect(second).not.toBe(first)
  })

  it('reads ISO times with an offset and epoch milliseconds alike', async () => {
    const sink = await parse(
      lines(
        HEADER,
        { t: '2026-03-01T13:00:00+01:00', d: '0', p_w: 1 },
        { t: T0, d: '0', p_w: 2 }
      )
    )
    expect(sink.powers.map(p => p.timeMs)).toEqual([T0, T0])
  })

  it('rejects bad lines with their number and the zod problem, and reads on', async () => {
    const sink = await parse(
      lines(
        HEADER,
        '{"t": 1772366400000, "d": "0", "p_w": 12',
        { t: T0, d: '0', p_w: '12 W' },
        { t: '2026-03-01T12:00:00', d: '0', p_w: 1 },
        { t: 1772366400, d: '0', p_w: 1 },
        { t: '2026-02-31T12:00:00Z', d: '0', p_w: 1 },
        { t: T0, d: '0' },
        [1, 2],
        { kind: 'gauge', t: T0 },
        { t: T0, d: '0', p_w: 7 }
      )
    )
    expect(sink.rejects.map(r => r.line)).toEqual([2, 3, 4, 5, 6, 7, 8, 9])
    expect(sink.rejects[0]!.reason).toMatch(
      /^expected a JSON object, found invalid JSON/
    )
    expect(sink.rejects[1]!.reason).toBe(
      'expected a sample record: p_w: Invalid input: expected number, received string'
    )
    expect(sink.rejects[2]!.reason).toMatch(
      /^expected a sample record: t: expected ISO 8601 time with Z or an offset/
    )
    expect(sink.rejects[3]!.reason).toMatch(
      /t: expected Unix epoch milliseconds, found a number too small/
    )
    expect(sink.rejects[4]!.reason).toBe(
      'expected a real date in t, found "2026-02-31T12:00:00Z"'
    )
    expect(sink.rejects[5]!.reason).toBe(
      'expected a sample record: record: expected at least one of p_w, e_mj, u_pct'
    )
    expect(sink.rejects[6]!.reason).toBe(
      'expected a JSON object, found a JSON array'
    )
    expect(sink.rejects[7]!.reason).toBe(
      'expected kind sample, event or footer, found "gauge"'
    )
    expect(sink.powers.map(p => p.powerW)).toEqual([7])
  })

  it('rejects a sample for a device the header did not declare', async () => {
    const sink = await parse(lines(HEADER, { t: T0, d: '7', p_w: 1 }))
    expect(sink.rejects).toEqual([
      {
        line: 2,
        reason:
          'expected d to be a device key from the header (0, 1), found "7"'
      }
    ])
    expect(sink.powers).toEqual([])
  })

  it('accepts a BOM, CRLF and blank lines', async () => {
    const text = `\uFEFF${HEADER}\r\n\r\n${JSON.stringify({ t: T0, d: '0', p_w: 3 })}\r\n`
    const sink = await parse(text)
    expect(sink.rejects).toEqual([])
    expect(sink.powers.map(p => p.powerW)).toEqual([3])
  })
})

describe('ecocompute-jsonl events, footer and header', () => {
  it('turns a note into an other warning and rejects a lost event without a device', async () => {
    const sink = await parse(
      lines(
        HEADER,
        {
          kind: 'event',
          t: T0,
          event: 'note',
          message: 'NVML unavailable, using nvidia-smi'
        },
        { kind: 'event', t: T0, event: 'lost' }
      )
    )
    expect(sink.warnings).toEqual([
      {
        code: 'other',
        message:
          'collector note at 2026-03-01T12:00:00.000Z: NVML unavailable, using nvidia-smi',
        line: 2
      }
    ])
    expect(sink.rejects).toEqual([
      {
        line: 3,
        reason:
          'expected an event record: d: expected d, the device that was lost'
      }
    ])
  })

  it('warns when the footer counts other samples than the file holds', async () => {
    const sink = await parse(
      lines(
        HEADER,
        { t: T0, d: '0', p_w: 1 },
        { kind: 'footer', t: T0 + 1000, samples: 3 }
      )
    )
    expect(sink.warnings).toEqual([
      {
        code: 'other',
        message:
          'the footer counts 3 samples but the file holds 1: lines were lost or added',
        line: 3
      }
    ])
  })

  it('rejects anything after the footer and a second header', async () => {
    const sink = await parse(
      lines(
        HEADER,
        HEADER,
        { kind: 'footer', t: T0 },
        { t: T0, d: '0', p_w: 1 }
      )
    )
    expect(sink.rejects).toEqual([
      {
        line: 2,
        reason:
          'expected one header per file, found a second (files joined? give them separately)'
      },
      {
        line: 4,
        reason:
          'expected nothing after the footer on line 3, found another record'
      }
    ])
  })

  it('takes the node option when the header names no host', async () => {
    const header = {
      schema: 'ecocompute.telemetry/v1',
      kind: 'header',
      devices: [{ key: 'a', kind: 'cpu' }]
    }
    const sink = await parse(lines(header), { node: 'slurm-17' })
    expect(sink.devices[0]).toMatchObject({
      key: 'a',
      kind: 'cpu',
      node: 'slurm-17'
    })
  })

  it('throws InputError with the line and the problem for a missing or bad header', async () => {
    const sample = JSON.stringify({ t: T0, d: '0', p_w: 1 })
    await expect(parse(sample)).rejects.toThrow(InputError)
    await expect(parse(sample)).rejects.toThrow(
      /^telemetry\.jsonl:1: expected a ecocompute\.telemetry\/v1 header record first: schema: /
    )
    const v2 = {
      schema: 'ecocompute.telemetry/v2',
      kind: 'header',
      devices: []
    }
    await expect(parse(lines(v2))).rejects.toThrow(
      'expected schema ecocompute.telemetry/v1, found "ecocompute.telemetry/v2"'
    )
    const twice = {
      schema: 'ecocompute.telemetry/v1',
      kind: 'header',
      devices: [
        { key: '0', kind: 'gpu' },
        { key: '0', kind: 'gpu' }
      ]
    }
    await expect(parse(lines(twice))).rejects.toThrow(
      'devices: expected unique device keys'
    )
    await expect(parse('\nnot json\n')).rejects.toThrow(
      /^telemetry\.jsonl:2: .*invalid JSON/
    )
    await expect(parse('')).rejects.toThrow(
      'expected a ecocompute.telemetry/v1 header record, found no line'
    )
  })
})

describe('ecocompute-jsonl detect and speed', () => {
  it('is sure of its header, fairly sure of another version or a cut-off header, and declines others', () => {
    expect(ecocomputeJsonlFormat.detect(`${HEADER}\n`, 'x.jsonl')).toBe(1)
    expect(
      ecocomputeJsonlFormat.detect(
        '{"schema":"ecocompute.telemetry/v2","kind":"header"}',
        'x'
      )
    ).toBe(0.9)
    expect(ecocomputeJsonlFormat.detect(HEADER.slice(0, 60), 'x.jsonl')).toBe(
      0.8
    )
    expect(
      ecocomputeJsonlFormat.detect('{"t": 1, "power": 2}\n', 'x.jsonl')
    ).toBe(0)
    expect(
      ecocomputeJsonlFormat.detect('timestamp,run_id,duration\n', 'x.csv')
    ).toBe(0)
  })

  // A coarse guard only: outside Jest a line takes about 3.4 µs.
  it('reads 20 000 sample lines in well under 3 s, even under Jest', async () => {
    const samples = Array.from({ length: 20_000 }, (_, i) =>
      JSON.stringify({
        t: T0 + i * 100,
        d: String(i % 2),
        p_w: 300 + (i % 7),
        e_mj: i * 30_000,
        u_pct: 90
      })
    )
    const started = performance.now()
    const sink = await parse([HEADER, ...samples].join('\n'))
    expect(performance.now() - started).toBeLessThan(3000)
    expect(sink.powers).toHaveLength(20_000)
    expect(sink.rejects).toEqual([])
  })
})
