import { spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { afterEach, expect, it, jest } from '@jest/globals'
import { FakeNode, readJsonLines, twoGpuSpec } from '../collect/fake-node.js'

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
