/**
 * Time of a planned run: FLOPs ÷ (GPUs × peak × MFU × speed-ups), longer
 * by a power cap's slow-down. Bounds by interval arithmetic: the low time
 * takes the high MFU and speed-up and the low slow-down.
 */
import type { Hardware } from '../calibration/index.js'
import { mfuPresetFor } from '../calibration/mfu-presets.js'
import { formatSource } from '../calibration/sources.js'
import { denseTflops, type PlanPeak } from './plan-hardware.js'
import { type PlanInput, PlanInputError } from './plan-input.js'
import type { Bounded } from './plan-schema.js'
import {
  type AppliedSpeedup,
  planSpeedups,
  type SourcedBounds
} from './plan-speedups.js'

/**
 * FLOPs per parameter per token: 6 to train (2 forward, 4 backward) and 2
 * to infer (forward only), as in Kaplan et al. 2020 (arXiv:2001.08361).
 */
export const DEFAULT_FLOPS_PER_PARAM_TOKEN = { training: 6, inference: 2 }

/** The time terms of a plan. */
export interface PlanTime {
  flopsPerParamToken: number
  flops: number
  mfu: SourcedBounds
  speedup: Bounded
  speedups: AppliedSpeedup[]
  achievedTflops: Bounded
  hours: Bounded
  notes: string[]
}

/** FLOPs per parameter per token, given or the kind's default. */
export function flopsPerParamToken(input: PlanInput): number {
  return input.flopsPerParamToken ?? DEFAULT_FLOPS_PER_PARAM_TOKEN[input.kind]
}

/** Model FLOPs of the run: k · N · tokens (× days of serving). */
export function planFlops(input: PlanInput): number {
  const days = input.kind === 'inference' ? (input.days ?? 1) : 1
  return flopsPerParamToken(input) * input.params * input.tokens * days
}

/** The MFU given, or the preset for this accelerator and kind. */
export function planMfu(input: PlanInput, hardware: Hardware): SourcedBounds {
  const given = input.mfu
  if (given !== undefined) {
    const source = 'given by the user'
    return { value: given, low: given, high: given, source, isDefault: false }
  }
  const preset = mfuPresetFor(hardware.id, input.kind)
  const { value, low, high } = preset
  const source = `preset ${preset.id}: ${preset.derivation} Source: ${formatSource(preset.source)}`
  return { value, low, high, source, isDefault: true }
}

/**
 * Hours of the run with bounds; `slowdown` is the power cap's time factor
 * (1 when none).
 */
export function planTime(
  input: PlanInput,
  hardware: Hardware,
  peak: PlanPeak,
  slowdown: Bounded
): PlanTime {
  const flops = planFlops(input)
  const mfu = planMfu(input, hardware)
  const { speedup, speedups, notes } = planSpeedups(input, hardware)
  notes.push(...peakNotes(input, peak, mfu, hardware))
  const ceiling = throughputCeiling(input, hardware, peak)
  const achievedTflops = achieved(peak.tflops, mfu, speedup, ceiling, notes)
  const hours = hoursOf(flops, input.gpus, achievedTflops, slowdown)
  const perParamToken = flopsPerParamToken(input)
  return {
    flopsPerParamToken: perParamToken,
    ...{ flops, mfu, speedup, speedups, achievedTflops, hours, notes }
  }
}

/** The most a GPU can reach: its peak, or its dense FP8 peak with FP8. */
interface Ceiling {
  tflops: number
  name: string
}

/** Model TFLOP/s per GPU: peak × MFU × speed-up, at most the ceiling. */
function achieved(
  peakTflops: number,
  mfu: Bounded,
  speedup: Bounded,
  ceiling: Ceiling,
  notes: string[]
): Bounded {
  const at = (m: number, s: number): number =>
    Math.min(peakTflops * m * s, ceiling.tflops)
  if (peakTflops * mfu.high * speedup.high > ceiling.tflops)
    notes.push(
      `peak × MFU × speed-up would pass ${ceiling.name}; throughput is capped there`
    )
  return {
    value: at(mfu.value, speedup.value),
    low: at(mfu.low, speedup.low),
    high: at(mfu.high, speedup.high)
  }
}

/** Hours = FLOPs ÷ (GPUs × TFLOP/s) × slow-down, bounds crossed over. */
function hoursOf(
  flops: number,
  gpus: number,
  tflops: Bounded,
  slowdown: Bounded
): Bounded {
  const at = (perGpu: number, factor: number): number =>
    (flops / (gpus * perGpu * 1e12 * 3600)) * factor
  return {
    value: at(tflops.value, slowdown.value),
    low: at(tflops.high, slowdown.low),
    high: at(tflops.low, slowdown.high)
  }
}

/**
 * The peak itself, or with FP8 the accelerator's dense FP8 peak: FP8
 * cannot run faster than its own datasheet figure, whatever peak the MFU
 * was taken against (a sparse BF16 peak may equal it already).
 */
function throughputCeiling(
  input: PlanInput,
  hardware: Hardware,
  peak: PlanPeak
): Ceiling {
  if (!(input.speedups ?? []).includes('fp8'))
    return { tflops: peak.tflops, name: 'the peak' }
  const fp8 = hardware.dense_fp8_tflops
  if (fp8 === null)
    throw new PlanInputError([
      `speedups: fp8 needs FP8 tensor cores; ${hardware.display_name} has none (no dense FP8 TFLOP/s in calibration-data/hardware.json)`
    ])
  return {
    tflops: fp8,
    name: `the dense FP8 peak (${formatTflops(fp8)} TFLOP/s)`
  }
}

/**
 * The MFU presets are measured against the dense peak: a preset at a
 * sparse or given peak scales the throughput their sources measured.
 */
function peakNotes(
  input: PlanInput,
  peak: PlanPeak,
  mfu: SourcedBounds,
  hardware: Hardware
): string[] {
  if (peak.basis === 'dense') return []
  const dense = denseTflops(hardware)
  const kind =
    peak.basis === 'given' && input.peak === 'sparse'
      ? 'sparse, given'
      : peak.basis
  const shown = `peak ${formatTflops(peak.tflops)} TFLOP/s (${kind})`
  const measured =
    dense === null
      ? 'the MFU presets are measured against the dense peak'
      : `the MFU presets are measured against the dense ${formatTflops(dense)} TFLOP/s`
  if (!mfu.isDefault)
    return [
      `${shown}: the MFU given is taken against this figure, while ${measured}; give an MFU measured against the same peak`
    ]
  const times =
    dense === null
      ? ''
      : `, ${(peak.tflops / dense).toFixed(2)} × what their sources measured`
  return [
    `${shown} with the MFU preset: ${measured}, so the throughput assumed is scaled by this peak${times}; give an MFU measured against this peak (mfu, --mfu)`
  ]
}

/** TFLOP/s with grouping: `1,979`. */
function formatTflops(tflops: number): string {
  return tflops.toLocaleString('en-US')
}
