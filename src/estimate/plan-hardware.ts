/**
 * The accelerator of a plan and the peak its MFU refers to: the
 * catalogue's dense BF16 figure (FP16 where there is no BF16), doubled for
 * the datasheets' sparse figure, or the planner's own.
 */
import {
  formatSource,
  getHardware,
  type Hardware,
  listHardware,
  matchHardware
} from '../calibration/index.js'
import { PlanInputError, type PlanInput } from './plan-input.js'

/**
 * NVIDIA datasheets print 2:4 structured-sparsity figures, twice the dense
 * ones (calibration-data/hardware.json notes).
 */
const SPARSE_OVER_DENSE = 2

/** The peak used, with where it came from. */
export interface PlanPeak {
  tflops: number
  source: string
  isDefault: boolean
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
      isDefault: false
    }
  const dense = denseTflops(hardware)
  if (dense === null)
    throw new PlanInputError([
      `gpu: calibration-data/hardware.json has no dense BF16 or FP16 TFLOP/s for ${hardware.display_name}; give peakTflops (--peak-tflops)`
    ])
  const sparse = input.peak === 'sparse'
  const basis = sparse
    ? `sparse: 2 × the dense ${dense} TFLOP/s, as datasheets print it`
    : `dense ${hardware.dense_bf16_tflops === null ? 'FP16' : 'BF16'}`
  return {
    tflops: sparse ? dense * SPARSE_OVER_DENSE : dense,
    source: `${basis}; ${formatSource(hardware.source)}`,
    isDefault: input.peak === undefined
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
