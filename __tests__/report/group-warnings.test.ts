import { describe, expect, it } from '@jest/globals'
import { groupWarnings } from '../../src/report/group-warnings.js'
import { buildWarning } from './audit-fixture.js'

describe('groupWarnings', () => {
  it('orders codes by occurrences, aggregated counts included', () => {
    const groups = groupWarnings(
      [
        buildWarning('gap', 1),
        buildWarning('gap', 2),
        buildWarning('stale-sensor', 3, w => {
          w.count = 5
        })
      ],
      10
    )
    expect(groups.map(g => [g.code, g.count, g.shown])).toEqual([
      ['stale-sensor', 5, 1],
      ['gap', 2, 2]
    ])
  })

  it('deals the budget round-robin so every code is seen', () => {
    const warnings = [
      ...Array.from({ length: 50 }, (_, i) => buildWarning('gap', i + 1)),
      buildWarning('counter-wrap', 1),
      ...Array.from({ length: 3 }, (_, i) =>
        buildWarning('rejected-row', i + 1)
      )
    ]
    const groups = groupWarnings(warnings, 6)
    expect(groups.map(g => [g.code, g.shown])).toEqual([
      ['gap', 3],
      ['rejected-row', 2],
      ['counter-wrap', 1]
    ])
  })

  it('shows nothing with no budget', () => {
    const groups = groupWarnings([buildWarning('gap', 1)], 0)
    expect(groups[0]?.shown).toBe(0)
  })
})
