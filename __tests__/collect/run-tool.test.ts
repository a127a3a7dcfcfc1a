import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import { afterAll, describe, expect, it } from '@jest/globals'
import { describeFailure } from '../../src/collect/gpu-discovery.js'
import { runTool } from '../../src/collect/run-tool.js'

const dir = mkdtempSync(join(tmpdir(), 'eco-run-tool-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

/**
 * A tool that never answers: it starts a child that holds its output
 * pipes (as a shell wrapper's child does), writes that child's pid to
 * `pidFile`, and exits 0 when sent SIGTERM, as the hung nvidia-smi of
 * issue #6 did, so an exit code alone would read as "answered nothing".
 */
function hungTool(pidFile: string): string[] {
  const script = [
    `const c=require('child_process').spawn('sleep',['30'],{stdio:'inherit'})`,
    `require('fs').writeFileSync(${JSON.stringify(pidFile)},String(c.pid))`,
    `process.on('SIGTERM',()=>process.exit(0))`,
    'setInterval(()=>{},1e9)'
  ].join(';')
  return ['-e', script]
}

/** True while process `pid` exists and is not a zombie. */
function running(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
    return stat.slice(stat.lastIndexOf(')') + 2)[0] !== 'Z'
  } catch {
    return false
  }
}

describe('one-shot tool queries', () => {
  it('returns the exit code and output of a tool that answers', async () => {
    const run = await runTool('sh', ['-c', 'echo hello; echo oops >&2; exit 3'])
    expect(run).toEqual({ code: 3, stdout: 'hello\n', stderr: 'oops\n' })
  })

  it('gives up at the timeout on a tool that never answers, and kills it and its child', async () => {
    const pidFile = join(dir, 'hung-child.pid')
    const startedMs = Date.now()
    const run = await runTool(process.execPath, hungTool(pidFile), {
      timeoutMs: 400
    })
    const tookMs = Date.now() - startedMs
    expect(run).toMatchObject({ code: null, timedOutMs: 400 })
    expect(tookMs).toBeGreaterThanOrEqual(400)
    expect(tookMs).toBeLessThan(1400)
    expect(describeFailure('nvidia-smi', run)).toBe(
      'nvidia-smi did not answer within 0.4 s (a hung driver or GPU, or a cold driver without persistence mode)'
    )
    const childPid = Number(readFileSync(pidFile, 'utf8'))
    await sleep(200)
    expect(running(childPid)).toBe(false)
  })

  it('stops a query at once when told to stop', async () => {
    const pidFile = join(dir, 'stopped-child.pid')
    const stop = new AbortController()
    const startedMs = Date.now()
    const pending = runTool(process.execPath, hungTool(pidFile), {
      abort: stop.signal
    })
    while (!existsSync(pidFile)) await sleep(20)
    stop.abort('SIGTERM')
    const run = await pending
    expect(run).toMatchObject({ code: null, failure: 'told to stop' })
    expect(run.timedOutMs).toBeUndefined()
    expect(Date.now() - startedMs).toBeLessThan(5000)
  })

  it('does not start a query after the stop', async () => {
    const stop = new AbortController()
    stop.abort('SIGINT')
    const marker = join(dir, 'should-not-exist')
    const run = await runTool('sh', ['-c', `: > ${marker}`], {
      abort: stop.signal
    })
    expect(run.code).toBeNull()
    expect(existsSync(marker)).toBe(false)
  })
})
