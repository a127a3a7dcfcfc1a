import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from '@jest/globals'
import {
  readCpuModel,
  readCpuTimes,
  readLogicalCpus,
  utilizationPct
} from '../../src/collect/proc-stat.js'
import { discoverRapl, readZoneMJ } from '../../src/collect/rapl.js'
import {
  classifySmiLine,
  normaliseBusId,
  numberOrNull
} from '../../src/collect/smi-row.js'

const dir = mkdtempSync(join(tmpdir(), 'eco-readers-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe('nvidia-smi sampler lines', () => {
  // The row shape of shared/telemetry-real's noheader,nounits files.
  const row =
    '2025/07/09 01:17:36.754, 0, GPU-e2681f6e-8d94-2d66-484f-43ea602335f9, NVIDIA A100-PCIE-40GB, 00000000:3B:00.0, 36.02, 250.00, 0, 0, 25, [Unknown Error]'

  it('reads a row as UTC with its index and cells', () => {
    const line = classifySmiLine(row, 11)
    expect(line).toMatchObject({
      kind: 'row',
      row: {
        timeMs: Date.UTC(2025, 6, 9, 1, 17, 36, 754),
        index: 0,
        lostMarker: undefined
      }
    })
    if (line.kind === 'row') expect(line.row.cells[5]).toBe('36.02')
  })

  it('marks [GPU is lost] and [GPU requires reset] rows, not other sentinels', () => {
    const lost = classifySmiLine('2024/06/01 12:00:01.000, 1, [GPU is lost]', 3)
    expect(lost).toMatchObject({
      kind: 'row',
      row: { lostMarker: '[GPU is lost]' }
    })
    const reset = classifySmiLine(
      '2024/06/01 12:00:01.000, 1, [GPU requires reset]',
      3
    )
    expect(reset).toMatchObject({
      kind: 'row',
      row: { lostMarker: '[GPU requires reset]' }
    })
    expect(
      classifySmiLine('2024/06/01 12:00:01.000, 1, [N/A]', 3)
    ).toMatchObject({ row: { lostMarker: undefined } })
  })

  it("reads nvidia-smi's device-handle error line (bug case F-B11)", () => {
    expect(
      classifySmiLine(
        'Unable to determine the device handle for GPU 0000:3B:00.0: Unknown Error',
        11
      )
    ).toEqual({
      kind: 'handle-error',
      busId: '0000:3B:00.0',
      reason: 'Unknown Error'
    })
  })

  it('skips a line with the wrong number of cells or no time', () => {
    expect(classifySmiLine('No devices were found', 11).kind).toBe('other')
    expect(
      classifySmiLine(row.replace('2025/07/09', 'yesterday'), 11).kind
    ).toBe('other')
    expect(classifySmiLine(row, 12).kind).toBe('other')
  })

  it('treats sentinels and non-numbers as null, never 0', () => {
    expect([
      numberOrNull('[N/A]'),
      numberOrNull('[Not Supported]'),
      numberOrNull('12abc'),
      numberOrNull(undefined)
    ]).toEqual([null, null, null, null])
    expect(numberOrNull(' 402.50 ')).toBe(402.5)
  })

  it('compares PCI bus ids of either domain width', () => {
    expect(normaliseBusId('00000000:3B:00.0')).toBe(
      normaliseBusId('0000:3b:00.0')
    )
    expect(normaliseBusId('00000001:3B:00.0')).not.toBe(
      normaliseBusId('0000:3B:00.0')
    )
  })
})

describe('/proc/stat and /proc/cpuinfo', () => {
  const proc = join(dir, 'proc')
  mkdirSync(proc)

  it('counts busy ticks without idle, iowait or the guest time already in user', async () => {
    // user nice system idle iowait irq softirq steal guest guest_nice
    writeFileSync(join(proc, 'stat'), 'cpu  100 20 30 800 50 5 5 10 40 0\n')
    expect(await readCpuTimes(proc)).toEqual({
      busyTicks: 100 + 20 + 30 + 5 + 5 + 10,
      totalTicks: 1020
    })
  })

  it('counts the logical CPUs from the cpuN lines', async () => {
    const perCpu = [0, 1, 2, 3].map(n => `cpu${n} 1 0 0 1 0 0 0 0 0 0`)
    writeFileSync(
      join(proc, 'stat'),
      ['cpu  4 0 0 4 0 0 0 0 0 0', ...perCpu, 'intr 0', 'ctxt 0'].join('\n')
    )
    expect(await readLogicalCpus(proc)).toBe(4)
    expect(await readLogicalCpus(join(proc, 'missing'))).toBeUndefined()
  })

  it('gives the busy share between two readings in %', () => {
    expect(
      utilizationPct(
        { busyTicks: 100, totalTicks: 1000 },
        { busyTicks: 175, totalTicks: 1100 }
      )
    ).toBe(75)
    expect(
      utilizationPct(
        { busyTicks: 100, totalTicks: 1000 },
        { busyTicks: 100, totalTicks: 1000 }
      )
    ).toBeNull()
  })

  it('reads the model name, and nothing from a file without one', async () => {
    writeFileSync(
      join(proc, 'cpuinfo'),
      'processor\t: 0\nvendor_id\t: AuthenticAMD\nmodel name\t: AMD EPYC 7742 64-Core Processor\n'
    )
    expect(await readCpuModel(proc)).toBe('AMD EPYC 7742 64-Core Processor')
    writeFileSync(join(proc, 'cpuinfo'), 'processor\t: 0\nCPU part\t: 0xd0c\n')
    expect(await readCpuModel(proc)).toBeUndefined()
    expect(await readCpuTimes(join(dir, 'nowhere'))).toBeUndefined()
  })
})

describe('RAPL under powercap', () => {
  /** A zone folder with the given files. */
  function zone(
    root: string,
    folder: string,
    name: string,
    energy: string | null,
    range = '262143328850'
  ): void {
    mkdirSync(join(root, folder), { recursive: true })
    writeFileSync(join(root, folder, 'name'), `${name}\n`)
    writeFileSync(join(root, folder, 'max_energy_range_uj'), `${range}\n`)
    if (energy === null) mkdirSync(join(root, folder, 'energy_uj'))
    else writeFileSync(join(root, folder, 'energy_uj'), `${energy}\n`)
  }

  it('keeps packages and their DRAM, and skips core, uncore and psys, which would count twice', async () => {
    const root = join(dir, 'powercap')
    zone(root, 'intel-rapl:0', 'package-0', '1000')
    zone(root, 'intel-rapl:0:0', 'core', '10')
    zone(root, 'intel-rapl:0:1', 'dram', '2000')
    zone(root, 'intel-rapl:1', 'package-1', '3000')
    zone(root, 'intel-rapl:2', 'psys', '9000')
    zone(root, 'intel-rapl-mmio:0', 'package-0', '1000')
    const found = await discoverRapl(root)
    expect(
      found.zones.map(z => [z.key, z.kind, z.zoneName, z.wrapRangeMJ])
    ).toEqual([
      ['cpu0', 'cpu', 'package-0', 262143328.85],
      ['ram0', 'ram', 'dram', 262143328.85],
      ['cpu1', 'cpu', 'package-1', 262143328.85]
    ])
    expect(await readZoneMJ(found.zones[1]!)).toBe(2)
  })

  it('says why when a counter cannot be read (root only since Linux 5.10)', async () => {
    const root = join(dir, 'powercap-locked')
    zone(root, 'intel-rapl:0', 'package-0', null)
    const found = await discoverRapl(root)
    expect(found.zones).toEqual([])
    expect(found.problem).toContain(
      'intel-rapl:0/energy_uj is not readable (EISDIR; root only since Linux 5.10, CVE-2020-8694)'
    )
  })

  it('says there is no powercap interface when the root is missing', async () => {
    expect((await discoverRapl(join(dir, 'none'))).problem).toContain(
      'is not readable (no powercap interface)'
    )
  })
})
