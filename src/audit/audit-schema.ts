import { z } from 'zod'
import { DEVICE_KINDS, POWER_FIELDS, WARNING_CODES } from '../telemetry/sink.js'

/**
 * `ecocompute.audit/v1`: the audit result shared by the CLI's JSON output,
 * the action's artifact, the baseline and the web page. Energies in kWh,
 * carbon in kg CO2e, money in USD unless `currency` says otherwise, times
 * ISO 8601 UTC. A value not known is null, never left out or zero.
 */

export const GROUNDING_LEVELS = ['L1', 'L2', 'L3'] as const
export const GroundingLevel = z.enum(GROUNDING_LEVELS)
export type GroundingLevel = z.infer<typeof GroundingLevel>

const kwh = z.number().nonnegative()

export const Warning = z.object({
  code: z.enum(WARNING_CODES),
  message: z.string(),
  file: z.string().optional(),
  line: z.number().int().positive().optional(),
  device: z.string().optional(),
  /** How many times this warning occurred when aggregated. */
  count: z.number().int().positive().optional()
})
export type Warning = z.infer<typeof Warning>

export const Gap = z.object({
  /** Null when the file has no timestamps (times counted from its start). */
  start: z.string().nullable(),
  end: z.string().nullable(),
  duration_s: z.number().nonnegative(),
  filled_kwh: kwh
})

export const Device = z.object({
  id: z.string(),
  kind: z.enum(DEVICE_KINDS),
  name: z.string().nullable(),
  /** Catalogue id the name matched, null when unknown. */
  hardware_id: z.string().nullable(),
  uuid: z.string().optional(),
  node: z.string().nullable(),
  job: z.string().nullable(),
  file: z.string(),
  level: GroundingLevel,
  level_reason: z.string(),
  field: z.enum(POWER_FIELDS),
  samples: z.number().int().nonnegative(),
  first: z.string().nullable(),
  last: z.string().nullable(),
  median_interval_s: z.number().nonnegative().nullable(),
  coverage: z.number().min(0).max(1),
  energy_kwh: kwh,
  low_kwh: kwh,
  high_kwh: kwh,
  mean_w: z.number().nullable(),
  max_w: z.number().nullable(),
  gaps: z.array(Gap),
  gap_count: z.number().int().nonnegative(),
  warnings: z.array(z.string())
})
export type Device = z.infer<typeof Device>

export const Energy = z.object({
  gpu_kwh: kwh,
  /** GPUs whose power was measured (L2 or better), without L1 devices. */
  measured_gpu_kwh: kwh,
  it_kwh: kwh,
  facility_kwh: kwh,
  low_kwh: kwh,
  high_kwh: kwh
})

export const Carbon = z.object({
  kg: z.number().nonnegative(),
  low_kg: z.number().nonnegative(),
  high_kg: z.number().nonnegative(),
  intensity_g_per_kwh: z.number().nonnegative(),
  intensity_low_g_per_kwh: z.number().nonnegative(),
  intensity_high_g_per_kwh: z.number().nonnegative(),
  region: z.string(),
  /** How the region was resolved: cloud-region, zone, country, world. */
  fallback: z.enum(['cloud-region', 'zone', 'country', 'world', 'given']),
  dataset: z.string(),
  year: z.number().int().nullable(),
  licence: z.string()
})

export const Cost = z.object({
  energy_usd: z.number().nonnegative().nullable(),
  compute_usd: z.number().nonnegative().nullable(),
  total_usd: z.number().nonnegative().nullable(),
  low_usd: z.number().nonnegative().nullable(),
  high_usd: z.number().nonnegative().nullable(),
  currency: z.string()
})

export const Equivalent = z.object({
  kind: z.string(),
  value: z.number().nonnegative(),
  unit: z.string(),
  source: z.string()
})

export type Equivalent = z.infer<typeof Equivalent>

/** A value used in the computation and where it came from. */
export const Assumption = z.object({
  value: z.union([z.number(), z.string()]).nullable(),
  low: z.number().nullable().optional(),
  high: z.number().nullable().optional(),
  source: z.string(),
  /** True when the user did not choose it. */
  is_default: z.boolean()
})
export type Assumption = z.infer<typeof Assumption>

/** What a comparison measured: carbon, or energy when region or PUE differ. */
export const COMPARISON_METRICS = [
  'carbon',
  'facility_energy',
  'it_energy'
] as const

/** One gate as applied: its limit, the value it saw, and the outcome. */
export const GateResult = z.object({
  name: z.enum(['max-increase', 'carbon-budget-kg']),
  /** Percent for max-increase, kg CO2e for carbon-budget-kg. */
  limit: z.number(),
  /** The change in percent, or the head's carbon in kg CO2e. */
  value: z.number(),
  passed: z.boolean()
})
export type GateResult = z.infer<typeof GateResult>

export const Comparison = z.object({
  baseline_source: z.string(),
  /** Change of `metric` in percent; null when base is 0, none or not comparable. */
  change_percent: z.number().nullable(),
  verdict: z.enum(['pass', 'fail', 'neutral']),
  reasons: z.array(z.string()),
  metric: z.enum(COMPARISON_METRICS).optional(),
  /** Unit of base_value, head_value and change_value. */
  unit: z.enum(['kg', 'kWh']).optional(),
  base_value: z.number().nonnegative().nullable().optional(),
  head_value: z.number().nonnegative().optional(),
  /** head_value − base_value; null without a baseline. */
  change_value: z.number().nullable().optional(),
  /** The base's central carbon, whatever the metric; null without one. */
  base_carbon_kg: z.number().nonnegative().nullable().optional(),
  /** False when hardware or workload differ; null without a baseline. */
  comparable: z.boolean().nullable().optional(),
  /** True when the change was inside the `min-change` noise floor. */
  within_noise: z.boolean().optional(),
  gates: z.array(GateResult).optional()
})
export type Comparison = z.infer<typeof Comparison>

export const InputFile = z.object({
  file: z.string(),
  format: z.string(),
  devices: z.number().int().nonnegative(),
  /** The last line number a reading or rejected row came from. */
  lines: z.number().int().nonnegative(),
  rejected_rows: z.number().int().nonnegative()
})

export const AuditResult = z.object({
  schema: z.literal('ecocompute.audit/v1'),
  generator: z.string(),
  created: z.string(),
  grounding: z.object({
    level: GroundingLevel,
    devices: z.record(z.string(), GroundingLevel),
    reasons: z.array(z.string())
  }),
  window: z.object({
    start: z.string().nullable(),
    end: z.string().nullable(),
    duration_s: z.number().nonnegative()
  }),
  energy: Energy,
  carbon: Carbon,
  cost: Cost,
  equivalents: z.array(Equivalent),
  comparison: Comparison.optional(),
  assumptions: z.record(z.string(), Assumption),
  inputs: z.array(InputFile),
  devices: z.array(Device),
  warnings: z.array(Warning)
})
export type AuditResult = z.infer<typeof AuditResult>
