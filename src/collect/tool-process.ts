import { type ChildProcess, spawn } from 'node:child_process'
import { type WriteStream, createWriteStream } from 'node:fs'
import { once } from 'node:events'

/** What a long-running tool child needs. */
export interface ToolSpec {
  path: string
  args: readonly string[]
  /** Where its standard output is copied verbatim (the raw/ folder). */
  rawPath: string
  /** Where its standard error is copied (created on first byte). */
  rawErrorPath: string
  /** Each complete line of stdout or stderr, with the time it arrived. */
  onLine(line: string, arrivalMs: number, fromStderr: boolean): void
  /** The child ended; `expected` is false when nobody asked it to. */
  onExit(code: number | null, signal: string | null, expected: boolean): void
}

/** A line longer than this is not a reading: it is dropped unread. */
const MAX_LINE_CHARS = 1 << 16

/** How long a tool gets to exit after SIGINT before SIGKILL. */
const STOP_GRACE_MS = 5000

/**
 * How long the pipes get to close once the tool has exited, and again
 * after SIGKILL, before they are let go: a child the tool started may
 * hold them, and a tool stuck in the driver (uninterruptible sleep)
 * outlives SIGKILL; neither may keep the collector from writing the
 * telemetry and exiting.
 */
const PIPE_WAIT_MS = 1000

/**
 * One long-running sampling tool (`nvidia-smi … -lms N`, `dcgmi dmon`):
 * started once, read line by line, its output kept verbatim, and
 * stopped with SIGINT, the Ctrl+C both tools' loops are documented to
 * run until (nvidia-smi(1) `-lms`: "Probe until Ctrl+C"), so they exit
 * cleanly with their output flushed; SIGKILL if they do not.
 */
export class ToolProcess {
  private child: ChildProcess | undefined
  private raw: WriteStream | undefined
  private rawError: WriteStream | undefined
  private stopping = false
  private exited: Promise<unknown> = Promise.resolve()
  private closed: Promise<unknown> = Promise.resolve()

  constructor(private readonly spec: ToolSpec) {}

  /** Spawns the tool; a spawn failure arrives through onExit. */
  start(): void {
    const { path, args } = this.spec
    this.raw = createWriteStream(this.spec.rawPath)
    // Its own process group: a Ctrl+C at the terminal goes to the command
    // being measured, not to the sampler's tools, which stop when told.
    // Orphaned, a tool dies at its next write to the closed pipe.
    const child = spawn(path, [...args], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, TZ: 'UTC' },
      detached: true
    })
    this.child = child
    this.exited = once(child, 'exit').catch(() => undefined)
    this.closed = once(child, 'close').catch(() => undefined)
    child.stdout?.setEncoding('utf8')
    child.stderr?.setEncoding('utf8')
    child.stdout?.on('data', this.reader(false))
    child.stderr?.on('data', this.reader(true))
    let ended = false
    const end = (code: number | null, signal: string | null): void => {
      if (!ended) this.spec.onExit(code, signal, this.stopping)
      ended = true
    }
    child.on('error', () => end(null, null))
    child.on('close', end)
  }

  /** True until the child has ended. */
  get running(): boolean {
    const child = this.child
    return (
      child !== undefined &&
      child.exitCode === null &&
      child.signalCode === null &&
      child.pid !== undefined
    )
  }

  /**
   * SIGINT, a grace period, then SIGKILL to the tool and anything it
   * started; resolves once all output is in, or at most PIPE_WAIT_MS
   * after the SIGKILL.
   */
  async stop(): Promise<void> {
    this.stopping = true
    const child = this.child
    if (child !== undefined) await this.endChild(child)
    await Promise.all([endStream(this.raw), endStream(this.rawError)])
  }

  /** Ends the child in bounded time, however it behaves. */
  private async endChild(child: ChildProcess): Promise<void> {
    if (this.running) child.kill('SIGINT')
    if (
      (await settlesWithin(this.exited, STOP_GRACE_MS)) &&
      (await settlesWithin(this.closed, PIPE_WAIT_MS))
    )
      return
    try {
      // Its own process group (spawned detached): the group's id is its pid.
      if (child.pid !== undefined) process.kill(-child.pid, 'SIGKILL')
    } catch {
      // The group is gone already.
    }
    if (await settlesWithin(this.closed, PIPE_WAIT_MS)) return
    child.stdout?.destroy()
    child.stderr?.destroy()
    child.unref()
  }

  /** A data handler that copies chunks and cuts them into lines. */
  private reader(fromStderr: boolean): (chunk: string) => void {
    let pending = ''
    return chunk => {
      const arrivalMs = Date.now()
      this.copy(chunk, fromStderr)
      const parts = (pending + chunk).split('\n')
      pending = parts.pop() ?? ''
      if (pending.length > MAX_LINE_CHARS) pending = ''
      for (const line of parts)
        this.spec.onLine(line.replace(/\r$/, ''), arrivalMs, fromStderr)
    }
  }

  /** Copies output verbatim into the raw folder. */
  private copy(chunk: string, fromStderr: boolean): void {
    if (!fromStderr) {
      this.raw?.write(chunk)
      return
    }
    this.rawError ??= createWriteStream(this.spec.rawErrorPath)
    this.rawError.write(chunk)
  }
}

/** True when `promise` settles within `timeoutMs`. */
async function settlesWithin(
  promise: Promise<unknown>,
  timeoutMs: number
): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined
  const late = new Promise<boolean>(resolve => {
    timer = setTimeout(() => resolve(false), timeoutMs)
  })
  const settled = await Promise.race([promise.then(() => true), late])
  clearTimeout(timer)
  return settled
}

/** Ends a write stream and waits for it to close. */
async function endStream(stream: WriteStream | undefined): Promise<void> {
  if (stream === undefined || stream.closed) return
  stream.end()
  await once(stream, 'close').catch(() => undefined)
}
