/**
 * The `plan` block that a planning estimate adds to
 * `ecocompute.estimate/v1`: what the time was computed from, and the
 * bounds of time and power. Energy, carbon and cost bounds live in the
 * shared blocks.
 */
import { z } from 'zod'
import type { EstimateResult } from './estimate-schema.js'
import { PEAK_BASES, PEAK_KINDS, PLAN_KINDS } from './plan-input.js'

/** A value with its low and high bound; low ≤ value ≤ high. */
export const Bounded = z
  .object({
    value: z.number().nonnegative(),
    low: z.number().nonnegative(),
    high: z.number().nonnegative()
  })
  .refine(b => b.low <= b.value && b.value <= b.high, {
    message: 'expected low ≤ value ≤ high'
  })
export type Bounded = z.infer<typeof Bounded>

/** How a planning estimate was made. */
export const PlanBlock = z.object({
  kind: z.enum(PLAN_KINDS),
  params: z.number().positive(),
  /** Training tokens, or tokens per day for inference. */
  tokens: z.number().positive(),
  /** Days of serving; null for training. */
  days: z.number().positive().nullable(),
  flops_per_param_token: z.number().positive(),
  /** Model FLOPs of the whole run. */
  flops: z.number().positive(),
  /** Catalogue id of the accelerator. */
  gpu: z.string(),
  gpu_name: z.string(),
  gpus: z.number().int().positive(),
  /** The peak kind asked for (dense unless sparse was); see peak_basis. */
  peak: z.enum(PEAK_KINDS),
  /** Where peak_tflops came from: the datasheet's dense or sparse figure, or given. */
  peak_basis: z.enum(PEAK_BASES),
  /** Peak TFLOP/s per GPU the MFU refers to. */
  peak_tflops: z.number().positive(),
  mfu: Bounded,
  /** Product of the speed-ups applied; 1 when none. */
  speedup: Bounded,
  /** Time factor of a power cap; 1 when none. */
  power_cap_time_factor: Bounded,
  /** Model TFLOP/s per GPU achieved. */
  achieved_tflops: Bounded,
  /** Wall-clock hours. */
  hours: Bounded,
  /** Device hours, summed over GPUs. */
  gpu_hours: Bounded,
  /** Mean board power per GPU in W. */
  gpu_power_w: Bounded,
  /** Nodes whose host power is counted; 0 when none is. */
  nodes: z.number().int().nonnegative(),
  /** What a reader should know about the result. */
  notes: z.array(z.string())
})
export type PlanBlock = z.infer<typeof PlanBlock>

/** `ecocompute.estimate/v1` of a planned run: the shared blocks and `plan`. */
export type PlanEstimate = EstimateResult & { plan: PlanBlock }
