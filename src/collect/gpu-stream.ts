import { join } from 'node:path'
import type { CollectLog } from './collect-log.js'
import type { GpuDevicePlan, GpuPlan } from './gpu-plan.js'
import { FrameTracker } from './frame-tracker.js'
import {
  type SmiRow,
  classifySmiLine,
  normaliseBusId,
  numberOrNull
} from './smi-row.js'
import { loopArguments } from './smi-query.js'
import type { RecordSink } from './spool-writer.js'
import { ToolProcess } from './tool-process.js'

/**
 * nvidia-smi's timestamps are trusted when they agree with the arrival
 * time within this; a larger skew means the child ignored TZ=UTC (the
 * smallest whole-hour time-zone offset is an hour), so arrival times
 * are used instead.
 */
const MAX_CLOCK_SKEW_MS = 10 * 60 * 1000

/** Where a GpuStream runs nvidia-smi and puts what it reads. */
export interface GpuStreamOptions {
  nvidiaSmiPath: string
  intervalMs: number
  /** The node's raw/ folder. */
  rawDir: string
  sink: RecordSink
  log: CollectLog
}

/**
 * Samples every planned GPU through ONE `nvidia-smi --query-gpu … -lms N`
 * child: each row becomes a sample (power from the device's chosen
 * field, utilisation, temperature), sentinels become null, and a GPU
 * that is lost becomes a `lost` event with null readings, never 0 W.
 */
export class GpuStream {
  private readonly tool: ToolProcess
  private readonly frames: FrameTracker
  private readonly byIndex: Map<number, GpuDevicePlan>
  private readonly column: Map<string, number>
  private skewMs: number | undefined
  skippedLines = 0

  constructor(
    private readonly plan: GpuPlan,
    private readonly options: GpuStreamOptions
  ) {
    this.byIndex = new Map(plan.devices.map(d => [d.gpu.index, d]))
    this.column = new Map(plan.fields.map((field, at) => [field, at]))
    this.frames = new FrameTracker(plan.devices.map(d => d.key))
    this.tool = new ToolProcess({
      path: options.nvidiaSmiPath,
      args: loopArguments(plan.fields, options.intervalMs, plan.idArgs),
      rawPath: join(options.rawDir, 'nvidia-smi.csv'),
      rawErrorPath: join(options.rawDir, 'nvidia-smi.stderr.txt'),
      onLine: (line, arrivalMs) => this.readLine(line, arrivalMs),
      onExit: (code, signal, expected) => this.ended(code, signal, expected)
    })
  }

  /** The exact command line, for raw/commands.txt. */
  get commandLine(): string[] {
    const { nvidiaSmiPath, intervalMs } = this.options
    return [
      nvidiaSmiPath,
      ...loopArguments(this.plan.fields, intervalMs, this.plan.idArgs)
    ]
  }

  /** Starts the child. */
  start(): void {
    this.tool.start()
  }

  /** Resolves once every GPU has a row (or the child ended). */
  firstRows(): Promise<void> {
    return this.frames.seenAll()
  }

  /** Resolves once every GPU still answering has a row at or after `timeMs`. */
  rowsAfter(timeMs: number): Promise<void> {
    return this.frames.seenAllAfter(timeMs)
  }

  /** Stops the child and waits for its last output. */
  async stop(): Promise<void> {
    await this.tool.stop()
    this.frames.finish()
  }

  private readLine(line: string, arrivalMs: number): void {
    if (line.trim() === '') return
    const parsed = classifySmiLine(line, this.plan.fields.length)
    if (parsed.kind === 'row') return this.readRow(parsed.row, arrivalMs)
    if (parsed.kind === 'handle-error')
      return this.handleError(parsed.busId, parsed.reason, arrivalMs)
    this.skippedLines += 1
    this.options.log.debug(
      `nvidia-smi line skipped: ${parsed.text.slice(0, 200)}`
    )
  }

  /** A row: a sample, then what it says about the GPU answering. */
  private readRow(row: SmiRow, arrivalMs: number): void {
    const device = this.byIndex.get(row.index)
    if (device === undefined) return
    const timeMs = this.timeOf(row.timeMs, arrivalMs)
    for (const key of this.frames.row(device.key, timeMs)) {
      this.options.sink.sample({ timeMs, device: key, powerW: null })
      this.markLost(key, timeMs, 'no row in this sampling frame')
    }
    const cell = (field: string): number | null =>
      numberOrNull(row.cells[this.column.get(field) ?? -1])
    const powerW = cell(device.powerField)
    this.options.sink.sample({
      timeMs,
      device: device.key,
      powerW,
      utilizationPct: cell('utilization.gpu'),
      temperatureC: cell('temperature.gpu')
    })
    if (row.lostMarker !== undefined)
      this.markLost(device.key, timeMs, row.lostMarker)
    else if (powerW !== null && this.frames.answeredAgain(device.key))
      this.options.sink.event({
        timeMs,
        event: 'note',
        device: device.key,
        message: 'the GPU answered again after it was reported lost'
      })
  }

  /** `Unable to determine the device handle for GPU <bus>: <reason>`. */
  private handleError(busId: string, reason: string, arrivalMs: number): void {
    const wanted = normaliseBusId(busId)
    const device = this.plan.devices.find(
      d =>
        d.gpu.pciBusId !== undefined &&
        normaliseBusId(d.gpu.pciBusId) === wanted
    )
    if (device === undefined) return
    const timeMs = this.timeOf(Number.NaN, arrivalMs)
    if (!this.frames.isLost(device.key))
      this.options.sink.sample({ timeMs, device: device.key, powerW: null })
    this.markLost(device.key, timeMs, reason)
  }

  /** One `lost` event per loss; readings stay null, never 0 W. */
  private markLost(key: string, timeMs: number, why: string): void {
    if (this.frames.isLost(key)) return
    this.frames.lose(key)
    this.options.sink.event({
      timeMs,
      event: 'lost',
      device: key,
      message: `nvidia-smi: ${why}`
    })
    this.options.log.warning(
      `GPU ${key} stopped answering (${why}); its readings are recorded as missing from here on`
    )
  }

  /** nvidia-smi's own time, unless it disagrees with the clock. */
  private timeOf(rowMs: number, arrivalMs: number): number {
    if (!Number.isFinite(rowMs)) return arrivalMs
    if (this.skewMs === undefined) {
      const skewMs = arrivalMs - rowMs
      this.skewMs = Math.abs(skewMs) > MAX_CLOCK_SKEW_MS ? skewMs : 0
      if (this.skewMs !== 0)
        this.options.sink.event({
          timeMs: arrivalMs,
          event: 'note',
          message: `nvidia-smi's timestamps are ${Math.round(skewMs / 60000)} min off the clock (not UTC?); arrival times used instead`
        })
    }
    return this.skewMs === 0 ? rowMs : arrivalMs
  }

  private ended(
    code: number | null,
    signal: string | null,
    expected: boolean
  ): void {
    this.frames.finish()
    if (expected) return
    const how =
      code === null
        ? `signal ${signal ?? 'unknown'} or a failed start`
        : `exit code ${code}`
    const message = `nvidia-smi stopped by itself (${how}); GPU readings end here (see raw/ for its output)`
    this.options.sink.event({ timeMs: Date.now(), event: 'note', message })
    this.options.log.warning(message)
  }
}
