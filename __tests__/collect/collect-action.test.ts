import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import {
  afterAll,
  afterEach,
  beforeAll,
  describe,
  expect,
  it,
  jest
} from '@jest/globals'
import { runAudit } from '../../src/audit/run-audit.js'
import { extractZipEntry } from '../../src/github/zip-entry.js'
import {
  type MockResultsService,
  startMockResultsService
} from '../github/mock-results-service.js'
import { jobEnv, readCommandFile, runStep } from './action-steps.js'
import { seriesOf, trapezoidJ } from './expected-energy.js'
import {
  FakeNode,
  readJsonLines,
  runRaplCounter,
  twoGpuSpec
} from './fake-node.js'

// Each test runs real child processes for a second or two.
jest.setTimeout(30_000)

/** J in one kWh. */
const J_PER_KWH = 3_600_000

/**
 * The sub-action run as a runner runs it: dist/collect-main.js starts a
 * detached sampler and returns; the job's work happens; then
 * dist/collect-post.js, given the state main saved, stops the sampler
 * and uploads the telemetry to a mock artifact service.
 */
describe('collect/action.yml main and post', () => {
  let service: MockResultsService
  const nodes: FakeNode[] = []
  const stops: (() => void)[] = []
  const samplers: number[] = []

  beforeAll(async () => {
    service = await startMockResultsService()
  })
  afterAll(async () => {
    await service.close()
  })
  afterEach(() => {
    for (const stop of stops.splice(0)) stop()
    for (const node of nodes.splice(0)) node.remove()
    // A sampler whose post step never ran (a failed test) is stopped here,
    // checked by its command line so a reused pid is never signalled.
    for (const pid of samplers.splice(0)) {
      try {
        const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8')
        if (cmdline.includes('collect-sampler.js')) process.kill(pid, 'SIGKILL')
      } catch {
        // Already gone.
      }
    }
  })

  /** A fake node with a RAPL package counter running at `cpuW`. */
  function nodeWithRapl(
    cpuW: number,
    rangeUJ: number,
    startUJ: number
  ): FakeNode {
    const node = new FakeNode(twoGpuSpec())
    nodes.push(node)
    const counter = node.raplZone('intel-rapl:0', 'package-0', startUJ, rangeUJ)
    node.raplZone('intel-rapl:0:0', 'core', 0, rangeUJ)
    stops.push(runRaplCounter(counter, cpuW, startUJ, rangeUJ))
    return node
  }

  it('samples GPUs and RAPL between main and post, uploads the artifact, and the audit energy matches what the fakes emitted', async () => {
    const cpuW = 50
    // The counter starts 40 J below its 262,143 J range, so it wraps mid-run.
    const rangeUJ = 262_143_328_850
    const node = nodeWithRapl(cpuW, rangeUJ, rangeUJ - 40_000_000)
    const env = { ...node.env(), ...service.env, ...jobEnv() }
    const inputs = {
      'interval-ms': '200',
      'matrix-key': 'h100',
      'retention-days': '7'
    }

    const main = await runStep('collect-main', inputs, env, node.dir)
    samplers.push(Number(main.state['sampler-pid']))
    expect(main.stdout).toContain(
      'GPU 0: NVIDIA H100 80GB HBM3 (power.draw.instant)'
    )
    expect(main.code).toBe(0)
    expect(Object.keys(main.state).sort()).toEqual([
      'folder',
      'sampler-pid',
      'started-ms',
      'stem'
    ])
    expect(main.outputs['artifact-name']).toBe(
      'ecocompute-telemetry-gpu-ci-train-h100-2'
    )

    await sleep(2000)
    const post = await runStep(
      'collect-post',
      inputs,
      env,
      node.dir,
      main.state
    )
    expect(post.stdout).toContain(
      'Uploaded artifact ecocompute-telemetry-gpu-ci-train-h100-2'
    )
    expect(post.code).toBe(0)

    const zip = service.artifacts.get(
      'ecocompute-telemetry-gpu-ci-train-h100-2'
    )!.zip
    const text = extractZipEntry(zip, {
      name: 'telemetry-gpu-node-1.jsonl'
    }).toString('utf8')
    const raw = extractZipEntry(zip, {
      name: 'raw/telemetry-gpu-node-1/nvidia-smi.csv'
    }).toString('utf8')
    expect(raw.split('\n')[0]).toMatch(
      /^\d{4}\/\d\d\/\d\d \d\d:\d\d:\d\d\.\d{3}, [01], GPU-/
    )
    const file = join(node.dir, 'downloaded.jsonl')
    writeFileSync(file, text)

    const records = readJsonLines<Record<string, unknown>>(file)
    expect(records[0]).toMatchObject({
      runner: 'gpu-runner-7',
      workflow: 'GPU CI',
      job: 'train',
      matrix_key: 'h100',
      run_attempt: 2
    })
    const result = await runAudit([file], {})
    const emitted = node.emitted()
    for (const gpu of twoGpuSpec().gpus) {
      const device = result.devices.find(d => d.uuid === gpu.uuid)!
      expect(device.energy_kwh * J_PER_KWH).toBeCloseTo(
        trapezoidJ(seriesOf(emitted, gpu.index, 'power.draw.instant')),
        6
      )
    }

    const cpuTimes = records
      .filter(r => r.d === 'cpu0')
      .map(r => Date.parse(r.t as string))
    const spanS = (Math.max(...cpuTimes) - Math.min(...cpuTimes)) / 1000
    const cpu = result.devices.find(d => d.id.endsWith('/cpu'))!
    expect(spanS).toBeGreaterThan(1.5)
    expect(cpu.field).toBe('energy-counter')
    // The counter moves every 5 ms, so each end of the span may be up to 5 ms stale.
    expect(Math.abs(cpu.energy_kwh * J_PER_KWH - cpuW * spanS)).toBeLessThan(
      cpuW * 0.02
    )
  })

  /** Runs main, waits, runs post; returns both. */
  async function mainThenPost(
    node: FakeNode,
    inputs: Record<string, string>,
    waitMs = 500,
    between?: (state: Record<string, string>) => void,
    job = `job-${Date.now()}`
  ) {
    const env = {
      ...node.env(),
      ...service.env,
      ...jobEnv({ GITHUB_JOB: job })
    }
    const main = await runStep('collect-main', inputs, env, node.dir)
    samplers.push(Number(main.state['sampler-pid']))
    await sleep(waitMs)
    between?.(main.state)
    const post = await runStep(
      'collect-post',
      inputs,
      env,
      node.dir,
      main.state
    )
    return { main, post }
  }

  it('warns without a GPU, records the CPU alone, and uploads it: the job is not failed', async () => {
    const node = new FakeNode({
      ...twoGpuSpec(),
      fail: { message: 'Insufficient Permissions', code: 4 }
    })
    nodes.push(node)
    const { main, post } = await mainThenPost(node, {})
    expect(main.stdout).toContain(
      '::warning::no GPU telemetry: nvidia-smi failed: Insufficient Permissions (exit code 4: insufficient permissions); recording the CPU only'
    )
    expect(main.code).toBe(0)
    expect(post.code).toBe(0)
    const name = post.stdout.match(/Uploaded artifact (\S+)/)?.[1] ?? ''
    const text = extractZipEntry(service.artifacts.get(name)!.zip, {
      name: 'telemetry-gpu-node-1.jsonl'
    }).toString('utf8')
    // The fake /proc/stat lists one logical CPU (cpu0).
    expect(JSON.parse(text.split('\n')[0]!)).toMatchObject({
      devices: [{ key: 'cpu', kind: 'cpu', logical_cpus: 1 }]
    })
  })

  it('fails the main step without a GPU when required: true, and post still uploads the CPU telemetry', async () => {
    const node = new FakeNode({
      ...twoGpuSpec(),
      fail: { message: 'No devices were found', code: 6 }
    })
    nodes.push(node)
    const { main, post } = await mainThenPost(node, { required: 'true' })
    expect(main.code).toBe(1)
    expect(main.stdout).toContain(
      '::error::no GPU telemetry: nvidia-smi failed: No devices were found (exit code 6: no GPU found); recording the CPU only (required: true)'
    )
    expect(post.code).toBe(0)
    expect(post.stdout).toContain('Uploaded artifact')
  })

  it.each([
    ['warns', 'false', 0, 'warning', ''],
    ['fails the step', 'true', 1, 'error', ' (required: true)']
  ])(
    '%s for a gpus entry that names no GPU (required: %s), and records the CPU',
    async (_what, required, code, level, suffix) => {
      const node = new FakeNode(twoGpuSpec())
      nodes.push(node)
      const { main, post } = await mainThenPost(node, { gpus: '5', required })
      expect(main.code).toBe(code)
      expect(main.stdout).toContain(
        `::${level}::no GPU telemetry: no GPU selected: gpus: "5" is not a GPU nvidia-smi lists; it lists 0 (GPU-5f0d3c1e-0000-4a6b-9c1d-000000000000), 1 (GPU-7a1b2c3d-1111-4e5f-8a9b-111111111111); recording the CPU only${suffix}`
      )
      expect(post.code).toBe(0)
      const name = post.stdout.match(/Uploaded artifact (\S+)/)?.[1] ?? ''
      const text = extractZipEntry(service.artifacts.get(name)!.zip, {
        name: 'telemetry-gpu-node-1.jsonl'
      }).toString('utf8')
      expect(JSON.parse(text.split('\n')[0]!)).toMatchObject({
        devices: [{ key: 'cpu', kind: 'cpu' }]
      })
    }
  )

  it('warns for fields nvidia-smi refuses, and samples the rest', async () => {
    const node = new FakeNode({ ...twoGpuSpec(), extraFields: ['fan.speed'] })
    nodes.push(node)
    const { main } = await mainThenPost(node, {
      fields: 'fan.speed,bogus.field',
      upload: 'false'
    })
    expect(main.code).toBe(0)
    expect(main.stdout).toContain(
      '::warning::fields: bogus.field was refused by nvidia-smi (nvidia-smi failed: Field "bogus.field" is not a valid field to query. (exit code 2: an argument or flag was refused)): left out'
    )
    expect(main.stdout).not.toContain('fan.speed was refused')
  })

  it('stops a sampler sent SIGTERM while nvidia-smi hangs at once, and main says why', async () => {
    const node = new FakeNode({ ...twoGpuSpec(), hang: true })
    nodes.push(node)
    const env = { ...node.env(), ...jobEnv({ GITHUB_JOB: 'hang' }) }
    const pending = runStep('collect-main', {}, env, node.dir)
    const statePath = join(node.dir, 'collect-main-state')
    let pid = 0
    // Until the sampler is started and asking nvidia-smi (at most 10 s).
    for (let waitedMs = 0; waitedMs < 10_000; waitedMs += 20) {
      pid = Number(readCommandFile(statePath)['sampler-pid'])
      if (pid > 0 && node.smiCalls().length > 0) break
      await sleep(20)
    }
    samplers.push(pid)
    const sentMs = Date.now()
    process.kill(pid, 'SIGTERM')
    const main = await pending
    expect(Date.now() - sentMs).toBeLessThan(2000)
    expect(main.code).toBe(0)
    expect(main.stdout).toContain(
      '::warning::no telemetry: the sampler could not start: stopped by SIGTERM before sampling began; nothing was recorded'
    )
  })

  it('writes the telemetry from the spool when the sampler was killed, with a note saying so', async () => {
    const node = new FakeNode(twoGpuSpec())
    nodes.push(node)
    const { post } = await mainThenPost(node, { upload: 'false' }, 800, state =>
      process.kill(Number(state['sampler-pid']), 'SIGKILL')
    )
    expect(post.stdout).toContain(
      'the sampler did not finish the telemetry itself'
    )
    expect(post.stdout).toContain('upload: false')
    expect(post.code).toBe(0)
    const records = readJsonLines<Record<string, unknown>>(
      join(
        node.dir,
        'runner-temp/ecocompute-telemetry/telemetry-gpu-node-1.jsonl'
      )
    )
    expect(records.at(-2)).toMatchObject({
      event: 'note',
      message: expect.stringContaining('did not stop cleanly')
    })
    expect(records.at(-1)).toMatchObject({
      kind: 'footer',
      samples: records.filter(r => r.d !== undefined && r.kind === undefined)
        .length
    })
    const result = await runAudit(
      [join(node.dir, 'runner-temp/ecocompute-telemetry')],
      {}
    )
    expect(result.devices.filter(d => d.level === 'L2')).toHaveLength(2)
  })

  it('fails the post step when the upload fails and required: true, naming the artifact', async () => {
    const node = new FakeNode(twoGpuSpec())
    nodes.push(node)
    // A name already taken: artifacts are immutable (bug case B67).
    service.seed(
      'ecocompute-telemetry-gpu-ci-upload-fails-2',
      Buffer.from('PK')
    )
    const { post } = await mainThenPost(
      node,
      { required: 'true' },
      300,
      undefined,
      'upload-fails'
    )
    expect(post.code).toBe(1)
    expect(post.stdout).toContain(
      '::error::the telemetry artifact ecocompute-telemetry-gpu-ci-upload-fails-2 was not uploaded: '
    )
  })

  it('does nothing in post when main started no sampler', async () => {
    const node = new FakeNode(twoGpuSpec())
    nodes.push(node)
    const post = await runStep(
      'collect-post',
      {},
      { ...node.env(), ...jobEnv() },
      node.dir
    )
    expect(post.code).toBe(0)
    expect(post.stdout).toContain('No sampler to stop')
  })

  it('fails main naming the input for a bad interval', async () => {
    const node = new FakeNode(twoGpuSpec())
    nodes.push(node)
    const main = await runStep(
      'collect-main',
      { 'interval-ms': 'fast' },
      { ...node.env(), ...jobEnv() },
      node.dir
    )
    expect(main.code).toBe(1)
    expect(main.stdout).toContain(
      '::error::interval-ms must be a whole number of milliseconds from 10 to 60000, got "fast"'
    )
  })
})
