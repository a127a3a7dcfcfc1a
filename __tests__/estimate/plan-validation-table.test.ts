import { describe, expect, it } from '@jest/globals'
import { loadPublishedFootprints } from '../../src/estimate/published-cases.js'
import {
  planningRows,
  renderPlanningValidation
} from '../../src/estimate/plan-validation.js'

// The errors are reported in docs/validation.md, not asserted: this file
// checks only that every case has a finite prediction and a row. The doc
// itself is checked by validation-doc.test.ts.
describe('the planning validation table', () => {
  const rows = planningRows()

  it('estimates every published case from its stated size, tokens and hardware', () => {
    const ids = loadPublishedFootprints().cases.map(c => c.id)
    expect(rows.map(r => r.case.id)).toEqual(ids)
  })

  it('gives finite, positive predictions, errors and implied MFU', () => {
    for (const row of rows) {
      for (const value of [
        row.predicted.value,
        row.predicted.low,
        row.predicted.high,
        row.errorPercent,
        row.impliedMfu
      ])
        expect(Number.isFinite(value)).toBe(true)
      expect(row.predicted.low).toBeGreaterThan(0)
      expect(row.impliedMfu).toBeGreaterThan(0)
      expect(row.impliedMfu).toBeLessThan(1)
    }
  })

  it('computes the implied MFU as 6·N·D over GPU-hours at the dense peak', () => {
    const llama65b = rows.find(r => r.case.id === 'llama1-65b')
    // 6 × 65.2e9 × 1.4e12 FLOPs over 1,022,362 GPU-h at 312 TFLOP/s.
    expect(llama65b?.impliedMfu).toBeCloseTo(
      (6 * 65.2e9 * 1.4e12) / (1_022_362 * 3600 * 312e12),
      12
    )
  })

  it('renders a row per case and no NaN', () => {
    const doc = renderPlanningValidation()
    for (const row of rows) expect(doc).toContain(`| ${row.case.model} |`)
    expect(doc).not.toMatch(/NaN|Infinity|undefined/)
  })
})
