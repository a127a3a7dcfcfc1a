import { describe, expect, test } from '@jest/globals'

import { resolvePue } from '../../src/calibration/pue.js'

describe('resolvePue', () => {
  test('uses a user PUE as given, with no range', () => {
    expect(resolvePue(1.2, 'aws')).toEqual({
      value: 1.2,
      low: 1.2,
      high: 1.2,
      source: 'given by the user',
      isDefault: false,
      basis: 'user'
    })
  })

  test.each([
    ['aws', 1.15],
    ['gcp', 1.09],
    ['azure', 1.18]
  ])(
    'uses the published %s fleet PUE when none is given',
    (provider, value) => {
      const pue = resolvePue(undefined, provider)
      expect(pue).toMatchObject({ value, isDefault: true, basis: 'provider' })
      expect(pue.low).toBeLessThanOrEqual(value)
      expect(pue.high).toBeGreaterThanOrEqual(value)
      expect(pue.source).toMatch(/https:\/\//)
    }
  )

  test('falls back to the Uptime Institute 2024 average for an unknown site', () => {
    for (const provider of [undefined, 'oci', '']) {
      const pue = resolvePue(undefined, provider)
      expect(pue).toMatchObject({ value: 1.56, basis: 'industry-default' })
      expect(pue.source).toContain('Uptime Institute')
    }
  })

  test.each([0.9, 0, -1, Number.NaN, 15])('rejects a user PUE of %p', bad => {
    expect(() => resolvePue(bad)).toThrow(
      /pue: got .*expected a number from 1 to 5/
    )
  })
})
