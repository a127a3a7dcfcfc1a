/**
 * The accelerator of a plan and the peak its MFU refers to: the
 * catalogue's dense BF16 figure (FP16 where there is no BF16), the
 * datasheet's sparse figure when asked for, or the planner's own.
 */
import {
  sparsePeakDerivation,
  sparsePeakFor
} from '../calibration/mfu-presets.js'
import {
  formatSource,
  getHardware,
  type Hardware,
  listHardware,
  matchHardware
} from '../calibration/index.js'
import {
  type PEAK_BASES,
  PlanInputError,
  type PlanInput
} from './plan-input.js'

/** The peak used, with where it came from. */
export interface PlanPeak {
  tflops: number
  source: string
  isDefault: boolean
  basis: (typeof PEAK_BASES)[number]
}

/** The catalogue record for a plan's `gpu`, by id, alias or printed name. */
export function resolvePlanGpu(name: string): Hardware {
  const hardware = getHardware(name.trim()) ?? matchHardware(name)?.hardware
  if (hardware !== undefined && hardware.id !== 'generic-gpu') return hardware
  const ids = listHardware()
    .filter(hw => hw.id !== 'generic-gpu')
    .map(hw => hw.id)
  throw new PlanInputError([
    `gpu: "${name}" is not in calibration-data/hardware.json; known ids: ${ids.join(', ')}`
  ])
}

/** Dense BF16 TFLOP/s, else dense FP16; null when the catalogue has neither. */
export function denseTflops(hardware: Hardware): number | null {
  return hardware.dense_bf16_tflops ?? hardware.dense_fp16_tflops
}

/** The peak per GPU the MFU refers to. */
export function planPeak(input: PlanInput, hardware: Hardware): PlanPeak {
  if (input.peakTflops !== undefined)
    return {
      tflops: input.peakTflops,
      source: 'given by the user',
      isDefault: false,
      basis: 'given'
    }
  if (input.peak === 'sparse') return sparsePeak(hardware)
  const dense = denseTflops(hardware)
  if (dense === null)
    throw new PlanInputError([
      `gpu: calibration-data/hardware.json has no dense BF16 or FP16 TFLOP/s for ${hardware.display_name}; give peakTflops (--peak-tflops)`
    ])
  const precision = hardware.dense_bf16_tflops === null ? 'FP16' : 'BF16'
  return {
    tflops: dense,
    source: `dense ${precision}; ${formatSource(hardware.source)}`,
    isDefault: input.peak === undefined,
    basis: 'dense'
  }
}

/** The datasheet's own sparse figure; refused where none is recorded. */
function sparsePeak(hardware: Hardware): PlanPeak {
  const tflops = sparsePeakFor(hardware.id)
  if (tflops === undefined)
    throw new PlanInputError([
      `peak: calibration-data/mfu.json has no datasheet sparse BF16 figure for ${hardware.display_name} (its tensor cores have no 2:4 sparsity, or its source prints none); use the dense peak or give peakTflops (--peak-tflops)`
    ])
  return {
    tflops,
    source: `sparse BF16 with 2:4 structured sparsity, as the datasheet prints it. ${sparsePeakDerivation()} ${formatSource(hardware.source)}`,
    isDefault: false,
    basis: 'sparse'
  }
}

/**
 * How far FP8 can raise throughput over the BF16 peak: the ratio of the
 * dense peaks; null when the accelerator has no FP8 tensor path.
 */
export function fp8PeakRatio(hardware: Hardware): number | null {
  const dense = denseTflops(hardware)
  if (hardware.dense_fp8_tflops === null || dense === null) return null
  return hardware.dense_fp8_tflops / dense
}
