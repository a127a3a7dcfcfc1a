import { readFileSync, writeFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, expect, it } from '@jest/globals'
import { telemetryJsonSchema } from '../../../src/telemetry/formats/ecocompute-jsonl-json-schema.js'

const SCHEMA_FILE = resolve(
  process.cwd(),
  'schemas/ecocompute-telemetry-v1.schema.json'
)

describe('ecocompute.telemetry/v1 JSON Schema', () => {
  // After changing the zod schema, rewrite the file with:
  //   WRITE_SCHEMAS=1 npm test -- ecocompute-jsonl-json-schema
  it('matches the committed schemas/ecocompute-telemetry-v1.schema.json', () => {
    const generated = telemetryJsonSchema()
    if (process.env.WRITE_SCHEMAS === '1') {
      writeFileSync(SCHEMA_FILE, `${JSON.stringify(generated, null, 2)}\n`)
    }
    const committed: unknown = JSON.parse(readFileSync(SCHEMA_FILE, 'utf8'))
    expect(committed).toEqual(generated)
  })

  it('describes all four record kinds with their units', () => {
    const text = JSON.stringify(telemetryJsonSchema())
    for (const needle of [
      '"header"',
      '"event"',
      '"footer"',
      '"p_w"',
      '"e_mj"',
      'Power in W'
    ]) {
      expect(text).toContain(needle)
    }
  })
})
