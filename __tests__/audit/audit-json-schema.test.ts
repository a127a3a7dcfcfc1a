import { readFileSync, writeFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { expect, it } from '@jest/globals'
import { auditJsonSchema } from '../../src/audit/audit-json-schema.js'

const SCHEMA_FILE = resolve(
  process.cwd(),
  'schemas/ecocompute-audit-v1.schema.json'
)

// After changing the zod schema, rewrite the file with:
//   WRITE_SCHEMAS=1 npm test -- audit-json-schema
it('matches the committed schemas/ecocompute-audit-v1.schema.json', () => {
  const generated = auditJsonSchema()
  if (process.env.WRITE_SCHEMAS === '1') {
    writeFileSync(SCHEMA_FILE, `${JSON.stringify(generated, null, 2)}\n`)
  }
  const committed: unknown = JSON.parse(readFileSync(SCHEMA_FILE, 'utf8'))
  expect(committed).toEqual(generated)
})

it('lists the closed set of warning codes in the schema', () => {
  const text = JSON.stringify(auditJsonSchema())
  for (const code of [
    'rejected-row',
    'stale-sensor',
    'gap',
    'counter-reset',
    'region-fallback'
  ]) {
    expect(text).toContain(`"${code}"`)
  }
})
