import { createReadStream, readFileSync } from 'node:fs'
import { Readable } from 'node:stream'
import { describe, expect, it } from '@jest/globals'
import type { ParseOptions } from '../../../src/telemetry/format.js'
import { dcgmiDmonFormat } from '../../../src/telemetry/formats/dcgmi-dmon.js'
import { InputError } from '../../../src/telemetry/input-error.js'
import { RecordingSink, trapezoidJ } from '../../helpers/recording-sink.js'
import { describeReal, realFile } from '../../helpers/real-files.js'

const H100 = 'h100-dcgmi-dmon-sd.txt'
const V100 = 'v100-dcgmi-dmon-lstm.txt'

async function parseFile(
  name: string,
  intervalMs?: number
): Promise<RecordingSink> {
  const sink = new RecordingSink()
  const input = createReadStream(realFile(name), { highWaterMark: 4096 })
  await dcgmiDmonFormat.parse(input, sink, { file: name, intervalMs })
  return sink
}

async function parseText(
  text: string,
  options: Partial<ParseOptions> = {}
): Promise<RecordingSink> {
  const sink = new RecordingSink()
  const input = Readable.from([Buffer.from(text)])
  await dcgmiDmonFormat.parse(input, sink, {
    file: 'inline.txt',
    intervalMs: 100,
    ...options
  })
  return sink
}

describeReal('dcgmi dmon parser on real files', () => {
  it('reads all 1285 H100 rows and integrates them to the 50 ms reference', async () => {
    const sink = await parseFile(H100, 50)
    expect(sink.devices).toEqual([
      { key: '0', index: '0', kind: 'gpu', powerField: 'energy-counter' }
    ])
    expect(sink.rejects).toEqual([])
    expect(sink.powers).toHaveLength(1285)
    expect(
      sink.powers.every(p => p.powerW !== null && Number.isFinite(p.aux))
    ).toBe(true)
    expect(trapezoidJ(sink.powers)).toBeCloseTo(12949.306, 3)
  })

  it('passes the H100 TOTEC counter through in mJ from first to last row', async () => {
    const sink = await parseFile(H100, 50)
    expect(sink.counters).toHaveLength(1285)
    expect(sink.counters[0]!.energyMJ).toBe(26950681698)
    expect(sink.counters.at(-1)!.energyMJ).toBe(26963911674)
    expect(sink.counters.at(-1)!.timeMs).toBe(1284 * 50)
    const deltaJ =
      (sink.counters.at(-1)!.energyMJ - sink.counters[0]!.energyMJ) / 1000
    expect(deltaJ).toBeCloseTo(13229.976, 3)
  })

  it('reads the older V100 layout with "# Entity", "Id" units and blank lines', async () => {
    const sink = await parseFile(V100, 50)
    expect(sink.rejects).toEqual([])
    expect(sink.powers).toHaveLength(3561)
    expect(trapezoidJ(sink.powers)).toBeCloseTo(5093.197, 3)
    expect(sink.counters[0]!.energyMJ).toBe(307252100911)
    expect(sink.counters.at(-1)!.energyMJ).toBe(307257255728)
  })

  it('passes GPUTL as utilisation where the V100 file has numbers there', async () => {
    const sink = await parseFile(V100, 50)
    expect(sink.utilizations).toHaveLength(3561)
  })

  it('refuses a real file without --interval-ms, naming the file and first row', async () => {
    await expect(parseFile(H100)).rejects.toThrow(
      /h100-dcgmi-dmon-sd\.txt:3: .*--interval-ms/
    )
  })

  it('recognises both real files and no CSV', () => {
    for (const name of [H100, V100]) {
      const head = readFileSync(realFile(name), 'utf8').slice(0, 65536)
      expect(dcgmiDmonFormat.detect(head, name)).toBeGreaterThanOrEqual(0.9)
    }
    const csv = readFileSync(realFile('dcgm-8gpu-fieldvalues-usec.csv'), 'utf8')
    expect(dcgmiDmonFormat.detect(csv, 'x.csv')).toBe(0)
  })
})

describe('dcgmi dmon parser on written rows', () => {
  const twoGpus = [
    '#Entity   POWER      TOTEC     GPUTL   SMCLK',
    'ID        W          mJ',
    'GPU 0     60.000     1000      5       1410',
    'GPU 1     N/A        2000      N/A     1410',
    '',
    '#Entity   POWER      TOTEC     GPUTL   SMCLK',
    'ID        W          mJ',
    'GPU 0     70.000     1007      7       1410',
    'GPU 1     80.000     2008      9       1410'
  ].join('\r\n')

  it('gives each GPU its own row index × interval as time across repeated headers', async () => {
    const sink = await parseText(twoGpus)
    expect(sink.devices.map(d => d.key)).toEqual(['0', '1'])
    expect(sink.powersOf(0).map(p => [p.timeMs, p.powerW])).toEqual([
      [0, 60],
      [100, 70]
    ])
    expect(sink.powersOf(1).map(p => [p.timeMs, p.powerW])).toEqual([
      [0, null],
      [100, 80]
    ])
  })

  it('passes N/A power as null, never 0, and skips N/A utilisation', async () => {
    const sink = await parseText(twoGpus)
    expect(sink.powers.filter(p => p.powerW === 0)).toEqual([])
    expect(sink.utilizations.map(u => [u.device, u.percent])).toEqual([
      [0, 5],
      [0, 7],
      [1, 9]
    ])
  })

  it('uses the other numeric cells as the aux signature, NaN when there are none', async () => {
    const sink = await parseText(twoGpus)
    expect(sink.powers[0]!.aux).toBe(5 + 1410)
    const bare = await parseText('#Entity POWER\nID W\nGPU 0 50\n')
    expect(bare.powers[0]!.aux).toBeNaN()
    expect(bare.devices[0]!.powerField).toBe('power.draw')
  })

  it('rejects malformed rows with their line number and keeps reading', async () => {
    const text =
      '#Entity POWER TOTEC\nID W mJ\nGPU 0 50 10\nGPU 0 5O 11\nGPU 0 52\nbogus line here\nGPU 0 53 13\n'
    const sink = await parseText(text)
    expect(sink.rejects).toEqual([
      { line: 4, reason: 'expected a number or N/A in POWER, found "5O"' },
      { line: 5, reason: 'expected 4 cells (Entity ID POWER TOTEC), found 3' },
      {
        line: 6,
        reason: 'expected an entity such as "GPU 0", found "bogus line here"'
      }
    ])
    // Rejected GPU rows still took their sampling slot.
    expect(sink.powers.map(p => [p.timeMs, p.powerW])).toEqual([
      [0, 50],
      [300, 53]
    ])
  })

  it('rejects rows before the first header and a stray comment line', async () => {
    const sink = await parseText(
      'GPU 0 49\n#Entity POWER\nID W\nGPU 0 50\n# dcgmi says hello\n'
    )
    expect(sink.rejects.map(r => r.line)).toEqual([1, 5])
    expect(sink.powers).toHaveLength(1)
  })

  it('skips MIG instance entities and warns once that they repeat the parent GPU', async () => {
    const sink = await parseText(
      '#Entity POWER\nID W\nGPU 0 50\nGPU-I 1 50\nGPU-I 2 50\nGPU 0 51\n'
    )
    expect(sink.devices).toHaveLength(1)
    expect(sink.powers).toHaveLength(2)
    expect(sink.warnings.map(w => w.code)).toEqual(['mig-instance'])
    expect(sink.warnings[0]!.message).toMatch(/2 rows of GPU-I/)
  })

  it('reads leading Date and Time columns in the given time zone instead of needing an interval', async () => {
    const text =
      '#Date Time Entity POWER\nYYYYMMDD HH:MM:SS ID W\n20240104 13:54:35 GPU 0 50\n20240104 13:54:36 GPU 0 52\n'
    const sink = await parseText(text, {
      intervalMs: undefined,
      timezone: 'Europe/Stockholm'
    })
    expect(sink.powers.map(p => p.timeMs)).toEqual([
      Date.UTC(2024, 0, 4, 12, 54, 35),
      Date.UTC(2024, 0, 4, 12, 54, 36)
    ])
  })

  it('records the node name it was given and strips a BOM', async () => {
    const sink = await parseText('\ufeff#Entity POWER\nID W\nGPU 3 50\n', {
      node: 'n1'
    })
    expect(sink.devices).toEqual([
      {
        key: '3',
        index: '3',
        kind: 'gpu',
        powerField: 'power.draw',
        node: 'n1'
      }
    ])
  })

  it('throws an InputError when no #Entity header is found', async () => {
    const attempt = parseText('gpu pwr\n0 50\n')
    await expect(attempt).rejects.toBeInstanceOf(InputError)
    await expect(parseText('gpu pwr\n0 50\n')).rejects.toThrow(
      /no "#Entity" header/
    )
  })

  it('claims only text with an #Entity header', () => {
    expect(
      dcgmiDmonFormat.detect('# Entity POWER\n      Id W\n', 'a.txt')
    ).toBe(0.98)
    expect(dcgmiDmonFormat.detect('# gpu pwr\n# Idx W\n', 'a.txt')).toBe(0)
    expect(
      dcgmiDmonFormat.detect('GPUId,TimeStampUs,Field,Values\n', 'a.csv')
    ).toBe(0)
  })
})
