import { describe, expect, it } from '@jest/globals'
import { compareAudits } from '../../src/compare/compare-audits.js'
import { parseGateOptions } from '../../src/compare/gate-options.js'
import { renderComparison } from '../../src/report/markdown-headline.js'
import { buildAuditResult } from './audit-fixture.js'

describe('the comparison line without a baseline', () => {
  it('names the source once and the policy that set the verdict', () => {
    const head = buildAuditResult()
    const comparison = compareAudits(
      undefined,
      head,
      parseGateOptions({}),
      'none found (no completed run for base sha b0b1000)'
    )

    const line = renderComparison({ ...head, comparison })

    expect(line).toBe(
      '**vs base:** no baseline: none found (no completed run for base sha b0b1000). Verdict **neutral**, set by on-missing-baseline.'
    )
  })

  it('gives the budget as the reason when a run over it fails', () => {
    const head = buildAuditResult(draft => {
      draft.carbon.kg = 6
    })
    const comparison = compareAudits(
      undefined,
      head,
      parseGateOptions({ 'carbon-budget-kg': '5' }),
      'none'
    )

    const line = renderComparison({ ...head, comparison }) ?? ''

    expect(line).toMatch(
      /^\*\*vs base:\*\* no baseline: none\. Verdict \*\*fail\*\*: carbon 6 kg CO2e exceeds the 5 kg budget/
    )
  })
})
