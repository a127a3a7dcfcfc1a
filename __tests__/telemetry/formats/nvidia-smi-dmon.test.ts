import { Readable } from 'node:stream'
import { describe, expect, it } from '@jest/globals'
import type { ParseOptions } from '../../../src/telemetry/format.js'
import { nvidiaSmiDmonFormat } from '../../../src/telemetry/formats/nvidia-smi-dmon.js'
import { InputError } from '../../../src/telemetry/input-error.js'
import { RecordingSink, trapezoidJ } from '../../helpers/recording-sink.js'

async function parseText(
  text: string,
  options: Partial<ParseOptions> = {}
): Promise<RecordingSink> {
  const sink = new RecordingSink()
  const input = Readable.from([Buffer.from(text)])
  await nvidiaSmiDmonFormat.parse(input, sink, { file: 'dmon.txt', ...options })
  return sink
}

// Written by hand for this test, in the layout nvidia-smi dmon prints.
const PLAIN = [
  '# gpu    pwr  gtemp  mtemp     sm    mem    enc    dec   mclk   pclk',
  '# Idx      W      C      C      %      %      %      %    MHz    MHz',
  '    0     71     34      -     10      2      0      0   2619    210',
  '    1      -     30      -      -      0      0      0   2619    210',
  '    0     75     35      -     20      2      0      0   2619   1410',
  '    1     40     30      -      0      0      0      0   2619    210',
  '# gpu    pwr  gtemp  mtemp     sm    mem    enc    dec   mclk   pclk',
  '# Idx      W      C      C      %      %      %      %    MHz    MHz',
  '    0     79     36      -     30      2      0      0   2619   1410',
  '    1     41     30      -      0      0      0      0   2619    210'
].join('\n')

const WITH_DATE_TIME = [
  '#Date       Time        gpu    pwr  gtemp     sm    mem',
  '#YYYYMMDD   HH:MM:SS    Idx      W      C      %      %',
  ' 20240630   23:59:59      0    100     40     50      3',
  '',
  ' 20240701   00:00:01      0    200     41     60      3',
  '',
  ' 20240701   00:00:02      0      -     41      -      3'
].join('\r\n')

describe('nvidia-smi dmon parser', () => {
  it('gives each GPU its row index × interval as time across repeated headers', async () => {
    const sink = await parseText(PLAIN, { intervalMs: 1000 })
    expect(sink.devices).toEqual([
      { key: '0', index: '0', kind: 'gpu', powerField: 'power.draw' },
      { key: '1', index: '1', kind: 'gpu', powerField: 'power.draw' }
    ])
    expect(sink.powersOf(0).map(p => [p.timeMs, p.powerW])).toEqual([
      [0, 71],
      [1000, 75],
      [2000, 79]
    ])
    expect(sink.powersOf(1).map(p => [p.timeMs, p.powerW])).toEqual([
      [0, null],
      [1000, 40],
      [2000, 41]
    ])
    expect(trapezoidJ(sink.powersOf(0))).toBeCloseTo(150, 9)
    expect(sink.rejects).toEqual([])
  })

  it('treats "-" cells as missing: null power, no utilisation, not in the aux signature', async () => {
    const sink = await parseText(PLAIN, { intervalMs: 1000 })
    expect(sink.powersOf(1)[0]!.powerW).toBeNull()
    expect(
      sink.utilizations.filter(u => u.device === 1).map(u => u.percent)
    ).toEqual([0, 0])
    // gtemp + sm + mem + enc + dec + mclk + pclk of the first row; mtemp is "-".
    expect(sink.powers[0]!.aux).toBe(34 + 10 + 2 + 0 + 0 + 2619 + 210)
  })

  it('asks for --interval-ms when rows have no time columns', async () => {
    const attempt = parseText(PLAIN)
    await expect(attempt).rejects.toBeInstanceOf(InputError)
    await expect(parseText(PLAIN)).rejects.toThrow(
      /^dmon\.txt:3: .*--interval-ms.*seconds/
    )
  })

  it('reads -o DT dates and times as local time in the given zone, over midnight', async () => {
    const sink = await parseText(WITH_DATE_TIME, {
      timezone: 'America/New_York'
    })
    expect(sink.powers.map(p => [p.timeMs, p.powerW])).toEqual([
      [Date.UTC(2024, 6, 1, 3, 59, 59), 100],
      [Date.UTC(2024, 6, 1, 4, 0, 1), 200],
      [Date.UTC(2024, 6, 1, 4, 0, 2), null]
    ])
    expect(sink.utilizations.map(u => u.percent)).toEqual([50, 60])
    expect(sink.warnings).toEqual([])
  })

  it('reads -o DT times as UTC when no zone is given and ignores --interval-ms', async () => {
    const sink = await parseText(WITH_DATE_TIME, { intervalMs: 5 })
    expect(sink.powers[0]!.timeMs).toBe(Date.UTC(2024, 5, 30, 23, 59, 59))
  })

  it('counts days itself for -o T time-only rows and says so once', async () => {
    const text =
      '#Time gpu pwr\n#HH:MM:SS Idx W\n23:59:59 0 100\n00:00:00 0 110\n#Time gpu pwr\n#HH:MM:SS Idx W\n00:00:01 0 120\n'
    const sink = await parseText(text)
    expect(sink.powers.map(p => p.timeMs)).toEqual([
      86_399_000, 86_400_000, 86_401_000
    ])
    expect(sink.warnings.map(w => [w.code, w.line])).toEqual([['other', 1]])
  })

  it('rejects unreadable rows with their line number and never emits NaN', async () => {
    const text = [
      '# gpu pwr sm',
      '# Idx W %',
      '0 50 1',
      '0 5x0 1',
      'x 50 1',
      '0 50',
      '# something else',
      '0 52 1'
    ].join('\n')
    const sink = await parseText(text, { intervalMs: 1000 })
    expect(sink.rejects).toEqual([
      { line: 4, reason: 'expected a number or N/A in pwr, found "5x0"' },
      { line: 5, reason: 'expected a GPU index in the gpu column, found "x"' },
      { line: 6, reason: 'expected 3 cells (gpu pwr sm), found 2' },
      { line: 7, reason: 'expected a "# gpu" header, found "# something else"' }
    ])
    expect(sink.powers.map(p => [p.timeMs, p.powerW])).toEqual([
      [0, 50],
      [3000, 52]
    ])
    expect(sink.powers.every(p => !Number.isNaN(p.powerW))).toBe(true)
  })

  it('rejects a row whose date is not a calendar date', async () => {
    const text =
      '#Date Time gpu pwr\n#YYYYMMDD HH:MM:SS Idx W\n20240231 10:00:00 0 50\n20240301 10:00:00 0 50\n'
    const sink = await parseText(text)
    expect(sink.rejects).toEqual([
      { line: 3, reason: 'expected a date and time, found "20240231 10:00:00"' }
    ])
    expect(sink.powers).toHaveLength(1)
  })

  it('falls back to utilisation as the field when a table has no pwr column', async () => {
    const sink = await parseText('\ufeff# gpu sm mem\n# Idx % %\n0 7 1\n', {
      intervalMs: 1000
    })
    expect(sink.devices[0]!.powerField).toBe('utilization')
    expect(sink.powers).toEqual([])
    expect(sink.utilizations.map(u => u.percent)).toEqual([7])
  })

  it('throws an InputError when no "# gpu" header is found', async () => {
    await expect(parseText('0 50 1\n', { intervalMs: 1000 })).rejects.toThrow(
      /no "# gpu" header/
    )
  })

  it('claims dmon text with pwr firmly and without pwr weakly', () => {
    expect(nvidiaSmiDmonFormat.detect(PLAIN, 'x.txt')).toBe(0.95)
    expect(nvidiaSmiDmonFormat.detect(WITH_DATE_TIME, 'x.txt')).toBe(0.95)
    expect(nvidiaSmiDmonFormat.detect('# gpu sm mem\n', 'x.txt')).toBe(0.5)
    expect(nvidiaSmiDmonFormat.detect('#Entity POWER\nID W\n', 'x.txt')).toBe(0)
    expect(
      nvidiaSmiDmonFormat.detect('timestamp, power.draw [W]\n', 'x.csv')
    ).toBe(0)
  })
})
