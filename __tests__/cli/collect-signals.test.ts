import { type ChildProcess, spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import { afterEach, describe, expect, it, jest } from '@jest/globals'
import {
  type FakeSpec,
  FakeNode,
  readJsonLines,
  twoGpuSpec
} from '../collect/fake-node.js'

// Each test runs real child processes for a second or two.
jest.setTimeout(30_000)

/**
 * The built CLI (dist/cli.js) in its own process, so that signals can be
 * sent to it: it passes them on to the command and returns 128 + N.
 */
const nodes: FakeNode[] = []

afterEach(() => {
  for (const node of nodes.splice(0)) node.remove()
})

/** Starts `collect -- sleep 30`; resolves once sampling has begun. */
function startCollect(node: FakeNode): Promise<{
  signal(name: NodeJS.Signals): Promise<number | null>
  stderr(): string
}> {
  const child = spawn(
    process.execPath,
    [
      resolve('dist/cli.js'),
      'collect',
      '--interval-ms',
      '100',
      '--out',
      node.outDir,
      '--',
      'sleep',
      '30'
    ],
    {
      env: node.env(),
      stdio: ['ignore', 'ignore', 'pipe']
    }
  )
  let stderr = ''
  const exited = new Promise<number | null>(done => child.on('close', done))
  return new Promise((ready, fail) => {
    child.stderr.setEncoding('utf8').on('data', (text: string) => {
      stderr += text
      if (stderr.includes('sampling every')) {
        ready({
          signal: name => {
            child.kill(name)
            return exited
          },
          stderr: () => stderr
        })
      }
    })
    child.on('close', code =>
      fail(new Error(`collect exited early with ${code}: ${stderr}`))
    )
  })
}

it.each([
  ['SIGTERM', 143],
  ['SIGINT', 130],
  ['SIGHUP', 129]
] as const)(
  'passes %s on to the command, returns %i and writes the telemetry',
  async (signal, code) => {
    const node = new FakeNode(twoGpuSpec())
    nodes.push(node)
    const run = await startCollect(node)
    const startedMs = Date.now()
    expect(await run.signal(signal)).toBe(code)
    // sleep 30 ended at once: the signal reached it.
    expect(Date.now() - startedMs).toBeLessThan(10_000)
    const file = join(node.outDir, 'telemetry-gpu-node-1.jsonl')
    expect(existsSync(file)).toBe(true)
    expect(readJsonLines<Record<string, unknown>>(file).at(-1)).toMatchObject({
      kind: 'footer'
    })
  }
)

/** `collect` (the built CLI) around a command that marks that it ran. */
function spawnCollect(node: FakeNode, marker: string): ChildProcess {
  return spawn(
    process.execPath,
    [
      resolve('dist/cli.js'),
      'collect',
      '--interval-ms',
      '100',
      '--out',
      node.outDir,
      '--',
      'sh',
      '-c',
      `: > ${marker}`
    ],
    { env: node.env(), stdio: ['ignore', 'ignore', 'pipe'] }
  )
}

/** Waits (at most 10 s) until nvidia-smi's calls so far pass `test`. */
async function untilCalled(
  node: FakeNode,
  test: (calls: string[][]) => boolean
): Promise<void> {
  const deadlineMs = Date.now() + 10_000
  while (!test(node.smiCalls())) {
    if (Date.now() > deadlineMs) throw new Error('nvidia-smi was not called')
    await sleep(20)
  }
}

/** Sends `signal`; resolves with the exit code, the time taken, stderr. */
async function signalled(
  child: ChildProcess,
  signal: NodeJS.Signals
): Promise<{ code: number | null; tookMs: number; stderr: string }> {
  let stderr = ''
  child.stderr?.setEncoding('utf8').on('data', (t: string) => (stderr += t))
  const closed = new Promise<number | null>(done => child.on('close', done))
  const sentMs = Date.now()
  child.kill(signal)
  const code = await closed
  return { code, tookMs: Date.now() - sentMs, stderr }
}

describe('a signal while collect is starting', () => {
  /** A fake node for one test. */
  function fakeNode(spec: FakeSpec): FakeNode {
    const node = new FakeNode(spec)
    nodes.push(node)
    return node
  }

  it('stops at once while nvidia-smi hangs, without running the command (SIGTERM: 143)', async () => {
    const node = fakeNode({ ...twoGpuSpec(), hang: true })
    const marker = join(node.dir, 'ran')
    const child = spawnCollect(node, marker)
    await untilCalled(node, calls => calls.length > 0)
    const run = await signalled(child, 'SIGTERM')
    expect(run.code).toBe(143)
    expect(run.tookMs).toBeLessThan(2000)
    expect(run.stderr).toContain(
      'collect: warning: stopped by SIGTERM before sampling began; nothing was recorded; the command was not run'
    )
    expect(existsSync(marker)).toBe(false)
  })

  it('stops at once while waiting for the first GPU rows, and writes what it has (SIGINT: 130)', async () => {
    const node = fakeNode({ ...twoGpuSpec(), firstRowDelayMs: 30_000 })
    const marker = join(node.dir, 'ran')
    const child = spawnCollect(node, marker)
    await untilCalled(node, calls => calls.some(a => a.includes('-lms')))
    const run = await signalled(child, 'SIGINT')
    expect(run.code).toBe(130)
    expect(run.tookMs).toBeLessThan(2500)
    expect(existsSync(marker)).toBe(false)
    const records = readJsonLines<Record<string, unknown>>(
      join(node.outDir, 'telemetry-gpu-node-1.jsonl')
    )
    expect(records[0]).toMatchObject({ kind: 'header', host: 'gpu-node-1' })
    expect(records.at(-1)).toMatchObject({ kind: 'footer' })
  })
})
