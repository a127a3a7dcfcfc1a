import { z } from 'zod'
import {
  Assumption,
  Carbon,
  Cost,
  Energy,
  Equivalent
} from '../audit/audit-schema.js'
import { PlanBlock } from './plan-schema.js'

/**
 * `ecocompute.estimate/v1`: the estimator's result. It shares the
 * `energy`, `carbon`, `cost` and `equivalents` blocks of
 * `ecocompute.audit/v1` and adds the hours it assumed.
 */
export const EstimateResult = z.object({
  schema: z.literal('ecocompute.estimate/v1'),
  /** Wall-clock hours of the run; null when not known. */
  hours: z.number().nonnegative().nullable(),
  /** Device hours, summed over devices. */
  gpu_hours: z.number().nonnegative(),
  energy: Energy,
  carbon: Carbon,
  cost: Cost,
  equivalents: z.array(Equivalent),
  assumptions: z.record(z.string(), Assumption),
  /** How a planning estimate was made; absent for published inputs. */
  plan: PlanBlock.optional()
})
export type EstimateResult = z.infer<typeof EstimateResult>

/**
 * The published JSON Schema of `ecocompute.estimate/v1`, made from the zod
 * schema; a test compares it with the committed
 * `schemas/ecocompute-estimate-v1.schema.json`.
 */
export function estimateJsonSchema(): Record<string, unknown> {
  const { $schema, ...body } = z.toJSONSchema(EstimateResult, {
    target: 'draft-2020-12'
  })
  return {
    $schema,
    title: 'ecocompute.estimate/v1',
    description:
      'An EcoCompute estimate. Energies in kWh, carbon in kg CO2e, money in USD unless currency says otherwise. The energy, carbon, cost and equivalents blocks are those of ecocompute.audit/v1. A value not known is null, never left out or zero.',
    ...body
  }
}
