import { readdirSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, expect, it, jest } from '@jest/globals'
import { expandInputs } from '../../src/audit/expand-inputs.js'
import { runAudit } from '../../src/audit/run-audit.js'
import { main } from '../../src/cli/main.js'
import { captureOutput } from '../helpers/capture-output.js'
import { envScope } from './env-scope.js'
import { seriesOf, trapezoidJ } from './expected-energy.js'
import { FakeNode, twoGpuSpec } from './fake-node.js'

// Each test runs real child processes for a second or two.
jest.setTimeout(30_000)

captureOutput()
const setEnv = envScope()
const nodes: FakeNode[] = []

afterEach(() => {
  for (const node of nodes.splice(0)) node.remove()
})

/** J in one kWh. */
const J_PER_KWH = 3_600_000

/** Node B's boards: same models and indices as node A, other UUIDs. */
function nodeBSpec(): ReturnType<typeof twoGpuSpec> {
  const spec = twoGpuSpec()
  spec.gpus = spec.gpus.map(gpu => ({
    ...gpu,
    uuid: gpu.uuid.replace('GPU-', 'GPU-b'),
    powerW: gpu.powerW.map(w => w + 50)
  }))
  return spec
}

it('merges one collector per node from a shared folder by node, each GPU under its own host', async () => {
  const nodeA = new FakeNode(twoGpuSpec(), 'node-a')
  const nodeB = new FakeNode(nodeBSpec(), 'node-b')
  nodes.push(nodeA, nodeB)
  const shared = join(nodeA.dir, 'shared-run')
  for (const node of [nodeA, nodeB]) {
    setEnv({
      ...node.env(),
      CUDA_VISIBLE_DEVICES: undefined,
      SLURMD_NODENAME: undefined
    })
    expect(
      await main([
        'collect',
        '--interval-ms',
        '100',
        '--out',
        shared,
        '--',
        'sleep',
        '0.6'
      ])
    ).toBe(0)
  }
  expect(
    readdirSync(shared)
      .filter(name => name.endsWith('.jsonl'))
      .sort()
  ).toEqual(['telemetry-node-a.jsonl', 'telemetry-node-b.jsonl'])

  const result = await runAudit([shared], {})
  expect(result.devices.filter(d => d.id.startsWith('node-a/'))).toHaveLength(2)
  expect(result.devices.filter(d => d.id.startsWith('node-b/'))).toHaveLength(2)
  for (const [node, spec] of [
    [nodeA, twoGpuSpec()],
    [nodeB, nodeBSpec()]
  ] as const) {
    for (const gpu of spec.gpus) {
      const device = result.devices.find(d => d.uuid === gpu.uuid)!
      expect(device.id).toBe(`${node.host}/${gpu.uuid}`)
      expect(device.energy_kwh * J_PER_KWH).toBeCloseTo(
        trapezoidJ(seriesOf(node.emitted(), gpu.index, 'power.draw.instant')),
        6
      )
    }
  }
})

it('gives a second collector on the same node its own file instead of overwriting the first', async () => {
  const node = new FakeNode(twoGpuSpec())
  nodes.push(node)
  setEnv({ ...node.env(), CUDA_VISIBLE_DEVICES: undefined })
  for (let run = 0; run < 2; run++) {
    expect(
      await main([
        'collect',
        '--gpus',
        'none',
        '--out',
        node.outDir,
        '--',
        'true'
      ])
    ).toBe(0)
  }
  expect(
    readdirSync(node.outDir)
      .filter(name => name.endsWith('.jsonl'))
      .sort()
  ).toEqual(['telemetry-gpu-node-1-2.jsonl', 'telemetry-gpu-node-1.jsonl'])
})

it('leaves raw/ (the tools’ own output) out of a folder audit', async () => {
  const node = new FakeNode(twoGpuSpec())
  nodes.push(node)
  setEnv({ ...node.env(), CUDA_VISIBLE_DEVICES: undefined })
  expect(
    await main([
      'collect',
      '--interval-ms',
      '100',
      '--out',
      node.outDir,
      '--',
      'sleep',
      '0.3'
    ])
  ).toBe(0)
  expect(
    readdirSync(join(node.outDir, 'raw/telemetry-gpu-node-1')).sort()
  ).toEqual(['commands.txt', 'cpu-utilization.csv', 'nvidia-smi.csv'])

  const inputs = await expandInputs([node.outDir])
  expect(inputs.map(input => input.path)).toEqual([
    join(node.outDir, 'telemetry-gpu-node-1.jsonl')
  ])
})
