import { createReadStream, readFileSync } from 'node:fs'
import { Readable } from 'node:stream'
import { describe, expect, it } from '@jest/globals'
import type { ParseOptions } from '../../../src/telemetry/format.js'
import { LongSampleBuffer } from '../../../src/telemetry/formats/dcgm-long-buffer.js'
import { dcgmLongCsvFormat } from '../../../src/telemetry/formats/dcgm-long-csv.js'
import { InputError } from '../../../src/telemetry/input-error.js'
import { RecordingSink, trapezoidJ } from '../../helpers/recording-sink.js'
import { describeReal, realFile } from '../../helpers/real-files.js'

const REAL = 'dcgm-8gpu-fieldvalues-usec.csv'

async function parseText(
  text: string,
  options: Partial<ParseOptions> = {}
): Promise<RecordingSink> {
  const sink = new RecordingSink()
  const input = Readable.from([Buffer.from(text)])
  await dcgmLongCsvFormat.parse(input, sink, { file: 'long.csv', ...options })
  return sink
}

/** Relative difference. */
function rel(actual: number, expected: number): number {
  return Math.abs(actual - expected) / expected
}

describeReal('DCGM long CSV parser on the real 8-GPU file', () => {
  async function parseReal(): Promise<RecordingSink> {
    const sink = new RecordingSink()
    const input = createReadStream(realFile(REAL), { highWaterMark: 1024 })
    await dcgmLongCsvFormat.parse(input, sink, { file: REAL })
    return sink
  }

  it('finds eight GPUs with 8 power samples on GPU 0 and 7 on the others', async () => {
    const sink = await parseReal()
    expect(sink.devices.map(d => d.key)).toEqual([
      '0',
      '1',
      '2',
      '3',
      '4',
      '5',
      '6',
      '7'
    ])
    expect(sink.devices.every(d => d.powerField === 'power.draw.instant')).toBe(
      true
    )
    expect(
      sink.devices.map((_, device) => sink.powersOf(device).length)
    ).toEqual([8, 7, 7, 7, 7, 7, 7, 7])
    expect(sink.rejects).toEqual([])
  })

  it('hands each GPU its samples in time order although the file is not', async () => {
    const sink = await parseReal()
    sink.devices.forEach((_, device) => {
      const times = sink.powersOf(device).map(p => p.timeMs)
      expect(times).toEqual([...times].sort((a, b) => a - b))
    })
    // 1718783836956328 µs is the first power row of GPU 0.
    expect(sink.powersOf(0)[0]).toMatchObject({
      timeMs: 1718783836956.328,
      powerW: 71.2,
      line: 2
    })
  })

  it('integrates each GPU to the SOURCES.md trapezoid energies within 0.5 %', async () => {
    const sink = await parseReal()
    const expectedJ = [
      159.116, 145.565, 141.855, 143.114, 158.747, 142.946, 139.375, 160.349
    ]
    const measuredJ = expectedJ.map((_, device) =>
      trapezoidJ(sink.powersOf(device))
    )
    measuredJ.forEach((joules, device) =>
      expect(rel(joules, expectedJ[device]!)).toBeLessThan(0.005)
    )
    expect(
      rel(
        measuredJ.reduce((a, b) => a + b),
        1191.067
      )
    ).toBeLessThan(0.005)
  })

  it('names the throttle-reason fields it skipped in one warning', async () => {
    const sink = await parseReal()
    expect(sink.warnings).toHaveLength(1)
    expect(sink.warnings[0]!.code).toBe('other')
    expect(sink.warnings[0]!.message).toMatch(
      /^skipped 114 rows .*throttle_reason_idle/
    )
  })

  it('is recognised by its header', () => {
    const head = readFileSync(realFile(REAL), 'utf8')
    expect(dcgmLongCsvFormat.detect(head, REAL)).toBe(0.98)
  })
})

describe('DCGM long CSV parser on written rows', () => {
  const mixed = [
    'GPUId,TimeStampUs,Field,Values',
    '0,1000000,156,5000',
    '0,3000000,156,5200',
    '0,2000000,156,5100',
    '0,3000000,power_usage,60',
    '0,1000000,power_usage,N/A',
    '0,2000000,power_usage,50',
    '0,1000000,power_usage_instant,99',
    '1,1000000,total_energy_consumption,9223372036854775792',
    '1,2000000,DCGM_FI_DEV_POWER_USAGE,140737488355328'
  ].join('\r\n')

  it('reads field ids and names, sorts by time and prefers the energy counter as field', async () => {
    const sink = await parseText(mixed, { node: 'n7' })
    expect(sink.devices).toEqual([
      {
        key: '0',
        index: '0',
        kind: 'gpu',
        powerField: 'energy-counter',
        node: 'n7'
      },
      {
        key: '1',
        index: '1',
        kind: 'gpu',
        powerField: 'power.draw',
        node: 'n7'
      }
    ])
    expect(
      sink.counters.filter(c => c.device === 0).map(c => [c.timeMs, c.energyMJ])
    ).toEqual([
      [1000, 5000],
      [2000, 5100],
      [3000, 5200]
    ])
    expect(sink.powersOf(0).map(p => [p.timeMs, p.powerW])).toEqual([
      [1000, null],
      [2000, 50],
      [3000, 60]
    ])
  })

  it('reads power_usage over power_usage_instant for one GPU and says how many it left out', async () => {
    const sink = await parseText(mixed)
    expect(sink.powersOf(0).some(p => p.powerW === 99)).toBe(false)
    expect(sink.warnings.map(w => w.message)).toContainEqual(
      expect.stringMatching(/left out 1 power_usage_instant/)
    )
  })

  it('treats DCGM blank values as missing, never as readings', async () => {
    const sink = await parseText(mixed)
    expect(sink.counters.filter(c => c.device === 1)).toEqual([])
    expect(sink.powersOf(1).map(p => p.powerW)).toEqual([null])
  })

  it('rejects unreadable rows with their line numbers and keeps the rest', async () => {
    const text = [
      'GPUId,TimeStampUs,Field,Values',
      '0,1000000,power_usage,60',
      '0,soon,power_usage,61',
      '0,2000000,power_usage,6l',
      '0,3000000,power_usage',
      ',3000000,power_usage,62',
      '0,4000000,power_usage,63'
    ].join('\n')
    const sink = await parseText(text)
    expect(sink.rejects).toEqual([
      {
        line: 3,
        reason: 'expected µs since the epoch in TimeStampUs, found "soon"'
      },
      { line: 4, reason: 'expected a number or N/A in Values, found "6l"' },
      { line: 5, reason: 'expected 4 cells, found 3' },
      { line: 6, reason: 'expected a GPU id in GPUId, found nothing' }
    ])
    expect(sink.powers.map(p => p.powerW)).toEqual([60, 63])
  })

  it('maps columns by name in any order and skips a repeated header', async () => {
    const text =
      '\ufeffField,Values,GPUId,TimeStampUs\npower_usage,70,3,2000\nField,Values,GPUId,TimeStampUs\npower_usage,71,3,1000\n'
    const sink = await parseText(text)
    expect(sink.powers.map(p => [p.timeMs, p.powerW])).toEqual([
      [1, 71],
      [2, 70]
    ])
    expect(sink.rejects).toEqual([])
  })

  it('throws an InputError with the line when the first line is no header', async () => {
    const attempt = parseText('0,1000000,power_usage,60\n')
    await expect(attempt).rejects.toBeInstanceOf(InputError)
    await expect(parseText('0,1000000,power_usage,60\n')).rejects.toThrow(
      /^long\.csv:1: expected a "GPUId,TimeStampUs,Field,Values" header/
    )
    await expect(parseText('')).rejects.toThrow(
      /no "GPUId,TimeStampUs,Field,Values" header/
    )
  })

  it('refuses more samples than its buffer limit, naming the limit', () => {
    const buffer = new LongSampleBuffer('big.csv', 2)
    const sample = { timeMs: 0, reading: 'power' as const, value: 1, line: 9 }
    buffer.add('0', sample)
    buffer.add('0', sample)
    expect(() => buffer.add('0', sample)).toThrow(
      /^big\.csv:9: more than 2 power and energy rows/
    )
  })

  it('claims only files whose first line is its header', () => {
    expect(
      dcgmLongCsvFormat.detect(
        'GPUId,TimeStampUs,Field,Values\n0,1,power_usage,5',
        'x.csv'
      )
    ).toBe(0.98)
    expect(
      dcgmLongCsvFormat.detect('Field,Values,GPUId,TimeStampUs\n', 'x.csv')
    ).toBe(0.9)
    expect(
      dcgmLongCsvFormat.detect(
        'timestamp, power.draw [W]\nGPUId,TimeStampUs,Field,Values\n',
        'x.csv'
      )
    ).toBe(0)
  })
})
