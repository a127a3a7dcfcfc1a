import { join } from 'node:path'
import type { CollectLog } from './collect-log.js'
import type { GpuPlan } from './gpu-plan.js'
import { numberOrNull } from './smi-row.js'
import type { RecordSink } from './spool-writer.js'
import { ToolProcess } from './tool-process.js'

/**
 * DCGM field ids (DCGM `dcgm_fields.h`): 155 is DCGM_FI_DEV_POWER_USAGE
 * (W), 156 DCGM_FI_DEV_TOTAL_ENERGY_CONSUMPTION (mJ since the driver
 * loaded; `dcgmi dmon` heads it TOTEC).
 */
const DCGM_FIELDS = '155,156'

/** The energy counter's column in `dcgmi dmon` output. */
const COUNTER_COLUMN = 'TOTEC'

/** Where a DcgmiStream runs dcgmi and puts what it reads. */
export interface DcgmiStreamOptions {
  dcgmiPath: string
  intervalMs: number
  /** The node's raw/ folder. */
  rawDir: string
  sink: RecordSink
  log: CollectLog
}

/**
 * Records each GPU's cumulative energy counter through ONE `dcgmi dmon`
 * child, beside nvidia-smi's power samples, because a counter beats
 * sampled power (DESIGN §3). dmon prints no time, so each row takes the
 * time it arrived. DCGM GPU ids are taken to be NVML indices, which is
 * how DCGM numbers GPUs on a host without MIG.
 */
export class DcgmiStream {
  private readonly tool: ToolProcess
  private columns: string[] = []
  private firstError: string | undefined
  private rows = 0

  constructor(
    private readonly plan: GpuPlan,
    private readonly options: DcgmiStreamOptions
  ) {
    this.tool = new ToolProcess({
      path: options.dcgmiPath,
      args: this.arguments(),
      rawPath: join(options.rawDir, 'dcgmi-dmon.txt'),
      rawErrorPath: join(options.rawDir, 'dcgmi-dmon.stderr.txt'),
      onLine: (line, arrivalMs) => this.readLine(line, arrivalMs),
      onExit: (code, _signal, expected) => this.ended(code, expected)
    })
  }

  /** The exact command line, for raw/commands.txt. */
  get commandLine(): string[] {
    return [this.options.dcgmiPath, ...this.arguments()]
  }

  /** Starts the child. */
  start(): void {
    this.tool.start()
  }

  /** Stops the child and waits for its last output. */
  stop(): Promise<void> {
    return this.tool.stop()
  }

  private arguments(): string[] {
    const ids =
      this.plan.idArgs.length > 0
        ? ['-i', this.plan.devices.map(d => d.gpu.index).join(',')]
        : []
    return [
      'dmon',
      '-e',
      DCGM_FIELDS,
      '-d',
      String(this.options.intervalMs),
      ...ids
    ]
  }

  /** A header (`#Entity POWER TOTEC`), a unit line, a row or an error. */
  private readLine(line: string, arrivalMs: number): void {
    const tokens = line.trim().split(/\s+/)
    const first = tokens[0] ?? ''
    if (first.startsWith('#')) {
      this.columns = tokens.filter(t => t !== '#' && !/^#?Entity$/i.test(t))
    } else if (first === 'GPU' && /^\d+$/.test(tokens[1] ?? '')) {
      this.readRow(Number(tokens[1]), tokens.slice(2), arrivalMs)
    } else if (/error/i.test(line)) {
      this.firstError ??= line.trim().slice(0, 300)
    }
  }

  private readRow(id: number, values: string[], arrivalMs: number): void {
    const device = this.plan.devices.find(d => d.gpu.index === id)
    const at = this.columns.indexOf(COUNTER_COLUMN)
    if (device === undefined || at < 0) return
    this.rows += 1
    const energyMJ = numberOrNull(values[at])
    this.options.sink.sample({
      timeMs: arrivalMs,
      device: device.key,
      energyMJ: energyMJ !== null && energyMJ >= 0 ? energyMJ : null
    })
  }

  private ended(code: number | null, expected: boolean): void {
    if (expected && this.rows > 0) return
    const why =
      this.firstError ??
      (code === null ? 'it could not start' : `exit code ${code}`)
    const message = `dcgmi dmon ${this.rows === 0 ? 'gave no energy counter readings' : 'stopped by itself'} (${why}); GPU energy comes from nvidia-smi's power samples`
    this.options.sink.event({ timeMs: Date.now(), event: 'note', message })
    this.options.log.warning(message)
  }
}
