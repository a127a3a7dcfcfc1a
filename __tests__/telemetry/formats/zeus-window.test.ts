import { Readable } from 'node:stream'
import { describe, expect, it } from '@jest/globals'
import type { ParseOptions } from '../../../src/telemetry/format.js'
import { zeusWindowFormat } from '../../../src/telemetry/formats/zeus-window.js'
import { InputError } from '../../../src/telemetry/input-error.js'
import { RecordingSink } from '../../helpers/recording-sink.js'

// Written by hand: two GPUs, two consecutive epochs, as ZeusMonitor logs.
const TWO_GPUS = [
  'start_time,window_name,elapsed_time,gpu0_energy,gpu1_energy',
  '1718000000.5,epoch-1,10.25,2500.0,2400.5',
  '1718000010.75,epoch-2,10.0,2600.0,'
].join('\n')

async function parse(
  text: string,
  options: Partial<ParseOptions> = {}
): Promise<RecordingSink> {
  const sink = new RecordingSink()
  await zeusWindowFormat.parse(Readable.from([text]), sink, {
    file: 'zeus.csv',
    ...options
  })
  return sink
}

describe('zeus window log', () => {
  it('reports one energy window per GPU per row, in J over [start, start + elapsed]', async () => {
    const sink = await parse(TWO_GPUS)
    expect(sink.rejects).toEqual([])
    expect(sink.windows).toEqual([
      {
        device: 0,
        startMs: 1718000000500,
        endMs: 1718000010750,
        energyJ: 2500,
        line: 2
      },
      {
        device: 1,
        startMs: 1718000000500,
        endMs: 1718000010750,
        energyJ: 2400.5,
        line: 2
      },
      {
        device: 0,
        startMs: 1718000010750,
        endMs: 1718000020750,
        energyJ: 2600,
        line: 3
      }
    ])
  })

  it('registers GPU N as key N with its index and the energy-window field', async () => {
    const sink = await parse(TWO_GPUS, { node: 'node-a' })
    expect(sink.devices).toEqual([
      {
        key: '0',
        kind: 'gpu',
        index: '0',
        node: 'node-a',
        powerField: 'energy-window'
      },
      {
        key: '1',
        kind: 'gpu',
        index: '1',
        node: 'node-a',
        powerField: 'energy-window'
      }
    ])
  })

  it('reports nothing, not 0 J, for an empty energy cell', async () => {
    const sink = await parse(TWO_GPUS)
    const gpu1 = sink.windows.filter(w => w.device === 1)
    expect(gpu1.map(w => w.line)).toEqual([2])
  })

  it('reads cpuN and dramN columns as CPU and RAM devices', async () => {
    const text =
      'start_time,window_name,elapsed_time,gpu0_energy,cpu0_energy,dram0_energy\n' +
      '1718000000,train,5,900,150,20\n'
    const sink = await parse(text)
    expect(sink.devices.map(d => [d.key, d.kind])).toEqual([
      ['0', 'gpu'],
      ['cpu0', 'cpu'],
      ['dram0', 'ram']
    ])
    expect(sink.windows.map(w => w.energyJ)).toEqual([900, 150, 20])
  })

  it('maps columns by name and ignores extra ones a user appended', async () => {
    const text =
      'start_time,window_name,elapsed_time,gpu0_energy,num_out_tokens\n' +
      '1718000000,gen,2,300.5,512\n'
    const sink = await parse(text)
    expect(sink.windows.map(w => [w.energyJ, w.endMs - w.startMs])).toEqual([
      [300.5, 2000]
    ])
  })

  it('warns once when windows overlap, as nested Zeus windows do', async () => {
    // "step" ends before the "epoch" around it, so it is written first.
    const text = [
      'start_time,window_name,elapsed_time,gpu0_energy',
      '1718000001,step,2,200',
      '1718000003,step,2,210',
      '1718000000,epoch,6,620'
    ].join('\n')
    const sink = await parse(text)
    expect(sink.windows).toHaveLength(3)
    expect(sink.warnings).toHaveLength(1)
    expect(sink.warnings[0]).toMatchObject({ code: 'other', line: 4 })
    expect(sink.warnings[0]!.message).toMatch(
      /^1 Zeus window\(s\) start before an earlier one ends/
    )
  })

  it('warns that a start_time from a monotonic clock is not a date', async () => {
    const text =
      'start_time,window_name,elapsed_time,gpu0_energy\n8123.5,w,1.5,100\n'
    const sink = await parse(text)
    expect(sink.windows[0]!.startMs).toBe(8_123_500)
    expect(sink.warnings.map(w => w.code)).toEqual(['other'])
    expect(sink.warnings[0]!.message).toMatch(/monotonic clock/)
  })

  it('rejects bad rows with the reason and carries on', async () => {
    const text = [
      'start_time,window_name,elapsed_time,gpu0_energy,gpu1_energy',
      '1718000000,a,1,100',
      '1718000000,a,1,100abc,5',
      '1718000000,a,-1,100,5',
      'N/A,a,1,100,5',
      '1718000000,a,1,-3,5',
      '1718000000,a,1,100,5'
    ].join('\n')
    const sink = await parse(text)
    expect(sink.rejects).toEqual([
      { line: 2, reason: 'expected 5 fields as in the header, found 4' },
      { line: 3, reason: 'expected gpu0_energy in J ≥ 0, found "100abc"' },
      { line: 4, reason: 'expected elapsed_time in s ≥ 0, found "-1"' },
      { line: 5, reason: 'expected start_time in s ≥ 0, found "N/A"' },
      { line: 6, reason: 'expected gpu0_energy in J ≥ 0, found "-3"' }
    ])
    expect(sink.windows.map(w => w.line)).toEqual([7, 7])
  })

  it('accepts a BOM, CRLF and blank lines', async () => {
    const text =
      '\uFEFFstart_time,window_name,elapsed_time,gpu0_energy\r\n\r\n1718000000,a,1,50\r\n'
    const sink = await parse(text)
    expect(sink.rejects).toEqual([])
    expect(sink.windows.map(w => w.energyJ)).toEqual([50])
  })

  it('throws InputError for a header without energy columns and for an empty file', async () => {
    await expect(
      parse('start_time,window_name,elapsed_time\n')
    ).rejects.toThrow(
      'zeus.csv:1: expected a gpuN_energy column in the Zeus header'
    )
    await expect(parse('')).rejects.toThrow(InputError)
  })
})

describe('zeus detect', () => {
  it('is sure of a Zeus header and unsure without energy columns', () => {
    expect(zeusWindowFormat.detect(`${TWO_GPUS}\n`, 'zeus.csv')).toBe(1)
    expect(
      zeusWindowFormat.detect('start_time,window_name,elapsed_time\n', 'z.csv')
    ).toBe(0.6)
  })

  it('declines CodeCarbon and nvidia-smi heads', () => {
    expect(
      zeusWindowFormat.detect(
        'timestamp,run_id,duration,emissions,energy_consumed\n',
        'e.csv'
      )
    ).toBe(0)
    expect(
      zeusWindowFormat.detect('timestamp, index, power.draw [W]\n', 'g.csv')
    ).toBe(0)
  })
})
