import { readFileSync, writeFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { expect, it } from '@jest/globals'
import { auditJsonSchema } from '../../src/audit/audit-json-schema.js'
import { estimateJsonSchema } from '../../src/estimate/estimate-schema.js'

const SCHEMA_FILE = resolve(
  process.cwd(),
  'schemas/ecocompute-estimate-v1.schema.json'
)

// After changing the zod schema, rewrite the file with:
//   WRITE_SCHEMAS=1 npm test -- estimate-json-schema
it('matches the committed schemas/ecocompute-estimate-v1.schema.json', () => {
  const generated = estimateJsonSchema()
  if (process.env.WRITE_SCHEMAS === '1') {
    writeFileSync(SCHEMA_FILE, `${JSON.stringify(generated, null, 2)}\n`)
  }
  const committed: unknown = JSON.parse(readFileSync(SCHEMA_FILE, 'utf8'))
  expect(committed).toEqual(generated)
})

it('shares the energy, carbon, cost and equivalents blocks with the audit', () => {
  const properties = (
    schema: Record<string, unknown>
  ): Record<string, unknown> => schema.properties as Record<string, unknown>
  const estimate = properties(estimateJsonSchema())
  const audit = properties(auditJsonSchema())
  for (const block of ['energy', 'carbon', 'cost', 'equivalents'])
    expect(estimate[block]).toEqual(audit[block])
})
