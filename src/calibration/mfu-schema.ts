/**
 * zod schema of `calibration-data/mfu.json`: the planning estimator's MFU
 * presets, power-utilisation presets, what-if speed-ups, the power-cap
 * trade and the datasheets' sparse peaks, each with its range and source.
 */
import { z } from 'zod'
import { rangeSchema, rangeWith, sourceSchema } from './schemas.js'

/** The two kinds of planned run. */
export const PLAN_RUN_KINDS = ['training', 'inference'] as const

const kebabId = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'kebab-case id')
const fraction = rangeWith({}).refine(r => r.high <= 1, {
  message: 'expected a fraction: high ≤ 1'
})

/** One MFU preset: a kind, the accelerators it covers (`*`: any). */
export const mfuPresetSchema = rangeWith({
  id: kebabId,
  kind: z.enum(PLAN_RUN_KINDS),
  hardware_ids: z.array(z.union([kebabId, z.literal('*')])).min(1),
  derivation: z.string().min(1),
  source: sourceSchema,
  see_also: z.array(sourceSchema).optional()
}).refine(r => r.low > 0 && r.high <= 1, {
  message: 'expected 0 < low and high ≤ 1'
})

/** Power utilisation u of P_idle + u·(P_max − P_idle) for one kind. */
export const utilisationSchema = rangeWith({
  kind: z.enum(PLAN_RUN_KINDS),
  derivation: z.string().min(1),
  source: sourceSchema,
  see_also: z.array(sourceSchema).optional()
}).refine(r => r.high <= 1, { message: 'expected high ≤ 1' })

/** A throughput factor (≥ 1) of one what-if. */
export const speedupSchema = rangeWith({
  id: kebabId,
  applies_to: z.string().min(1),
  derivation: z.string().min(1),
  caveats: z.string().min(1),
  source: sourceSchema
}).refine(r => r.low >= 1, { message: 'a speed-up below 1 is a slow-down' })

/** Time and GPU-energy factors measured at one power-cap fraction. */
export const powerCapSchema = z.object({
  cap_fraction: z.number().gt(0).lt(1),
  time_factor: rangeSchema,
  gpu_energy_factor: fraction,
  derivation: z.string().min(1),
  caveats: z.string().min(1),
  source: sourceSchema
})

/**
 * Datasheet BF16 figures with 2:4 structured sparsity, for a planner who
 * asks for the sparse peak; the source is the datasheet that the
 * accelerator's hardware.json record cites.
 */
export const sparsePeaksSchema = z.object({
  derivation: z.string().min(1),
  peaks: z
    .array(
      z.object({
        hardware_id: kebabId,
        sparse_bf16_tflops: z.number().positive()
      })
    )
    .min(1)
})

/** The whole `mfu.json` file. */
export const mfuFileSchema = z.object({
  notes: z.array(z.string()),
  mfu: z.array(mfuPresetSchema).min(1),
  utilisation: z.array(utilisationSchema).min(1),
  speedups: z.array(speedupSchema).min(1),
  power_cap: powerCapSchema,
  sparse_peaks: sparsePeaksSchema
})

/** A parsed MFU preset. */
export type MfuPreset = z.infer<typeof mfuPresetSchema>
/** A parsed power-utilisation preset. */
export type UtilisationPreset = z.infer<typeof utilisationSchema>
/** A parsed what-if speed-up. */
export type Speedup = z.infer<typeof speedupSchema>
/** The parsed power-cap trade. */
export type PowerCapTrade = z.infer<typeof powerCapSchema>
/** The parsed sparse peaks. */
export type SparsePeaks = z.infer<typeof sparsePeaksSchema>
/** The parsed file. */
export type MfuFile = z.infer<typeof mfuFileSchema>
/** `training` or `inference`. */
export type PlanRunKind = (typeof PLAN_RUN_KINDS)[number]
