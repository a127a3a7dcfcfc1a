import { z } from 'zod'
import { AuditResult } from './audit-schema.js'

/**
 * The published JSON Schema of `ecocompute.audit/v1`, made from the zod
 * schema so the two cannot drift; a test compares it with the committed
 * `schemas/ecocompute-audit-v1.schema.json`.
 */
export function auditJsonSchema(): Record<string, unknown> {
  const { $schema, ...body } = z.toJSONSchema(AuditResult, {
    target: 'draft-2020-12'
  })
  return {
    $schema,
    title: 'ecocompute.audit/v1',
    description:
      'The result of an EcoCompute audit. Energies in kWh, carbon in kg CO2e, money in USD unless currency says otherwise, times ISO 8601 UTC. A value not known is null, never left out or zero. Fields may be added in later versions of v1; none is removed or changes meaning.',
    ...body
  }
}
