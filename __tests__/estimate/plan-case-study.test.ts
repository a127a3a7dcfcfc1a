import { readFileSync, writeFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, expect, it } from '@jest/globals'
import { runEstimateCommand } from '../../src/cli/estimate-command.js'
import { EXIT } from '../../src/cli/exit-codes.js'
import { renderCaseStudy } from '../../src/estimate/plan-case-study.js'
import { captureOutput } from '../helpers/capture-output.js'

const DOC_FILE = resolve(process.cwd(), 'docs/case-study-llama-7b.md')

const output = captureOutput()

// After changing the estimator, its data or the case study, rewrite with:
//   WRITE_DOCS=1 npm test -- plan-case-study
describe('docs/case-study-llama-7b.md', () => {
  it('is what `estimate --case-study` prints', async () => {
    expect(await runEstimateCommand(['--case-study'])).toBe(EXIT.ok)
    if (process.env.WRITE_DOCS === '1') writeFileSync(DOC_FILE, output.stdout)
    expect(readFileSync(DOC_FILE, 'utf8')).toBe(output.stdout)
  })

  it('puts the report’s figures next to ours at the report’s precision', () => {
    const doc = renderCaseStudy()
    expect(doc).toContain('| Time | 368.45 h | 368.45 h |')
    expect(doc).toContain('| Cost | $82,500 ($82,533) | $82,533 |')
    expect(doc).toContain('| Energy | 16,507 kWh | 16,507 kWh |')
    expect(doc).toContain('| Carbon | 330 kg (330.1) | 330.1 kg CO2e |')
    expect(doc).toContain('| Car travel | ~2,146 km | 2,146 km |')
  })

  it('has the realistic estimate, the gap, the FlashAttention-2 what-if and the sources', () => {
    const doc = renderCaseStudy()
    for (const heading of [
      '## 2. A realistic estimate',
      '## 3. The gap, one assumption at a time',
      '## 4. What-ifs on the realistic estimate',
      '## 5. Where the numbers come from'
    ])
      expect(doc).toContain(heading)
    expect(doc).toContain('| FlashAttention-2 instead of FlashAttention (v1) |')
    expect(doc).toContain('| 100 % → sourced MFU |')
    expect(doc).not.toMatch(/NaN|undefined|Infinity/)
  })
})
