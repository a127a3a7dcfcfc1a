import type { DeviceIdentity, PowerField, TelemetrySink } from '../sink.js'

/** The readings the audit takes from dcgm-exporter. */
export type ExporterReading = 'power' | 'energy' | 'utilization'

/** One usable sample: which GPU, which reading, when, what value. */
export interface ExporterSample {
  identity: Omit<DeviceIdentity, 'powerField'>
  reading: ExporterReading
  timeMs: number
  /** W, mJ or %; null when the exporter wrote NaN or a DCGM blank. */
  value: number | null
  line: number
}

/**
 * Registers GPUs and passes samples on, counting each physical GPU once.
 *
 * Under MIG, dcgm-exporter repeats a GPU's power and energy once per GPU
 * instance with the parent's value (NVIDIA/dcgm-exporter#317), so summing
 * series multiplies energy: the first sample of a GPU, reading and time
 * is kept and the copies are dropped. The first scrape is held back
 * until it ends, so each GPU's identity can say if it has a counter.
 */
export class ExporterDevices {
  private readonly handles = new Map<string, number>()
  private readonly lastTimeMs = new Map<string, number>()
  private held: ExporterSample[] | undefined = []

  constructor(private readonly sink: TelemetrySink) {}

  /** Takes a sample; false when it copies one already taken. */
  take(sample: ExporterSample): boolean {
    const series = `${sample.identity.key}\u0000${sample.reading}`
    if (this.lastTimeMs.get(series) === sample.timeMs) return false
    this.lastTimeMs.set(series, sample.timeMs)
    if (this.held) this.held.push(sample)
    else this.emit(sample, [sample])
    return true
  }

  /** Ends the first scrape: registers its GPUs and emits what was held. */
  flush(): void {
    const held = this.held
    if (held === undefined) return
    this.held = undefined
    for (const sample of held) this.emit(sample, held)
  }

  /** True once any GPU has been registered. */
  get any(): boolean {
    return this.handles.size > 0
  }

  private emit(sample: ExporterSample, known: readonly ExporterSample[]): void {
    const device = this.handleOf(sample, known)
    const { timeMs, value, line } = sample
    switch (sample.reading) {
      case 'power':
        // One line holds one metric, so no other reading shares its row.
        this.sink.power(device, timeMs, value, line, Number.NaN)
        break
      case 'energy':
        if (value !== null) this.sink.counter(device, timeMs, value, line)
        break
      case 'utilization':
        if (value !== null) this.sink.utilization(device, timeMs, value, line)
        break
    }
  }

  /** The GPU's handle; `known` tells which readings it has on first sight. */
  private handleOf(
    sample: ExporterSample,
    known: readonly ExporterSample[]
  ): number {
    const { key } = sample.identity
    let handle = this.handles.get(key)
    if (handle === undefined) {
      const readings = new Set(
        known.filter(s => s.identity.key === key).map(s => s.reading)
      )
      const powerField = powerFieldOf(readings)
      handle = this.sink.device({ ...sample.identity, powerField })
      this.handles.set(key, handle)
    }
    return handle
  }
}

/** The field the model integrates: a counter beats power samples. */
function powerFieldOf(readings: ReadonlySet<ExporterReading>): PowerField {
  if (readings.has('energy')) return 'energy-counter'
  if (readings.has('power')) return 'power.draw'
  return readings.has('utilization') ? 'utilization' : 'none'
}
