import { readFileSync, writeFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { expect, it } from '@jest/globals'
import { renderValidationMarkdown } from '../../src/estimate/footprints-report.js'
import { renderPlanningValidation } from '../../src/estimate/plan-validation.js'

const DOC_FILE = resolve(process.cwd(), 'docs/validation.md')

// After changing the cases or the report, rewrite the file with:
//   WRITE_DOCS=1 npm test -- validation-doc   (npm run footprints)
it('matches the committed docs/validation.md', () => {
  // The footprints, then the planning section (plan-validation.ts).
  const generated = `${renderValidationMarkdown()}\n${renderPlanningValidation()}`
  if (process.env.WRITE_DOCS === '1') writeFileSync(DOC_FILE, generated)
  expect(readFileSync(DOC_FILE, 'utf8')).toBe(generated)
})

it('has a table row for every case with its error', () => {
  const doc = renderValidationMarkdown()
  expect(doc).toContain('| LLaMA-7B ')
  expect(doc).toContain('| Llama 3.1 405B ')
  expect(doc).toContain('| BLOOM-176B, dynamic energy only ')
  expect(doc).toContain('consistency, not prediction')
  expect(doc).toContain('Llama 3.3 70B')
})
