import { InputError } from '../input-error.js'
import type { PowerField, TelemetrySink } from '../sink.js'
import type { DcgmReading } from './dcgm-fields.js'

/**
 * Most power and energy samples held in memory. DCGM long CSV is written
 * grouped by GPU and field rather than by time, so it must be sorted
 * before the sink sees it; the dumps this format comes from hold
 * thousands of rows, and 5 million samples is about 400 MB of heap.
 */
export const MAX_BUFFERED_SAMPLES = 5_000_000

/** One power or energy value of one GPU, as read from the file. */
export interface LongSample {
  timeMs: number
  reading: Exclude<DcgmReading, 'utilization'>
  /** W for power, mJ for energy; null when the cell was missing. */
  value: number | null
  line: number
}

/** Holds samples per GPU, then emits each GPU's samples in time order. */
export class LongSampleBuffer {
  private readonly byGpu = new Map<string, LongSample[]>()
  private count = 0

  constructor(
    private readonly file: string,
    private readonly limit = MAX_BUFFERED_SAMPLES
  ) {}

  /** Keeps one sample; throws InputError past the limit, naming it. */
  add(gpu: string, sample: LongSample): void {
    if (this.count >= this.limit) {
      throw new InputError(
        `more than ${this.limit} power and energy rows: DCGM long CSV is sorted in memory, so it is read up to ${this.limit} samples; split the file by GPU`,
        this.file,
        sample.line
      )
    }
    this.count += 1
    const samples = this.byGpu.get(gpu)
    if (samples) samples.push(sample)
    else this.byGpu.set(gpu, [sample])
  }

  /**
   * Registers each GPU in order of first appearance and emits its samples
   * sorted by time (stably, so equal times keep file order). When a GPU
   * has both `power_usage` and `power_usage_instant`, only the first is
   * read: two interleaved power series would be integrated as one.
   */
  emit(sink: TelemetrySink, node: string | undefined): void {
    let instantLeftOut = 0
    for (const [gpu, samples] of this.byGpu) {
      samples.sort((a, b) => a.timeMs - b.timeMs)
      const power = samples.some(s => s.reading === 'power')
        ? 'power'
        : 'power-instant'
      const device = sink.device({
        key: gpu,
        index: gpu,
        kind: 'gpu',
        powerField: powerFieldOf(samples, power),
        ...(node === undefined ? {} : { node })
      })
      instantLeftOut += emitSamples(sink, device, samples, power)
    }
    if (instantLeftOut > 0) {
      sink.warn(
        'other',
        `left out ${instantLeftOut} power_usage_instant rows of GPUs that also have power_usage rows, which were read instead`
      )
    }
  }
}

/** The field the model integrates: a counter beats power samples. */
function powerFieldOf(
  samples: readonly LongSample[],
  power: LongSample['reading']
): PowerField {
  const counts = (s: LongSample): boolean =>
    s.reading === 'energy' && s.value !== null
  if (samples.some(counts)) return 'energy-counter'
  if (!samples.some(s => s.reading === power)) return 'none'
  return power === 'power' ? 'power.draw' : 'power.draw.instant'
}

/** Pushes one GPU's sorted samples; returns how many were left out. */
function emitSamples(
  sink: TelemetrySink,
  device: number,
  samples: readonly LongSample[],
  power: LongSample['reading']
): number {
  let leftOut = 0
  for (const { timeMs, reading, value, line } of samples) {
    if (reading === 'energy') {
      if (value !== null) sink.counter(device, timeMs, value, line)
    } else if (reading === power) {
      // A long row holds one field, so no other reading shares its row.
      sink.power(device, timeMs, value, line, Number.NaN)
    } else {
      leftOut += 1
    }
  }
  return leftOut
}
