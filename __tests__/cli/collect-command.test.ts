import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it, jest } from '@jest/globals'
import type { AuditResult } from '../../src/audit/audit-schema.js'
import { runAudit } from '../../src/audit/run-audit.js'
import { main } from '../../src/cli/main.js'
import { envScope } from '../collect/env-scope.js'
import { seriesOf, trapezoidJ } from '../collect/expected-energy.js'
import {
  type FakeGpu,
  type FakeSpec,
  FakeNode,
  readJsonLines,
  twoGpuSpec
} from '../collect/fake-node.js'
import { captureOutput } from '../helpers/capture-output.js'

// Each test runs real child processes for a second or two.
jest.setTimeout(30_000)

const output = captureOutput()
const setEnv = envScope()
const nodes: FakeNode[] = []

afterEach(() => {
  for (const node of nodes.splice(0)) node.remove()
})

/** J in one kWh. */
const J_PER_KWH = 3_600_000

/** A fake node whose tools and roots this test's collector sees. */
function useNode(
  spec: FakeSpec,
  extraEnv: Record<string, string | undefined> = {}
): FakeNode {
  const node = new FakeNode(spec)
  nodes.push(node)
  setEnv({
    ...node.env(),
    CUDA_VISIBLE_DEVICES: undefined,
    SLURMD_NODENAME: undefined,
    ...extraEnv
  })
  return node
}

/** `collect` around `command` at 100 ms into the node's out folder. */
function collect(
  node: FakeNode,
  command: string[],
  flags: string[] = []
): Promise<number> {
  return main([
    'collect',
    '--interval-ms',
    '100',
    '--out',
    node.outDir,
    ...flags,
    '--',
    ...command
  ])
}

/** The records of the node's telemetry file. */
function recordsOf(node: FakeNode): Record<string, unknown>[] {
  return readJsonLines(join(node.outDir, 'telemetry-gpu-node-1.jsonl'))
}

/** The audited device of a fake GPU. */
function deviceOf(
  result: AuditResult,
  gpu: FakeGpu
): AuditResult['devices'][number] {
  const device = result.devices.find(d => d.uuid === gpu.uuid)
  if (device === undefined) throw new Error(`no device ${gpu.uuid}`)
  return device
}

describe('collect -- CMD', () => {
  it('records both GPUs around sleep, and the audit integrates exactly the power the fake printed', async () => {
    const node = useNode(twoGpuSpec())
    const code = await collect(node, ['sleep', '1'])
    expect(output.stderr).toContain(
      'GPU 0: NVIDIA H100 80GB HBM3 (power.draw.instant)'
    )
    expect(code).toBe(0)

    const file = join(node.outDir, 'telemetry-gpu-node-1.jsonl')
    expect(recordsOf(node)[0]).toMatchObject({
      schema: 'ecocompute.telemetry/v1',
      kind: 'header',
      host: 'gpu-node-1',
      driver_version: '550.54.15',
      interval_ms: 100,
      gpu_models: ['NVIDIA H100 80GB HBM3']
    })
    expect(
      existsSync(join(node.outDir, 'raw/telemetry-gpu-node-1/nvidia-smi.csv'))
    ).toBe(true)

    const result = await runAudit([node.outDir], {})
    const emitted = node.emitted()
    for (const gpu of twoGpuSpec().gpus) {
      const expectedJ = trapezoidJ(
        seriesOf(emitted, gpu.index, 'power.draw.instant')
      )
      const device = deviceOf(result, gpu)
      expect(device.field).toBe('power.draw.instant')
      expect(device.energy_kwh * J_PER_KWH).toBeCloseTo(expectedJ, 6)
      // About a second of power at the series' lowest value, at least.
      expect(expectedJ).toBeGreaterThan(0.9 * Math.min(...gpu.powerW))
    }
    expect(readFileSync(file, 'utf8')).not.toMatch(/"p_w":0[,}]/)
  })

  it('has its first GPU sample before the command starts and its last after it ends', async () => {
    const node = useNode(twoGpuSpec())
    const times = join(node.dir, 'times.json')
    const script = `const s=Date.now();setTimeout(()=>require('fs').writeFileSync(${JSON.stringify(times)},JSON.stringify([s,Date.now()])),700)`
    expect(await collect(node, [process.execPath, '-e', script])).toBe(0)
    const [startMs, endMs] = JSON.parse(readFileSync(times, 'utf8')) as [
      number,
      number
    ]
    const gpuTimes = recordsOf(node)
      .filter(r => r.d === '0')
      .map(r => Date.parse(r.t as string))
    expect(Math.min(...gpuTimes)).toBeLessThanOrEqual(startMs + 100)
    expect(Math.max(...gpuTimes)).toBeGreaterThanOrEqual(endMs - 100)
  })

  it("returns the command's exit code and still writes the telemetry", async () => {
    const node = useNode(twoGpuSpec())
    expect(await collect(node, ['sh', '-c', 'exit 3'])).toBe(3)
    expect(recordsOf(node).at(-1)).toMatchObject({ kind: 'footer' })
  })

  it('returns 128 + 15 for a command killed by SIGTERM', async () => {
    const node = useNode(twoGpuSpec())
    expect(await collect(node, ['sh', '-c', 'kill -TERM $$'])).toBe(143)
    expect(recordsOf(node)[0]).toMatchObject({ kind: 'header' })
  })

  it('returns 127 for a command that is not found', async () => {
    const node = useNode(twoGpuSpec())
    expect(await collect(node, ['no-such-command-here'])).toBe(127)
    expect(output.stderr).toContain('cannot run the command')
  })

  it.each([
    [['collect', 'sleep', '1'], 'expected the command after --'],
    [
      ['collect', '--interval-ms', '5', '--', 'true'],
      '--interval-ms must be a whole number of milliseconds from 10 to 60000, got "5"'
    ],
    [
      ['collect', '--gpus', 'first', '--', 'true'],
      '--gpus must be auto, all, none'
    ],
    [['collect', '--bogus', '--', 'true'], "Unknown option '--bogus'"]
  ])('exits 125 with a clear message for %j', async (args, message) => {
    useNode(twoGpuSpec())
    expect(await main(args)).toBe(125)
    expect(output.stderr).toContain(message)
  })

  it('exits 125 naming the GPU when --gpus lists one nvidia-smi does not have', async () => {
    const node = useNode(twoGpuSpec())
    expect(await collect(node, ['true'], ['--gpus', '5'])).toBe(125)
    expect(output.stderr).toContain(
      'gpus: "5" is not a GPU nvidia-smi lists; it lists 0 (GPU-5f0d3c1e-0000-4a6b-9c1d-000000000000), 1 (GPU-7a1b2c3d-1111-4e5f-8a9b-111111111111)'
    )
    // The empty claim is given back: a rerun gets the plain file name.
    expect(existsSync(join(node.outDir, 'raw/telemetry-gpu-node-1'))).toBe(
      false
    )
  })

  it('exits 125 without running the command when the output folder cannot be made', async () => {
    const node = useNode(twoGpuSpec())
    const marker = join(node.dir, 'ran')
    const code = await main([
      'collect',
      '--out',
      join(node.dir, 'spec.json', 'out'),
      '--',
      'sh',
      '-c',
      `: > ${marker}`
    ])
    expect(code).toBe(125)
    expect(output.stderr).toContain(
      `cannot create the output folder ${join(node.dir, 'spec.json', 'out')}: ENOTDIR`
    )
    expect(existsSync(marker)).toBe(false)
  })

  it('exits 125 at once, without running the command, for an output folder under /proc', async () => {
    // Node 20's recursive mkdir never returns for this path (issue #6).
    const node = useNode(twoGpuSpec())
    const marker = join(node.dir, 'ran')
    const startedMs = Date.now()
    const code = await main([
      'collect',
      '--out',
      '/proc/ecocompute-out',
      '--',
      'sh',
      '-c',
      `: > ${marker}`
    ])
    expect(code).toBe(125)
    expect(Date.now() - startedMs).toBeLessThan(2000)
    expect(output.stderr).toContain(
      "collect: error: cannot start sampling: cannot create the output folder /proc/ecocompute-out: ENOENT: no such file or directory, mkdir '/proc/ecocompute-out'"
    )
    expect(existsSync(marker)).toBe(false)
  })

  it('prints its help with --help', async () => {
    expect(await main(['collect', '--help'])).toBe(0)
    expect(output.stdout).toContain(
      'Usage: node dist/cli.js collect [options] -- COMMAND'
    )
  })
})

describe('collect without a usable GPU', () => {
  it('says why, records the CPU alone and keeps the command’s exit code', async () => {
    const message =
      "NVIDIA-SMI has failed because it couldn't communicate with the NVIDIA driver. Make sure that the latest NVIDIA driver is installed and running."
    const node = useNode({ ...twoGpuSpec(), fail: { message, code: 9 } })
    expect(await collect(node, ['sh', '-c', 'exit 0'])).toBe(0)
    expect(output.stderr).toContain(
      `no GPU telemetry: nvidia-smi failed: ${message} (exit code 9: the NVIDIA driver is not loaded); recording the CPU only`
    )
    const records = recordsOf(node)
    expect(records[0]).toMatchObject({
      devices: [{ key: 'cpu', kind: 'cpu', name: 'Fake CPU 9000 @ 3.00GHz' }]
    })
    expect(
      records.some(
        r =>
          r.event === 'note' &&
          String(r.message).startsWith('no GPU sampled: nvidia-smi failed')
      )
    ).toBe(true)
  })

  it('records the CPU alone when nvidia-smi is not installed', async () => {
    const node = useNode(twoGpuSpec())
    setEnv({ PATH: join(node.dir, 'no-such-bin') })
    expect(await collect(node, [process.execPath, '-e', '0'])).toBe(0)
    expect(output.stderr).toContain('nvidia-smi is not on PATH')
  })

  it('exits 125 without running the command when there is nothing at all to sample', async () => {
    const node = useNode(twoGpuSpec(), {
      ECOCOMPUTE_PROC_ROOT: '/nonexistent-proc'
    })
    const marker = join(node.dir, 'ran')
    expect(
      await collect(node, ['sh', '-c', `: > ${marker}`], ['--gpus', 'none'])
    ).toBe(125)
    expect(output.stderr).toContain(
      'nothing to sample on gpu-node-1: no GPU selected: gpus is none; no CPU readings (no RAPL, no /proc/stat)'
    )
    expect(existsSync(marker)).toBe(false)
  })

  it('honours CUDA_VISIBLE_DEVICES="" (every GPU hidden) and says so on the console', async () => {
    const node = useNode(twoGpuSpec(), { CUDA_VISIBLE_DEVICES: '' })
    expect(await collect(node, ['true'])).toBe(0)
    expect(
      (recordsOf(node)[0]!.devices as { kind: string }[]).map(d => d.kind)
    ).toEqual(['cpu'])
    expect(output.stderr).toContain(
      'collect: warning: no GPU telemetry: no GPU selected: CUDA_VISIBLE_DEVICES is set but empty, which hides every GPU; recording the CPU only'
    )
  })

  it('says on the console that an ambiguous CUDA_VISIBLE_DEVICES UUID prefix selected no GPU', async () => {
    const uuids = [
      'GPU-5f0d3c1e-0000-4a6b-9c1d-000000000000',
      'GPU-5f0d9a9a-1111-4e5f-8a9b-111111111111'
    ]
    const node = useNode(twoGpuSpec([{ uuid: uuids[0] }, { uuid: uuids[1] }]), {
      CUDA_VISIBLE_DEVICES: 'GPU-5f0d'
    })
    expect(await collect(node, ['true'])).toBe(0)
    const why = `CUDA_VISIBLE_DEVICES entry "GPU-5f0d" is the start of 2 GPUs' UUIDs, so it names none; CUDA ignores it and every entry after it (nvidia-smi lists 0 (${uuids[0]}), 1 (${uuids[1]}))`
    expect(output.stderr).toContain(
      `collect: warning: no GPU telemetry: no GPU selected: ${why}; recording the CPU only`
    )
    expect(recordsOf(node).map(r => r.message)).toContain(
      `no GPU sampled: no GPU selected: ${why}`
    )
  })

  it('starts the command within the query timeout when nvidia-smi never answers, and says so', async () => {
    const node = useNode({ ...twoGpuSpec(), hang: true })
    const started = join(node.dir, 'started')
    const script = `require('fs').writeFileSync(${JSON.stringify(started)},String(Date.now()))`
    const collectMs = Date.now()
    expect(await collect(node, [process.execPath, '-e', script])).toBe(0)
    // The listing is given 10 s (QUERY_TIMEOUT_MS), then the command runs.
    const waitedMs = Number(readFileSync(started, 'utf8')) - collectMs
    expect(waitedMs).toBeGreaterThanOrEqual(10_000)
    expect(waitedMs).toBeLessThan(13_000)
    expect(output.stderr).toContain(
      'collect: warning: no GPU telemetry: nvidia-smi did not answer within 10 s (a hung driver or GPU, or a cold driver without persistence mode); recording the CPU only'
    )
    // Only the listing was tried: no field trials after a hung driver.
    expect(node.smiCalls()).toHaveLength(1)
    expect(
      (recordsOf(node)[0]!.devices as { kind: string }[]).map(d => d.kind)
    ).toEqual(['cpu'])
  })
})

describe('collect reads what the driver offers', () => {
  it('falls back to power.draw on a driver that refuses power.draw.instant and .average', async () => {
    const node = useNode({ ...twoGpuSpec(), driverFields: [] })
    expect(await collect(node, ['sleep', '0.5'])).toBe(0)
    const records = recordsOf(node)
    expect(
      records.filter(r => r.event === 'note').map(r => r.message)
    ).toContain(
      'power.draw.instant is not available from this driver (nvidia-smi failed: Field "power.draw.instant" is not a valid field to query. (exit code 2: an argument or flag was refused)): not sampled'
    )
    const result = await runAudit([node.outDir], {})
    for (const gpu of twoGpuSpec().gpus) {
      const device = deviceOf(result, gpu)
      expect(device.field).toBe('power.draw')
      expect(device.energy_kwh * J_PER_KWH).toBeCloseTo(
        trapezoidJ(seriesOf(node.emitted(), gpu.index, 'power.draw')),
        6
      )
    }
  })

  it('uses power.draw.average for a GPU that answers [N/A] to power.draw.instant', async () => {
    const node = useNode(twoGpuSpec([{}, { noInstant: true }]))
    expect(await collect(node, ['sleep', '0.5'])).toBe(0)
    const devices = recordsOf(node)[0]!.devices as {
      key: string
      power_field?: string
    }[]
    expect(devices.map(d => d.power_field)).toEqual([
      'power.draw.instant',
      'power.draw.average'
    ])
  })

  it('writes [N/A] cells as null, never 0 W, and the audit integrates the readings around them', async () => {
    const node = useNode(twoGpuSpec([{ naEvery: 3 }]))
    expect(await collect(node, ['sleep', '1'])).toBe(0)
    const gpu0 = recordsOf(node).filter(r => r.d === '0')
    expect(gpu0.some(r => r.p_w === null)).toBe(true)
    expect(gpu0.some(r => r.p_w === 0)).toBe(false)
    const result = await runAudit([node.outDir], {})
    const expectedJ = trapezoidJ(
      seriesOf(node.emitted(), 0, 'power.draw.instant')
    )
    expect(
      deviceOf(result, twoGpuSpec().gpus[0]!).energy_kwh * J_PER_KWH
    ).toBeCloseTo(expectedJ, 6)
  })

  it.each(['cells', 'error-line', 'vanish'] as const)(
    'records a GPU lost mid-run (%s) as a lost event with null power, never 0 W',
    async lostStyle => {
      const node = useNode(twoGpuSpec([{}, { lostAfterFrames: 4, lostStyle }]))
      expect(await collect(node, ['sleep', '1.2'])).toBe(0)
      const gpu1 = recordsOf(node).filter(r => r.d === '1')
      expect(gpu1.filter(r => r.event === 'lost')).toHaveLength(1)
      const lostAt = gpu1.findIndex(r => r.event === 'lost')
      expect(gpu1[lostAt - 1]).toMatchObject({ p_w: null })
      expect(gpu1.filter(r => typeof r.p_w === 'number')).toHaveLength(4)
      expect(gpu1.some(r => r.p_w === 0)).toBe(false)
      expect(output.stderr).toContain('GPU 1 stopped answering')

      const result = await runAudit([node.outDir], {})
      expect(result.warnings.some(w => w.code === 'device-lost')).toBe(true)
      const before = seriesOf(node.emitted(), 1, 'power.draw.instant')
      expect(before).toHaveLength(4)
      expect(
        deviceOf(result, twoGpuSpec().gpus[1]!).energy_kwh * J_PER_KWH
      ).toBeCloseTo(trapezoidJ(before), 6)
    }
  )

  it('records the GPU energy counter through dcgmi dmon, and the audit prefers it', async () => {
    const spec = twoGpuSpec([{ dcgmPowerW: 300 }, { dcgmPowerW: 150 }])
    const node = useNode({ ...spec, dcgm: {} })
    expect(await collect(node, ['sleep', '1'])).toBe(0)
    const counters = recordsOf(node).filter(r => r.e_mj !== undefined)
    expect(counters.length).toBeGreaterThan(10)
    const result = await runAudit([node.outDir], {})
    for (const gpu of spec.gpus) {
      const totec = node
        .dcgmEmitted()
        .filter(r => r.index === gpu.index)
        .map(r => Number(r.totec))
      const device = deviceOf(result, gpu)
      expect(device.field).toBe('energy-counter')
      expect(device.energy_kwh * J_PER_KWH).toBeCloseTo(
        (totec.at(-1)! - totec[0]!) / 1000,
        6
      )
    }
  })

  it('says so when dcgmi cannot reach its host engine, and keeps the power samples', async () => {
    const node = useNode({
      ...twoGpuSpec(),
      dcgm: {
        fail: 'Error: unable to establish a connection to the specified host: localhost'
      }
    })
    expect(await collect(node, ['sleep', '0.5'])).toBe(0)
    expect(output.stderr).toContain(
      'dcgmi dmon gave no energy counter readings (Error: unable to establish a connection to the specified host: localhost)'
    )
    const result = await runAudit([node.outDir], {})
    expect(deviceOf(result, twoGpuSpec().gpus[0]!).field).toBe(
      'power.draw.instant'
    )
  })
})

describe('collect chooses GPUs', () => {
  it.each([
    ['GPU-7a1b2c3d', { CUDA_VISIBLE_DEVICES: 'GPU-7a1b2c3d' }, []],
    ['CUDA ordinal 1', { CUDA_VISIBLE_DEVICES: '1' }, []],
    [
      '--gpus with a UUID',
      {},
      ['--gpus', 'GPU-7a1b2c3d-1111-4e5f-8a9b-111111111111']
    ]
  ])('samples only GPU 1 for %s', async (_what, env, flags) => {
    const node = useNode(twoGpuSpec(), env)
    expect(await collect(node, ['sleep', '0.3'], flags)).toBe(0)
    const gpus = (
      recordsOf(node)[0]!.devices as { kind: string; index?: number }[]
    ).filter(d => d.kind === 'gpu')
    expect(gpus.map(g => g.index)).toEqual([1])
    const raw = readFileSync(
      join(node.outDir, 'raw/telemetry-gpu-node-1/commands.txt'),
      'utf8'
    )
    expect(raw).toContain('-lms 100 -i 1')
  })
})

describe('collect records the CPU', () => {
  it('records its utilisation from /proc/stat with the model name when RAPL is not readable', async () => {
    const node = useNode(twoGpuSpec())
    let busy = 1000
    let idle = 9000
    // Every 20 ms the host is 30 % busy: 30 busy ticks to 70 idle.
    const timer = setInterval(
      () => node.writeProc((busy += 30), (idle += 70)),
      20
    )
    try {
      expect(await collect(node, ['sleep', '0.6'], ['--gpus', 'none'])).toBe(0)
    } finally {
      clearInterval(timer)
    }
    const records = recordsOf(node)
    expect(records[0]).toMatchObject({
      devices: [{ key: 'cpu', kind: 'cpu', name: 'Fake CPU 9000 @ 3.00GHz' }]
    })
    const shares = records.filter(r => r.d === 'cpu').map(r => r.u_pct)
    expect(shares.length).toBeGreaterThanOrEqual(4)
    expect(shares.filter(share => share !== 30)).toEqual([])
  })

  it('keeps utilisation beside measured GPUs in raw/ only, so the run is not lowered to L1', async () => {
    const node = useNode(twoGpuSpec())
    expect(await collect(node, ['sleep', '0.5'])).toBe(0)
    const header = recordsOf(node)[0]!
    expect((header.devices as { kind: string }[]).map(d => d.kind)).toEqual([
      'gpu',
      'gpu'
    ])
    expect(String((header.sources as string[]).at(-1))).toContain(
      'kept in raw/ only (no RAPL: '
    )
    const csv = readFileSync(
      join(node.outDir, 'raw/telemetry-gpu-node-1/cpu-utilization.csv'),
      'utf8'
    )
    expect(csv.split('\n')[0]).toBe('time,utilization_pct')
    const result = await runAudit([node.outDir], {})
    expect(result.grounding.level).toBe('L2')
  })

  it('keeps extra nvidia-smi fields in the raw output and leaves out the ones the driver refuses', async () => {
    const node = useNode({ ...twoGpuSpec(), extraFields: ['fan.speed'] })
    expect(
      await collect(node, ['true'], ['--fields', 'fan.speed,bogus.field'])
    ).toBe(0)
    const commands = readFileSync(
      join(node.outDir, 'raw/telemetry-gpu-node-1/commands.txt'),
      'utf8'
    )
    expect(commands).toContain('power.draw.average,fan.speed --format')
    const refused =
      'fields: bogus.field was refused by nvidia-smi (nvidia-smi failed: Field "bogus.field" is not a valid field to query. (exit code 2: an argument or flag was refused)): left out'
    expect(recordsOf(node).map(r => r.message)).toContain(refused)
    expect(output.stderr).toContain(`collect: warning: ${refused}\n`)
  })
})
