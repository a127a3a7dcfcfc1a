import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import { afterAll, describe, expect, it, jest } from '@jest/globals'
import { ToolProcess } from '../../src/collect/tool-process.js'

// One test waits out the 5 s SIGINT grace period (STOP_GRACE_MS).
jest.setTimeout(20_000)

const dir = mkdtempSync(join(tmpdir(), 'eco-tool-process-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

/** True while process `pid` exists and is not a zombie. */
function running(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
    return stat.slice(stat.lastIndexOf(')') + 2)[0] !== 'Z'
  } catch {
    return false
  }
}

/** A long-running tool from a shell script; its lines are collected. */
function shellTool(script: string, name: string) {
  const lines: string[] = []
  const tool = new ToolProcess({
    path: 'sh',
    args: ['-c', script],
    rawPath: join(dir, `${name}.txt`),
    rawErrorPath: join(dir, `${name}.stderr.txt`),
    onLine: line => lines.push(line),
    onExit: () => undefined
  })
  return { tool, lines }
}

describe('a long-running sampling tool', () => {
  it('stops on SIGINT and keeps every line it printed', async () => {
    const { tool, lines } = shellTool(
      'trap "echo last; exit 0" INT; echo first; while :; do sleep 0.05; done',
      'polite'
    )
    tool.start()
    while (lines.length === 0) await sleep(20)
    await tool.stop()
    expect(lines).toEqual(['first', 'last'])
    expect(readFileSync(join(dir, 'polite.txt'), 'utf8')).toBe('first\nlast\n')
  })

  it('is killed with whatever it started when it ignores SIGINT, so stop always ends', async () => {
    const pidFile = join(dir, 'stubborn-child.pid')
    // The shell ignores SIGINT; its sleep holds the output pipe open.
    const { tool, lines } = shellTool(
      `trap "" INT; sleep 60 & echo $! > ${pidFile}; echo started; wait`,
      'stubborn'
    )
    tool.start()
    while (lines.length === 0) await sleep(20)
    const childPid = Number(readFileSync(pidFile, 'utf8'))
    const startedMs = Date.now()
    await tool.stop()
    const tookMs = Date.now() - startedMs
    // The 5 s grace (STOP_GRACE_MS), then SIGKILL to the group.
    expect(tookMs).toBeGreaterThanOrEqual(5000)
    expect(tookMs).toBeLessThan(7000)
    await sleep(100)
    expect(running(childPid)).toBe(false)
  })

  it('does not wait the grace period for a child that holds the pipes of a tool that exited', async () => {
    const pidFile = join(dir, 'orphan-child.pid')
    // The shell exits on SIGINT; its sleep keeps the output pipe open.
    const { tool, lines } = shellTool(
      `trap "exit 0" INT; sleep 60 & echo $! > ${pidFile}; echo started; wait`,
      'orphan'
    )
    tool.start()
    while (lines.length === 0) await sleep(20)
    const childPid = Number(readFileSync(pidFile, 'utf8'))
    const startedMs = Date.now()
    await tool.stop()
    // 1 s for the pipes after the exit (PIPE_WAIT_MS), then SIGKILL.
    const tookMs = Date.now() - startedMs
    expect(tookMs).toBeGreaterThanOrEqual(1000)
    expect(tookMs).toBeLessThan(2500)
    await sleep(100)
    expect(running(childPid)).toBe(false)
  })
})
