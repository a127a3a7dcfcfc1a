import { type WriteStream, createWriteStream } from 'node:fs'
import { once } from 'node:events'
import { join } from 'node:path'
import type { CollectLog } from './collect-log.js'
import {
  type CpuTimes,
  readCpuModel,
  readCpuTimes,
  readLogicalCpus,
  utilizationPct
} from './proc-stat.js'
import { type RaplZone, discoverRapl, readZoneMJ } from './rapl.js'
import { type RecordSink, isoTime } from './spool-writer.js'
import type { HeaderDevice } from './telemetry-header.js'

/** Device key of the host CPU when only its utilisation is known. */
export const CPU_UTILIZATION_KEY = 'cpu'

/** Where the CPU readings come from and where they go. */
type CpuMode =
  | { kind: 'rapl'; zones: readonly RaplZone[] }
  | { kind: 'utilization'; raw: WriteStream | undefined }
  | { kind: 'none' }

/** What CpuSource.prepare needs besides the roots. */
export interface CpuContext {
  sink: RecordSink
  log: CollectLog
  /** GPUs are sampled too: utilisation then goes to raw/ only (below). */
  gpusSampled: boolean
  rawDir: string
}

/**
 * The host CPU: RAPL energy counters when readable, else the busy share
 * from /proc/stat with the CPU model, for an L1 estimate. Read on a timer
 * in this process: a file read per zone per interval, no child process.
 *
 * Beside sampled GPUs a utilisation-only CPU is kept in
 * raw/cpu-utilization.csv, not in the telemetry: the audit ranks a run
 * by its least-measured device (DESIGN §3), so an L1 CPU would turn a run
 * of measured GPUs into L1, and the audit's host model (L3) already
 * covers an unmeasured host (CPU, memory, fans, PSU losses) from the
 * node profile, which a CPU estimate would then replace with less. Alone,
 * the CPU is declared with its thread count: the audit estimates it
 * from 0.74–3.5 W per logical CPU.
 */
export class CpuSource {
  private timer: NodeJS.Timeout | undefined
  private reading: Promise<void> = Promise.resolve()
  private previous: CpuTimes | undefined

  private constructor(
    private readonly mode: CpuMode,
    private readonly model: string | undefined,
    private readonly logicalCpus: number | undefined,
    private readonly procRoot: string,
    private readonly sink: RecordSink,
    /** What is measured, in words, for the log and the header. */
    readonly description: string
  ) {}

  /** Looks for RAPL, else /proc/stat; says which and why. */
  static async prepare(
    roots: { powercapRoot: string; procRoot: string },
    context: CpuContext
  ): Promise<CpuSource> {
    const { sink, log } = context
    const model = await readCpuModel(roots.procRoot)
    const threads = await readLogicalCpus(roots.procRoot)
    const make = (mode: CpuMode, description: string): CpuSource =>
      new CpuSource(mode, model, threads, roots.procRoot, sink, description)
    const rapl = await discoverRapl(roots.powercapRoot)
    if (rapl.zones.length > 0) {
      const names = rapl.zones.map(z => `${z.key} (${z.zoneName})`).join(', ')
      return make(
        { kind: 'rapl', zones: rapl.zones },
        `RAPL energy counters ${names}`
      )
    }
    const why = rapl.problem ?? 'no RAPL'
    const stat = join(roots.procRoot, 'stat')
    if ((await readCpuTimes(roots.procRoot)) === undefined) {
      log.warning(`CPU: ${why}, and ${stat} is not readable: no CPU readings`)
      return make({ kind: 'none' }, 'no CPU readings (no RAPL, no /proc/stat)')
    }
    if (!context.gpusSampled) {
      log.info(`CPU power: ${why}; recording its utilisation from ${stat}`)
      return make(
        { kind: 'utilization', raw: undefined },
        `CPU utilisation from ${stat} (an L1 estimate)`
      )
    }
    const path = join(context.rawDir, 'cpu-utilization.csv')
    log.info(
      `CPU power: ${why}; the audit's host model covers the CPU, and its utilisation is kept in ${path}`
    )
    const raw = createWriteStream(path)
    raw.write('time,utilization_pct\n')
    return make(
      { kind: 'utilization', raw },
      `CPU utilisation from ${stat}, kept in raw/ only (no RAPL: ${why})`
    )
  }

  /** The header's devices for what this source records. */
  devices(): HeaderDevice[] {
    const { mode, model, logicalCpus } = this
    if (mode.kind === 'none') return []
    if (mode.kind === 'utilization') {
      if (mode.raw !== undefined) return []
      return [
        {
          key: CPU_UTILIZATION_KEY,
          kind: 'cpu',
          ...(model ? { name: model } : {}),
          ...(logicalCpus ? { logical_cpus: logicalCpus } : {})
        }
      ]
    }
    return mode.zones.map(zone => ({
      key: zone.key,
      kind: zone.kind,
      name: zone.kind === 'cpu' && model ? model : `RAPL ${zone.zoneName}`,
      ...(zone.wrapRangeMJ ? { energy_wrap_mj: zone.wrapRangeMJ } : {})
    }))
  }

  /** Takes a first reading now, then one every interval. */
  async start(intervalMs: number): Promise<void> {
    if (this.mode.kind === 'none') return
    await this.readOnce()
    this.timer = setInterval(() => {
      this.reading = this.reading.then(() => this.readOnce())
    }, intervalMs)
  }

  /** Stops the timer after one last reading. */
  async stop(): Promise<void> {
    if (this.mode.kind === 'none') return
    clearInterval(this.timer)
    this.reading = this.reading.then(() => this.readOnce())
    await this.reading
    if (this.mode.kind === 'utilization' && this.mode.raw !== undefined) {
      this.mode.raw.end()
      await once(this.mode.raw, 'close').catch(() => undefined)
    }
  }

  private async readOnce(): Promise<void> {
    const timeMs = Date.now()
    if (this.mode.kind === 'rapl') {
      const { zones } = this.mode
      const values = await Promise.all(zones.map(readZoneMJ))
      zones.forEach((zone, at) =>
        this.sink.sample({
          timeMs,
          device: zone.key,
          energyMJ: values[at] ?? null
        })
      )
    } else if (this.mode.kind === 'utilization') {
      const pct = await this.nextUtilization()
      if (pct === undefined) return
      if (this.mode.raw !== undefined)
        this.mode.raw.write(`${isoTime(timeMs)},${pct}\n`)
      else
        this.sink.sample({
          timeMs,
          device: CPU_UTILIZATION_KEY,
          utilizationPct: pct
        })
    }
  }

  /**
   * The busy share since the last reading, undefined when there is none
   * yet. When no tick passed (/proc/stat counts in 1/USER_HZ s, 10 ms on
   * Linux) the baseline is kept, so the next reading spans both.
   */
  private async nextUtilization(): Promise<number | undefined> {
    const times = await readCpuTimes(this.procRoot)
    if (times === undefined) return undefined
    const previous = this.previous
    const pct = previous === undefined ? null : utilizationPct(previous, times)
    const reset =
      previous !== undefined && times.totalTicks < previous.totalTicks
    if (pct === null && previous !== undefined && !reset) return undefined
    this.previous = times
    return pct ?? undefined
  }
}
