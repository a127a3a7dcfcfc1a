import { describe, expect, it } from '@jest/globals'
import {
  isSafeFolderName,
  latestAttempts,
  matchesPattern
} from '../../src/github/download-artifacts.js'

describe('choosing telemetry artifacts', () => {
  it('matches * and ? and nothing else as wildcards', () => {
    expect(
      matchesPattern('ecocompute-telemetry-ci-a-1', 'ecocompute-telemetry-*')
    ).toBe(true)
    expect(
      matchesPattern('ecocompute-audit-ci-a-1', 'ecocompute-telemetry-*')
    ).toBe(false)
    expect(matchesPattern('leg-1', 'leg-?')).toBe(true)
    expect(matchesPattern('leg-10', 'leg-?')).toBe(false)
    // Regular-expression characters in a pattern are literal.
    expect(matchesPattern('a+b', 'a+b')).toBe(true)
    expect(matchesPattern('aab', 'a+b')).toBe(false)
  })

  it('keeps only the highest attempt of each name', () => {
    const names = [
      'ecocompute-telemetry-ci-train-a100-1',
      'ecocompute-telemetry-ci-train-a100-3',
      'ecocompute-telemetry-ci-train-a100-2',
      'ecocompute-telemetry-ci-train-h100-1',
      'no-attempt'
    ].map(name => ({ name }))
    expect(latestAttempts(names).map(a => a.name)).toEqual([
      'ecocompute-telemetry-ci-train-a100-3',
      'ecocompute-telemetry-ci-train-h100-1',
      'no-attempt'
    ])
  })

  it('refuses names that would leave the download folder', () => {
    expect(isSafeFolderName('ecocompute-telemetry-ci-a-1')).toBe(true)
    for (const name of ['..', '.', '...', 'a/b', 'a\\b', '', 'x'.repeat(201)])
      expect(isSafeFolderName(name)).toBe(false)
  })
})
