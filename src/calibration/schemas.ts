/**
 * zod schemas for the hardware, node and workload files of
 * `calibration-data/`. Field names follow the JSON (snake_case) so a record
 * reads the same in the file, in code and in the audit output. The region,
 * equivalence and country files are in `region-schemas.ts`.
 */
import { z } from 'zod'

/** A citation: title, a URL or document id, and the year. */
export const sourceSchema = z
  .object({
    title: z.string().min(1),
    url: z.url().optional(),
    document: z.string().min(1).optional(),
    year: z.int().min(1990).max(2100)
  })
  .refine(s => s.url !== undefined || s.document !== undefined, {
    message: 'a source needs a url or a document id'
  })

type RangeValues = { value: number; low: number; high: number }
type RangeShape = { value: z.ZodNumber; low: z.ZodNumber; high: z.ZodNumber }

/** True when low ≤ value ≤ high and low ≥ 0. */
function isOrderedRange(r: RangeValues): boolean {
  return r.low >= 0 && r.low <= r.value && r.value <= r.high
}

/**
 * An object with a central `value` and its bounds (`low`, `high`) plus the
 * extra fields given; low ≤ value ≤ high and low ≥ 0 are checked.
 */
export function rangeWith<T extends z.ZodRawShape>(
  extra: T
): z.ZodObject<RangeShape & T> {
  const shape = { value: z.number(), low: z.number(), high: z.number() }
  // The generic shape hides value/low/high from the checker; they are there.
  const isOrdered = (r: unknown): boolean => isOrderedRange(r as RangeValues)
  return z.object({ ...shape, ...extra }).refine(isOrdered, {
    message: 'expected 0 ≤ low ≤ value ≤ high'
  })
}

/** A bare `{ value, low, high }` range. */
export const rangeSchema = rangeWith({})

const kebabId = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'kebab-case id')
const tflops = z.number().positive().nullable()

/** Idle board power of one GPU, with how it was obtained. */
export const idleSchema = rangeWith({
  basis: z.enum(['observed', 'rule']),
  derivation: z.string().min(1),
  source: sourceSchema
})

/** Maximum board power (TDP / TGP), optionally with bounds. */
export const maxPowerSchema = z.object({
  value: z.number().positive(),
  low: z.number().positive().optional(),
  high: z.number().positive().optional(),
  basis: z.enum(['datasheet', 'observed-limit', 'rule']),
  note: z.string().optional(),
  source: sourceSchema
})

/** One accelerator model in `hardware.json`. */
export const hardwareSchema = z.object({
  id: kebabId,
  display_name: z.string().min(1),
  vendor: z.enum(['nvidia', 'amd', 'google', 'generic']),
  segment: z.enum(['datacenter', 'workstation', 'consumer', 'generic']),
  form_factor: z.enum(['sxm', 'pcie', 'oam', 'superchip', 'tpu', 'generic']),
  max_power_w: maxPowerSchema,
  idle_w: idleSchema,
  dense_bf16_tflops: tflops,
  dense_fp16_tflops: tflops,
  dense_fp8_tflops: tflops,
  tflops_note: z.string().optional(),
  memory_gb: z.number().positive().nullable(),
  sensor_accuracy_w: z.number().positive(),
  names: z.array(z.string().min(1)),
  aliases: z.array(z.string().min(1)),
  source: sourceSchema
})

/** The whole `hardware.json` file. */
export const hardwareFileSchema = z.object({
  notes: z.array(z.string()),
  rules: z.record(z.string(), z.string()),
  sensor_accuracy_source: sourceSchema,
  records: z.array(hardwareSchema).min(1)
})

/** One node profile in `nodes.json`. */
export const nodeProfileSchema = z.object({
  id: kebabId,
  display_name: z.string().min(1),
  kind: z.enum(['hgx-8gpu', 'pcie-server', 'workstation', 'cloud-vm']),
  recognise: z.object({
    hardware_ids: z.array(kebabId).min(1),
    gpu_count: z.int().positive()
  }),
  system_max_power_w: z.number().positive(),
  host_idle_w: rangeWith({
    basis: z.enum(['measured-derived', 'rule']),
    derivation: z.string().min(1),
    source: sourceSchema,
    see_also: z.array(sourceSchema).optional()
  }),
  notes: z.string().optional(),
  source: sourceSchema
})

/** The whole `nodes.json` file. */
export const nodesFileSchema = z.object({
  notes: z.array(z.string()),
  records: z.array(nodeProfileSchema).min(1)
})

/** The workload classes an α_w calibration can be given for. */
export const WORKLOAD_CLASSES = [
  'llm-training',
  'fine-tuning',
  'inference',
  'vision-training',
  'generic'
] as const

/** One α_w calibration in `workloads.json`. */
export const workloadSchema = z.object({
  workload: z.enum(WORKLOAD_CLASSES),
  node_profile: kebabId,
  alpha: rangeSchema.refine(a => a.low >= 1, {
    message: 'alpha below 1 is not physical'
  }),
  derivation: z.string().min(1),
  source: sourceSchema,
  see_also: z.array(sourceSchema).optional()
})

/** The whole `workloads.json` file. */
export const workloadsFileSchema = z.object({
  notes: z.array(z.string()),
  records: z.array(workloadSchema).min(1)
})

/** A citation as parsed from the calibration files. */
export type Source = z.infer<typeof sourceSchema>
/** A parsed accelerator record. */
export type Hardware = z.infer<typeof hardwareSchema>
/** A parsed node profile. */
export type NodeProfile = z.infer<typeof nodeProfileSchema>
/** A parsed α_w calibration. */
export type WorkloadCalibration = z.infer<typeof workloadSchema>
/** One of the workload class names. */
export type WorkloadClass = (typeof WORKLOAD_CLASSES)[number]
