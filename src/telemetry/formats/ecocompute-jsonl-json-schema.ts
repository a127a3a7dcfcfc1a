import { z } from 'zod'
import { TELEMETRY_SCHEMA, TelemetryRecord } from './ecocompute-jsonl-schema.js'

/**
 * The published JSON Schema of one `ecocompute.telemetry/v1` line, made
 * from the zod schema so the two cannot drift; a test compares it with
 * the committed `schemas/ecocompute-telemetry-v1.schema.json`. Rules zod
 * checks in code (unique device keys, a sample holding at least one
 * reading, `d` on a `lost` event, keys declared in the header) are not
 * expressible per line and are stated in the description instead.
 */
export function telemetryJsonSchema(): Record<string, unknown> {
  const { $schema, ...body } = z.toJSONSchema(TelemetryRecord, {
    target: 'draft-2020-12'
  })
  return {
    $schema,
    title: `${TELEMETRY_SCHEMA} record`,
    description:
      'One line of an EcoCompute telemetry JSON Lines file: the header first, then samples, events and an optional footer. Also required: unique device keys, each sample naming a declared device and holding at least one of p_w, e_mj, u_pct, and a lost event naming its device. Unknown fields are ignored.',
    ...body
  }
}
