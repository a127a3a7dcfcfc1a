import { createReadStream, readFileSync } from 'node:fs'
import { Readable } from 'node:stream'
import { describe, expect, it } from '@jest/globals'
import type { ParseOptions } from '../../../src/telemetry/format.js'
import { codecarbonFormat } from '../../../src/telemetry/formats/codecarbon.js'
import { InputError } from '../../../src/telemetry/input-error.js'
import type { FileFact } from '../../../src/telemetry/sink.js'
import { describeReal, realFile } from '../../helpers/real-files.js'
import { RecordingSink } from '../../helpers/recording-sink.js'

// Header generations, as listed in reference-data.md §5.4.
const HEADER_V20 =
  'timestamp,project_name,run_id,duration,emissions,emissions_rate,cpu_power,gpu_power,ram_power,cpu_energy,gpu_energy,ram_energy,energy_consumed,country_name,country_iso_code,region,cloud_provider,cloud_region,os,python_version,cpu_count,cpu_model,gpu_count,gpu_model,longitude,latitude,ram_total_size,tracking_mode,on_cloud'
const HEADER_V24 =
  'timestamp,project_name,run_id,duration,emissions,emissions_rate,cpu_power,gpu_power,ram_power,cpu_energy,gpu_energy,ram_energy,energy_consumed,country_name,country_iso_code,region,cloud_provider,cloud_region,os,python_version,codecarbon_version,cpu_count,cpu_model,gpu_count,gpu_model,longitude,latitude,ram_total_size,tracking_mode,on_cloud,pue'
const HEADER_V33 =
  'timestamp,project_name,run_id,experiment_id,duration,emissions,emissions_rate,cpu_power,gpu_power,ram_power,cpu_energy,gpu_energy,ram_energy,energy_consumed,water_consumed,country_name,country_iso_code,region,cloud_provider,cloud_region,os,python_version,codecarbon_version,cpu_count,cpu_model,gpu_count,gpu_model,longitude,latitude,ram_total_size,tracking_mode,cpu_utilization_percent,gpu_utilization_percent,ram_utilization_percent,ram_used_gb,on_cloud,pue,wue'

const J_PER_KWH = 3.6e6

/** Writes one row in `header`'s column order; quotes cells with commas. */
function row(header: string, cells: Record<string, string>): string {
  return header
    .split(',')
    .map(name => cells[name] ?? '')
    .map(cell => (cell.includes(',') ? `"${cell}"` : cell))
    .join(',')
}

/** A plausible run written by hand: 100 s, GPU 0.01 kWh, CPU, RAM. */
const RUN: Record<string, string> = {
  timestamp: '2024-06-01T10:00:00',
  project_name: 'smoke',
  run_id: 'run-1',
  duration: '100',
  emissions: '0.004',
  cpu_power: '42.5',
  gpu_power: '360',
  ram_power: '10',
  cpu_energy: '0.00118',
  gpu_energy: '0.01',
  ram_energy: '0.00028',
  energy_consumed: '0.01146',
  country_iso_code: 'SWE',
  cpu_model: 'Intel(R) Xeon(R) Gold 6338, 2 sockets',
  gpu_model: '1 x NVIDIA A100-SXM4-40GB',
  pue: '1.0'
}

async function parse(
  text: string | Buffer,
  options: Partial<ParseOptions> = {}
): Promise<RecordingSink> {
  const sink = new RecordingSink()
  const bytes = typeof text === 'string' ? Buffer.from(text, 'utf8') : text
  await codecarbonFormat.parse(Readable.from([bytes]), sink, {
    file: 'emissions.csv',
    ...options
  })
  return sink
}

function factsOf<K extends FileFact['kind']>(
  sink: RecordingSink,
  kind: K
): Extract<FileFact, { kind: K }>[] {
  return sink.facts.filter(
    (fact): fact is Extract<FileFact, { kind: K }> => fact.kind === kind
  )
}

function windowsOf(sink: RecordingSink, key: string): RecordingSink['windows'] {
  const device = sink.devices.findIndex(identity => identity.key === key)
  return sink.windows.filter(window => window.device === device)
}

function sum(values: number[]): number {
  return values.reduce((total, value) => total + value, 0)
}

describeReal('codecarbon real files', () => {
  async function parseReal(name: string): Promise<RecordingSink> {
    const sink = new RecordingSink()
    await codecarbonFormat.parse(createReadStream(realFile(name)), sink, {
      file: name
    })
    return sink
  }

  it('reads the 7 A100 runs with the totals SOURCES.md lists', async () => {
    const sink = await parseReal('codecarbon-a100-emissions.csv')
    expect(sink.rejects).toEqual([])

    const gpu = windowsOf(sink, 'gpu')
    expect(gpu).toHaveLength(7)
    const spanS = sum(gpu.map(w => (w.endMs - w.startMs) / 1000))
    expect(spanS).toBeCloseTo(3073.6, 1)
    expect(Math.abs(sum(gpu.map(w => w.energyJ)) - 630_763)).toBeLessThan(2)
    const cpuKWh = sum(windowsOf(sink, 'cpu').map(w => w.energyJ)) / J_PER_KWH
    const ramKWh = sum(windowsOf(sink, 'ram').map(w => w.energyJ)) / J_PER_KWH
    expect(cpuKWh).toBeCloseTo(0.037104, 6)
    expect(ramKWh).toBeCloseTo(0.057109, 6)

    const itKWh =
      sum(factsOf(sink, 'it-energy').map(f => f.energyJ)) / J_PER_KWH
    expect(itKWh).toBeCloseTo(0.269425, 6)
    expect(sum(factsOf(sink, 'emissions').map(f => f.kg))).toBeCloseTo(0.157, 3)
  })

  it('names the A100 devices, the country once and no PUE at 1.0', async () => {
    const sink = await parseReal('codecarbon-a100-emissions.csv')
    expect(
      sink.devices.map(d => [d.key, d.kind, d.name, d.powerField])
    ).toEqual([
      ['gpu', 'gpu', '1 x NVIDIA A100-SXM4-40GB', 'energy-window'],
      ['cpu', 'cpu', 'AMD EPYC 7742 64-Core Processor', 'energy-window'],
      ['ram', 'ram', undefined, 'energy-window']
    ])
    expect(factsOf(sink, 'country')).toEqual([
      { kind: 'country', iso3: 'ISR', line: 2 }
    ])
    expect(factsOf(sink, 'pue-applied')).toEqual([])
  })

  it('ends the first A100 run at its timestamp, read as UTC with a warning', async () => {
    const sink = await parseReal('codecarbon-a100-emissions.csv')
    const first = windowsOf(sink, 'gpu')[0]!
    expect(first.endMs).toBe(Date.UTC(2025, 4, 30, 0, 15, 8))
    expect(first.endMs - first.startMs).toBeCloseTo(208_291.689, 2)
    const zone = sink.warnings.filter(w => w.code === 'timezone-assumed')
    expect(zone).toHaveLength(1)
  })

  it('reads the v3.2.7 RTX 3060 Ti row with the GPU energy its cell holds', async () => {
    const name = 'codecarbon-rtx3060ti-v3.2.7-emissions.csv'
    // Independent read: this file has no quoted cell, so a plain split works.
    const [header, data] = readFileSync(realFile(name), 'utf8').split('\n')
    const column = header!.split(',').indexOf('gpu_energy')
    const expectedJ = Number(data!.split(',')[column]) * J_PER_KWH
    expect(expectedJ).toBeCloseTo(17.5, 1)

    const sink = await parseReal(name)
    expect(sink.rejects).toEqual([])
    const gpu = windowsOf(sink, 'gpu')
    expect(gpu).toHaveLength(1)
    expect(gpu[0]!.energyJ).toBeCloseTo(expectedJ, 12)
    expect(sink.devices[0]!.name).toBe('1 x NVIDIA GeForce RTX 3060 Ti')
    expect(factsOf(sink, 'country')[0]!.iso3).toBe('BEL')
  })
})

describe('codecarbon header generations', () => {
  it('reads a 3.3 row with a quoted CPU model that holds a comma', async () => {
    const sink = await parse(`${HEADER_V33}\n${row(HEADER_V33, RUN)}\n`)
    expect(sink.rejects).toEqual([])
    expect(sink.devices.find(d => d.kind === 'cpu')!.name).toBe(
      'Intel(R) Xeon(R) Gold 6338, 2 sockets'
    )
    const gpu = windowsOf(sink, 'gpu')
    expect(gpu).toEqual([
      {
        device: 0,
        startMs: Date.UTC(2024, 5, 1, 9, 58, 20),
        endMs: Date.UTC(2024, 5, 1, 10, 0, 0),
        energyJ: 0.01 * J_PER_KWH,
        line: 2
      }
    ])
  })

  it('reads a 2.4.x row the same way', async () => {
    const sink = await parse(`${HEADER_V24}\n${row(HEADER_V24, RUN)}\n`)
    expect(sink.rejects).toEqual([])
    expect(windowsOf(sink, 'gpu')[0]!.energyJ).toBe(0.01 * J_PER_KWH)
    expect(windowsOf(sink, 'cpu')[0]!.energyJ).toBe(0.00118 * J_PER_KWH)
    expect(factsOf(sink, 'it-energy')[0]!.energyJ).toBe(0.01146 * J_PER_KWH)
  })

  it('reads a v2.0-era row, which has no pue column, without a PUE fact', async () => {
    const sink = await parse(`${HEADER_V20}\n${row(HEADER_V20, RUN)}\n`)
    expect(sink.rejects).toEqual([])
    expect(windowsOf(sink, 'ram')[0]!.energyJ).toBe(0.00028 * J_PER_KWH)
    expect(factsOf(sink, 'pue-applied')).toEqual([])
  })

  it('maps columns by name, so a reordered header gives the same windows', async () => {
    const reordered = HEADER_V24.split(',').reverse().join(',')
    const plain = await parse(`${HEADER_V24}\n${row(HEADER_V24, RUN)}\n`)
    const shuffled = await parse(`${reordered}\n${row(reordered, RUN)}\n`)
    expect(shuffled.windows).toEqual(plain.windows)
    expect(shuffled.facts).toEqual(plain.facts)
  })

  it('counts a run flushed several times (cumulative rows) once', async () => {
    // The v2.0-era BigScience file repeats each run_id with growing totals.
    const flushes = [
      {
        timestamp: '2022-05-18T12:00:10',
        duration: '10',
        gpu_energy: '0.001',
        energy_consumed: '0.0012',
        emissions: '0.0004'
      },
      {
        timestamp: '2022-05-18T12:00:30',
        duration: '30',
        gpu_energy: '0.004',
        energy_consumed: '0.0046',
        emissions: '0.0015'
      }
    ]
    const lines = flushes.map(cells =>
      row(HEADER_V20, { run_id: 'r', cpu_energy: '', ram_energy: '', ...cells })
    )
    const sink = await parse([HEADER_V20, ...lines].join('\n'))
    const gpu = windowsOf(sink, 'gpu')
    const start = Date.UTC(2022, 4, 18, 12, 0, 0)
    expect(gpu.map(w => [w.startMs - start, w.endMs - start])).toEqual([
      [0, 10_000],
      [10_000, 30_000]
    ])
    expect(sum(gpu.map(w => w.energyJ))).toBeCloseTo(0.004 * J_PER_KWH, 6)
    const itJ = sum(factsOf(sink, 'it-energy').map(f => f.energyJ))
    expect(itJ).toBeCloseTo(0.0046 * J_PER_KWH, 6)
    expect(sum(factsOf(sink, 'emissions').map(f => f.kg))).toBeCloseTo(
      0.0015,
      12
    )
  })

  it('skips an unchanged repeat of a run with a duplicate warning', async () => {
    const line = row(HEADER_V24, RUN)
    const sink = await parse(`${HEADER_V24}\n${line}\n${line}\n`)
    expect(windowsOf(sink, 'gpu')).toHaveLength(1)
    expect(sink.warnings.map(w => [w.code, w.line])).toContainEqual([
      'duplicate-sample',
      3
    ])
  })

  it('rejects a repeat of a run whose cumulative energy falls', async () => {
    const later = row(HEADER_V24, {
      ...RUN,
      duration: '200',
      gpu_energy: '0.005'
    })
    const sink = await parse(
      `${HEADER_V24}\n${row(HEADER_V24, RUN)}\n${later}\n`
    )
    expect(sink.rejects).toEqual([
      { line: 3, reason: "expected run run-1's gpu_energy not to fall" }
    ])
  })

  it('rejects a repeat of a run whose duration shrinks or whose energy changes at the same duration', async () => {
    const shorter = row(HEADER_V24, { ...RUN, duration: '50' })
    const changed = row(HEADER_V24, { ...RUN, gpu_energy: '0.02' })
    const sink = await parse(
      [HEADER_V24, row(HEADER_V24, RUN), shorter, changed].join('\n')
    )
    expect(sink.rejects).toEqual([
      {
        line: 3,
        reason:
          "expected run run-1's cumulative duration to grow from 100 s, found 50 s"
      },
      {
        line: 4,
        reason:
          'expected a repeat of run run-1 at 100 s to repeat its energies, found different values'
      }
    ])
  })

  it('reads a header repeated mid-file (files appended) as a header', async () => {
    const second = { ...RUN, run_id: 'run-2' }
    const text = [
      HEADER_V24,
      row(HEADER_V24, RUN),
      HEADER_V33,
      row(HEADER_V33, second)
    ]
    const sink = await parse(text.join('\n'))
    expect(sink.rejects).toEqual([])
    expect(windowsOf(sink, 'gpu')).toHaveLength(2)
  })
})

describe('codecarbon bug cases', () => {
  it('B12: rejects a row glued to the next by a missing newline, with both counts', async () => {
    const text =
      'timestamp,run_id,duration,energy_consumed\n' +
      '2024-06-01T09:00:00,r0,60,0.0005\n' +
      '2024-06-01T10:00:00,r1,60,0.00102024-06-01T11:00:00,r2,60,0.0012'
    const sink = await parse(text)
    expect(sink.rejects).toEqual([
      { line: 3, reason: 'expected 4 fields as in the header, found 7' }
    ])
    expect(factsOf(sink, 'it-energy').map(f => f.energyJ)).toEqual([
      0.0005 * J_PER_KWH
    ])
  })

  it('B12: rejects a glued number in a row of the right length instead of reading its prefix', async () => {
    const text =
      'timestamp,run_id,duration,energy_consumed\n' +
      '2024-06-01T10:00:00,r1,60,0.00102024-06-01T11:00:00\n'
    const sink = await parse(text)
    expect(sink.rejects).toEqual([
      {
        line: 2,
        reason:
          'expected a number in energy_consumed, found "0.00102024-06-01T11:00:00"'
      }
    ])
    expect(sink.facts).toEqual([])
  })

  it('B13: rejects a row that dropped its empty region column, never reading by position', async () => {
    const text =
      'timestamp,run_id,duration,region,energy_consumed,emissions\n' +
      '2024-06-01T10:00:00,r1,60,west,0.0100,0.0040\n' +
      '2024-06-01T11:00:00,r2,60,0.0200,0.0080\n'
    const sink = await parse(text)
    expect(sink.rejects).toEqual([
      { line: 3, reason: 'expected 6 fields as in the header, found 5' }
    ])
    expect(factsOf(sink, 'it-energy').map(f => f.energyJ)).toEqual([
      0.01 * J_PER_KWH
    ])
  })

  it('B13: reads empty cells in all-empty columns as missing, not as errors', async () => {
    const cells = {
      ...RUN,
      longitude: '',
      latitude: '',
      region: '',
      gpu_energy: '',
      gpu_model: ''
    }
    const sink = await parse(`${HEADER_V33}\n${row(HEADER_V33, cells)}\n`)
    expect(sink.rejects).toEqual([])
    expect(sink.devices.map(d => d.key)).toEqual(['cpu', 'ram'])
  })

  it('B15: reads a file with a BOM, CRLF and quoted header names', async () => {
    const text =
      '\uFEFF"timestamp","run_id","duration","gpu_energy","energy_consumed","emissions"\r\n' +
      '2024-06-01T10:00:10,r1,10,0.000277777777777778,0.000277777777777778,0.0001\r\n'
    const sink = await parse(Buffer.from(text, 'utf8'))
    expect(sink.rejects).toEqual([])
    const gpu = windowsOf(sink, 'gpu')
    expect(gpu[0]!.energyJ).toBeCloseTo(1000, 6)
    expect(gpu[0]!.startMs).toBe(Date.UTC(2024, 5, 1, 10, 0, 0))
  })

  it('B22: takes energy_consumed as kWh over the run and never multiplies it by duration', async () => {
    const text =
      'timestamp,run_id,duration,energy_consumed,emissions\n' +
      '2024-06-01T11:00:00,r1,3600,0.25,0.1\n'
    const sink = await parse(text)
    expect(factsOf(sink, 'it-energy')).toEqual([
      { kind: 'it-energy', energyJ: 900_000, line: 2 }
    ])
    expect(factsOf(sink, 'emissions')).toEqual([
      { kind: 'emissions', kg: 0.1, line: 2 }
    ])
  })

  it('B42: reports a PUE of 1.5 as already applied and passes the energy on unchanged', async () => {
    const cells = {
      timestamp: '2024-06-01T10:01:00',
      run_id: 'r1',
      duration: '60',
      gpu_power: '60',
      gpu_energy: '0.0015',
      energy_consumed: '0.0015',
      emissions: '0.0006',
      pue: '1.5'
    }
    const second = { ...cells, run_id: 'r2', timestamp: '2024-06-01T10:02:00' }
    const sink = await parse(
      `${HEADER_V24}\n${row(HEADER_V24, cells)}\n${row(HEADER_V24, second)}\n`
    )
    expect(factsOf(sink, 'pue-applied')).toEqual([
      { kind: 'pue-applied', pue: 1.5, line: 2 }
    ])
    const itJ = factsOf(sink, 'it-energy').map(f => f.energyJ)
    expect(itJ).toEqual([5400, 5400])
    expect(windowsOf(sink, 'gpu')[0]!.energyJ).toBe(5400)
  })
})

describe('codecarbon cells and options', () => {
  it('reports a component whose energy and power both read 0 as unmeasured, once', async () => {
    const cells = { ...RUN, cpu_energy: '0.0', cpu_power: '0.0' }
    const second = { ...cells, run_id: 'run-2' }
    const sink = await parse(
      `${HEADER_V20}\n${row(HEADER_V20, cells)}\n${row(HEADER_V20, second)}\n`
    )
    expect(sink.devices.map(d => d.key)).toEqual(['gpu', 'ram'])
    const missing = sink.warnings.filter(w => w.code === 'missing-power')
    expect(missing).toHaveLength(1)
    expect(missing[0]!.message).toMatch(/cpu energy is missing, not 0/)
  })

  it('reads timestamps in the given zone and then assumes nothing', async () => {
    const sink = await parse(`${HEADER_V24}\n${row(HEADER_V24, RUN)}\n`, {
      timezone: 'Europe/Stockholm'
    })
    expect(windowsOf(sink, 'gpu')[0]!.endMs).toBe(Date.UTC(2024, 5, 1, 8, 0, 0))
    expect(sink.warnings).toEqual([])
  })

  it('gives the file node name to every device', async () => {
    const sink = await parse(`${HEADER_V24}\n${row(HEADER_V24, RUN)}\n`, {
      node: 'gpu-node-7'
    })
    expect(sink.devices.every(d => d.node === 'gpu-node-7')).toBe(true)
  })

  it('keeps a second GPU model in one file apart as its own device', async () => {
    const other = { ...RUN, run_id: 'run-2', gpu_model: '1 x NVIDIA L4' }
    const sink = await parse(
      `${HEADER_V24}\n${row(HEADER_V24, RUN)}\n${row(HEADER_V24, other)}\n`
    )
    const gpus = sink.devices.filter(d => d.kind === 'gpu')
    expect(gpus.map(d => [d.key, d.name])).toEqual([
      ['gpu', '1 x NVIDIA A100-SXM4-40GB'],
      ['gpu:1 x NVIDIA L4', '1 x NVIDIA L4']
    ])
  })

  it('rejects bad timestamps, durations, negative energies and open quotes, and carries on', async () => {
    const bad = [
      row(HEADER_V24, { ...RUN, timestamp: '2024-02-31T10:00:00' }),
      row(HEADER_V24, { ...RUN, duration: '-5' }),
      row(HEADER_V24, { ...RUN, duration: '[N/A]' }),
      row(HEADER_V24, { ...RUN, gpu_energy: '-0.1' }),
      row(HEADER_V24, { ...RUN, project_name: '"open' }),
      row(HEADER_V24, RUN)
    ]
    const sink = await parse([HEADER_V24, ...bad].join('\n'))
    expect(sink.rejects.map(r => r.line)).toEqual([2, 3, 4, 5, 6])
    expect(sink.rejects[0]!.reason).toMatch(/^expected a timestamp/)
    expect(sink.rejects[1]!.reason).toBe('expected duration ≥ 0, found -5')
    expect(sink.rejects[2]!.reason).toBe(
      'expected a duration > 0 s, found "[N/A]"'
    )
    expect(sink.rejects[3]!.reason).toBe('expected gpu_energy ≥ 0, found -0.1')
    expect(sink.rejects[4]!.reason).toMatch(/^expected balanced quotes/)
    expect(windowsOf(sink, 'gpu')).toHaveLength(1)
  })

  it('throws InputError for a header without duration and for an empty file', async () => {
    const noDuration = parse('timestamp,run_id,energy_consumed\n')
    await expect(noDuration).rejects.toThrow(InputError)
    await expect(parse('timestamp,run_id,energy_consumed\n')).rejects.toThrow(
      'emissions.csv:1: expected a "duration" column in the CodeCarbon header'
    )
    await expect(parse('\n\n')).rejects.toThrow(/found no line/)
  })
})

describe('codecarbon detect', () => {
  it('is sure of every CodeCarbon header generation', () => {
    for (const header of [HEADER_V20, HEADER_V24, HEADER_V33]) {
      expect(codecarbonFormat.detect(`${header}\n`, 'emissions.csv')).toBe(1)
    }
  })

  it('is fairly sure of a minimal header with the three key columns', () => {
    expect(
      codecarbonFormat.detect('duration,emissions,energy_consumed\n', 'x.csv')
    ).toBe(0.9)
  })

  it('declines Zeus, nvidia-smi and JSON Lines heads', () => {
    const heads = [
      'start_time,window_name,elapsed_time,gpu0_energy\n',
      'timestamp, index, power.draw [W]\n',
      '{"schema":"ecocompute.telemetry/v1","kind":"header"}\n'
    ]
    for (const head of heads) {
      expect(codecarbonFormat.detect(head, 'x.csv')).toBe(0)
    }
  })
})
