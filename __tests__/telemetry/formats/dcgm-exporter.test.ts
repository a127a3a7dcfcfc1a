import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { Readable } from 'node:stream'
import { describe, expect, it } from '@jest/globals'
import type { ParseOptions } from '../../../src/telemetry/format.js'
import { dcgmExporterFormat } from '../../../src/telemetry/formats/dcgm-exporter.js'
import { parseSampleLine } from '../../../src/telemetry/formats/prometheus-line.js'
import { InputError } from '../../../src/telemetry/input-error.js'
import { RecordingSink, trapezoidJ } from '../../helpers/recording-sink.js'

const TWO_SCRAPES = readFileSync(
  resolve(process.cwd(), '__tests__/data/dcgm-exporter-two-scrapes.prom'),
  'utf8'
)
const T0 = 1717000000000

async function parseText(
  text: string,
  options: Partial<ParseOptions> = {}
): Promise<RecordingSink> {
  const sink = new RecordingSink()
  const input = Readable.from([Buffer.from(text)])
  await dcgmExporterFormat.parse(input, sink, {
    file: 'metrics.prom',
    ...options
  })
  return sink
}

function countersOf(sink: RecordingSink, device: number): number[][] {
  return sink.counters
    .filter(c => c.device === device)
    .map(c => [c.timeMs, c.energyMJ])
}

/** Bug case F-B31: MIG instances 1 and 2 of one A100 carry the parent's counter. */
const FB31_SCRAPE = (energyMJ: number, stamp = ''): string =>
  [
    `DCGM_FI_DEV_TOTAL_ENERGY_CONSUMPTION{gpu="0",UUID="GPU-aaaa",GPU_I_PROFILE="3g.40gb",GPU_I_ID="1"} ${energyMJ}${stamp}`,
    `DCGM_FI_DEV_TOTAL_ENERGY_CONSUMPTION{gpu="0",UUID="GPU-aaaa",GPU_I_PROFILE="3g.40gb",GPU_I_ID="2"} ${energyMJ}${stamp}`
  ].join('\n')

describe('dcgm-exporter parser', () => {
  it('counts a MIG GPU once per UUID: F-B31 gives 600 J, not 1200 J', async () => {
    const text = `${FB31_SCRAPE(9000000)}\n${FB31_SCRAPE(9600000)}\n`
    const sink = await parseText(text, { intervalMs: 60000 })
    expect(sink.devices).toEqual([
      {
        key: 'GPU-aaaa',
        kind: 'gpu',
        uuid: 'GPU-aaaa',
        index: '0',
        powerField: 'energy-counter'
      }
    ])
    expect(countersOf(sink, 0)).toEqual([
      [0, 9000000],
      [60000, 9600000]
    ])
    const counters = countersOf(sink, 0)
    expect((counters[1]![1]! - counters[0]![1]!) / 1000).toBe(600)
    expect(sink.warnings.map(w => [w.code, w.line])).toEqual([
      ['mig-instance', 2]
    ])
  })

  it('counts a MIG GPU once per UUID when the scrapes carry timestamps', async () => {
    const text = `${FB31_SCRAPE(9000000, ` ${T0}`)}\n${FB31_SCRAPE(9600000, ` ${T0 + 60000}`)}\n`
    const sink = await parseText(text)
    expect(sink.devices).toHaveLength(1)
    expect(countersOf(sink, 0)).toEqual([
      [T0, 9000000],
      [T0 + 60000, 9600000]
    ])
  })

  it('reads two timestamped scrapes with HELP/TYPE lines into two GPUs with their labels', async () => {
    const sink = await parseText(TWO_SCRAPES)
    expect(sink.devices).toEqual([
      {
        key: 'GPU-1f2e3d4c-0000-4a5b-8c9d-000000000001',
        kind: 'gpu',
        uuid: 'GPU-1f2e3d4c-0000-4a5b-8c9d-000000000001',
        pciBusId: '00000000:07:00.0',
        index: '0',
        name: 'NVIDIA A100-SXM4-80GB',
        node: 'node-a',
        powerField: 'energy-counter'
      },
      expect.objectContaining({
        index: '1',
        pciBusId: '00000000:0F:00.0',
        node: 'node-a'
      })
    ])
    expect(sink.powersOf(0).map(p => [p.timeMs, p.powerW])).toEqual([
      [T0, 250.5],
      [T0 + 15000, 260.5]
    ])
    expect(countersOf(sink, 1)).toEqual([
      [T0, 500000000],
      [T0 + 15000, 500922500]
    ])
    expect(
      sink.utilizations.filter(u => u.device === 0).map(u => u.percent)
    ).toEqual([87, 91])
    expect(sink.rejects).toEqual([])
    expect(sink.warnings).toEqual([])
  })

  it('keeps counter and gauge of each GPU apart: the counter delta equals the power trapezoid in the fixture', async () => {
    const sink = await parseText(TWO_SCRAPES)
    const counters = countersOf(sink, 0)
    expect((counters[1]![1]! - counters[0]![1]!) / 1000).toBeCloseTo(
      trapezoidJ(sink.powersOf(0)),
      9
    )
  })

  it('times untimestamped scrapes as scrape number × --interval-ms', async () => {
    const bare = TWO_SCRAPES.replace(/ 17170000\d+$/gm, '')
    const sink = await parseText(bare, { intervalMs: 15000 })
    expect(sink.powersOf(0).map(p => [p.timeMs, p.powerW])).toEqual([
      [0, 250.5],
      [15000, 260.5]
    ])
    expect(countersOf(sink, 0)).toEqual([
      [0, 1000000000],
      [15000, 1003832500]
    ])
  })

  it('starts a new scrape at a repeated HELP block even when no series repeats', async () => {
    const text = [
      '# HELP DCGM_FI_DEV_POWER_USAGE Power draw (in W).',
      'DCGM_FI_DEV_POWER_USAGE{gpu="0",UUID="GPU-a"} 100',
      '# HELP DCGM_FI_DEV_POWER_USAGE Power draw (in W).',
      'DCGM_FI_DEV_POWER_USAGE{gpu="1",UUID="GPU-b"} 50'
    ].join('\n')
    const sink = await parseText(text, { intervalMs: 30000 })
    expect(sink.powers.map(p => [p.device, p.timeMs])).toEqual([
      [0, 0],
      [1, 30000]
    ])
  })

  it('asks for --interval-ms when a sample has no timestamp', async () => {
    const attempt = parseText(FB31_SCRAPE(9000000))
    await expect(attempt).rejects.toBeInstanceOf(InputError)
    await expect(parseText(FB31_SCRAPE(9000000))).rejects.toThrow(
      /^metrics\.prom:1: .*--interval-ms.*scrape interval/
    )
  })

  it('passes a NaN gauge as missing power and rejects unreadable lines with their numbers', async () => {
    const text = [
      'DCGM_FI_DEV_POWER_USAGE{gpu="0",UUID="GPU-a"} NaN 1000',
      'DCGM_FI_DEV_POWER_USAGE{gpu="0",UUID="GPU-a"} 7O 2000',
      'DCGM_FI_DEV_POWER_USAGE{gpu="0",UUID="GPU-a} 70 3000',
      'DCGM_FI_DEV_POWER_USAGE{gpu="0",UUID="GPU-a"} 70 soon',
      'DCGM_FI_DEV_POWER_USAGE{device="nvidia0"} 70 5000',
      'DCGM_FI_DEV_POWER_USAGE{gpu="0",UUID="GPU-a"} 71 6000'
    ].join('\n')
    const sink = await parseText(text)
    expect(sink.powers.map(p => [p.timeMs, p.powerW])).toEqual([
      [1000, null],
      [6000, 71]
    ])
    expect(sink.rejects.map(r => r.line)).toEqual([2, 3, 4, 5])
    expect(sink.rejects[0]!.reason).toBe(
      'expected a number as the value, found "7O"'
    )
    expect(sink.rejects[2]!.reason).toBe(
      'expected a timestamp in ms after the value, found "soon"'
    )
    expect(sink.rejects[3]!.reason).toBe(
      'expected a UUID, pci_bus_id or gpu label, found none'
    )
  })

  it('keys a GPU without UUID by host and bus id, and takes the node option as fallback', async () => {
    const text =
      'DCGM_FI_DEV_POWER_USAGE{gpu="2",pci_bus_id="00000000:3B:00.0"} 70 1000\r\n'
    const sink = await parseText(`\ufeff${text}`, { node: 'runner-7' })
    expect(sink.devices[0]).toMatchObject({
      key: 'runner-7/00000000:3B:00.0',
      node: 'runner-7',
      powerField: 'power.draw'
    })
  })

  it('warns no-data when the dump holds no power, energy or utilisation metric', async () => {
    const sink = await parseText(
      'DCGM_FI_DEV_SM_CLOCK{gpu="0",UUID="GPU-a"} 1410 1000\n'
    )
    expect(sink.devices).toEqual([])
    expect(sink.warnings.map(w => w.code)).toEqual(['no-data'])
  })

  it('throws an InputError when the file holds no sample at all', async () => {
    await expect(
      parseText('# HELP DCGM_FI_DEV_POWER_USAGE Power draw (in W).\n')
    ).rejects.toThrow(/no metric samples found/)
  })

  it('splits label values with escapes and treats label order as the same series', () => {
    const a = parseSampleLine('m{b="x\\"y",a="1\\\\2"} 3 4')
    const b = parseSampleLine('m{a="1\\\\2", b="x\\"y",} 3')
    if ('reason' in a || 'reason' in b)
      throw new Error('expected both lines to parse')
    expect([...a.labels]).toEqual([
      ['b', 'x"y'],
      ['a', '1\\2']
    ])
    expect(a.seriesKey).toBe(b.seriesKey)
    expect([a.valueText, a.timestampText, b.timestampText]).toEqual([
      '3',
      '4',
      undefined
    ])
    expect(parseSampleLine('m{a="1"}3')).toHaveProperty('reason')
    expect(parseSampleLine('m 1 2 3')).toHaveProperty('reason')
  })

  it('claims dcgm-exporter text by its DCGM_FI_ metrics', () => {
    expect(dcgmExporterFormat.detect(TWO_SCRAPES, 'm.prom')).toBe(0.95)
    expect(
      dcgmExporterFormat.detect('# HELP DCGM_FI_DEV_POWER_USAGE x\n', 'm.prom')
    ).toBe(0.9)
    expect(
      dcgmExporterFormat.detect('node_cpu_seconds_total{cpu="0"} 1\n', 'm.prom')
    ).toBe(0)
    expect(
      dcgmExporterFormat.detect('GPUId,TimeStampUs,Field,Values\n', 'x.csv')
    ).toBe(0)
  })
})
