import { describe, expect, it } from '@jest/globals'
import { loadBaseline } from '../../src/action/load-baseline.js'
import { buildAuditResult } from '../report/audit-fixture.js'

describe('loadBaseline auto', () => {
  it('validates and returns what the lookup found, stating its source', async () => {
    const audit = buildAuditResult()
    const baseline = await loadBaseline('auto', () =>
      Promise.resolve({
        result: JSON.parse(JSON.stringify(audit)) as unknown,
        source: 'run 7 (push on main, sha abc1234, 2 h old)'
      })
    )
    expect(baseline.result).toEqual(audit)
    expect(baseline.source).toBe('run 7 (push on main, sha abc1234, 2 h old)')
  })

  it('is no baseline, with the reason, when the lookup finds none', async () => {
    const baseline = await loadBaseline('auto', () =>
      Promise.resolve({ result: undefined, source: 'no run for base sha' })
    )
    expect(baseline).toEqual({
      result: undefined,
      source: 'none found (no run for base sha)'
    })
  })

  it('is no baseline when the artifact fails the audit schema', async () => {
    const baseline = await loadBaseline('auto', () =>
      Promise.resolve({ result: { schema: 'other' }, source: 'run 8' })
    )
    expect(baseline.result).toBeUndefined()
    expect(baseline.source).toBe(
      'none (the audit artifact of run 8 is invalid)'
    )
  })

  it('is no baseline without a lookup (no pull request or no token)', async () => {
    const baseline = await loadBaseline('auto')
    expect(baseline.result).toBeUndefined()
    expect(baseline.source).toMatch(/^none found/)
  })
})
