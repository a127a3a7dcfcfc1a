import { createReadStream } from 'node:fs'
import { Readable } from 'node:stream'
import { expect, it } from '@jest/globals'
import { nvidiaSmiCsvFormat } from '../../../src/telemetry/formats/nvidia-smi-csv.js'
import { RecordingSink, trapezoidJ } from '../../helpers/recording-sink.js'
import { describeReal, realFile } from '../../helpers/real-files.js'

async function parseFile(
  name: string,
  columns?: Map<string, string | number>
): Promise<RecordingSink> {
  const sink = new RecordingSink()
  await nvidiaSmiCsvFormat.parse(
    createReadStream(realFile(name), { highWaterMark: 4096 }),
    sink,
    {
      file: name,
      columns
    }
  )
  return sink
}

async function parseText(text: string): Promise<RecordingSink> {
  const sink = new RecordingSink()
  await nvidiaSmiCsvFormat.parse(Readable.from([Buffer.from(text)]), sink, {
    file: 'inline.csv'
  })
  return sink
}

/** Relative difference. */
function rel(actual: number, expected: number): number {
  return Math.abs(actual - expected) / expected
}

describeReal('nvidia-smi CSV parser on real files', () => {
  it('reads every row of the V100 nounits log and integrates power.draw.instant to the reference', async () => {
    const sink = await parseFile('v100-nvsmi-nounits-20k.csv')
    expect(sink.devices).toHaveLength(1)
    expect(sink.devices[0]!.powerField).toBe('power.draw.instant')
    expect(sink.powers).toHaveLength(20542)
    expect(rel(trapezoidJ(sink.powers), 31703.754)).toBeLessThan(1e-6)
  })

  it('tells eight GPUs apart by the gpu column when the index column is constant', async () => {
    const sink = await parseFile('h100x8-custom-isots.csv')
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
    const expected = [
      592.265, 585.88, 583.795, 443.58, 435.83, 436.89, 445.54, 440.595
    ]
    expected.forEach((joules, device) => {
      expect(rel(trapezoidJ(sink.powersOf(device)), joules)).toBeLessThan(1e-5)
    })
  })

  it('reads a header-less log with units in cells by inferring the W column', async () => {
    const sink = await parseFile('headerless-nvsmi-units-5s.csv')
    expect(sink.powers).toHaveLength(1923)
    expect(rel(trapezoidJ(sink.powers), 159221.026)).toBeLessThan(1e-6)
  })
})

it('keeps a [Not Supported] GPU as missing readings, never 0 W (F-B01)', async () => {
  const sink = await parseText(
    'timestamp, index, power.draw [W]\n2024/06/01 12:00:00.000, 0, 71.20 W\n2024/06/01 12:00:00.000, 1, [Not Supported]\n2024/06/01 12:00:01.000, 0, 73.80 W\n2024/06/01 12:00:01.000, 1, [Not Supported]\n'
  )
  expect(trapezoidJ(sink.powersOf(0))).toBeCloseTo(72.5, 9)
  expect(sink.powersOf(1).map(p => p.powerW)).toEqual([null, null])
})

it('tells 100 GPUs apart past the byte-compared key cache, in any row order', async () => {
  const rows = ['timestamp, uuid, power.draw [W]']
  for (let t = 0; t < 3; t++) {
    const order = Array.from({ length: 100 }, (_, i) => (i * 37 + t * 11) % 100)
    for (const gpu of order) {
      rows.push(
        `2024/06/01 12:00:0${t}.000, GPU-${String(gpu).padStart(4, '0')}, ${100 + gpu}.00 W`
      )
    }
  }
  const sink = await parseText(`${rows.join('\n')}\n`)
  expect(sink.devices).toHaveLength(100)
  for (let device = 0; device < 100; device++) {
    const gpu = Number(sink.devices[device]!.key.slice(4))
    expect(trapezoidJ(sink.powersOf(device))).toBeCloseTo((100 + gpu) * 2, 9)
  }
})

it('gives identical rows at different byte offsets the same stale-check signature', async () => {
  const row = (t: number, pad: string): string =>
    `2024/06/01 12:00:0${t}.000, 0, 100.00 W, ${pad}63`
  const sink = await parseText(
    [
      'timestamp, index, power.draw [W], temperature.gpu',
      row(0, ''),
      row(1, ' '),
      row(2, '  ')
    ].join('\n')
  )
  const signatures = new Set(sink.powers.map(p => p.aux))
  expect(signatures.size).toBe(1)
})
