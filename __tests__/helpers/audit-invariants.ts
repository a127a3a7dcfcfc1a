import { expect } from '@jest/globals'
import { AuditResult } from '../../src/audit/audit-schema.js'

/** Paths of every number in `value` that is NaN or ±Infinity. */
export function nonFiniteNumbers(value: unknown, path = '$'): string[] {
  if (typeof value === 'number') return Number.isFinite(value) ? [] : [path]
  if (Array.isArray(value)) {
    return value.flatMap((item, i) => nonFiniteNumbers(item, `${path}[${i}]`))
  }
  if (typeof value === 'object' && value !== null) {
    return Object.entries(value).flatMap(([key, item]) =>
      nonFiniteNumbers(item, `${path}.${key}`)
    )
  }
  return []
}

/** Paths of every energy (`…kwh`) or carbon (`…kg`) number below zero. */
export function negativeAmounts(value: unknown, path = '$'): string[] {
  if (Array.isArray(value)) {
    return value.flatMap((item, i) => negativeAmounts(item, `${path}[${i}]`))
  }
  if (typeof value !== 'object' || value === null) return []
  return Object.entries(value).flatMap(([key, item]) => {
    const here = `${path}.${key}`
    const amount = /(?:^|_)(?:kwh|kg)$/.test(key) && typeof item === 'number'
    if (amount) return item < 0 ? [here] : []
    return negativeAmounts(item, here)
  })
}

/** Every `[name, low, value, high]` triple the result promises. */
function boundTriples(
  result: AuditResult
): [string, number | null, number | null, number | null][] {
  const { energy, carbon, cost } = result
  return [
    ['energy', energy.low_kwh, energy.facility_kwh, energy.high_kwh],
    ['carbon', carbon.low_kg, carbon.kg, carbon.high_kg],
    [
      'intensity',
      carbon.intensity_low_g_per_kwh,
      carbon.intensity_g_per_kwh,
      carbon.intensity_high_g_per_kwh
    ],
    ['cost', cost.low_usd, cost.total_usd, cost.high_usd],
    ...result.devices.map(
      d =>
        [`device ${d.id}`, d.low_kwh, d.energy_kwh, d.high_kwh] as [
          string,
          number,
          number,
          number
        ]
    )
  ]
}

/** Names of the triples where low ≤ value ≤ high fails. */
export function boundViolations(result: AuditResult): string[] {
  return boundTriples(result)
    .filter(([, low, value, high]) => {
      if (value === null) return false
      return low === null || high === null || !(low <= value && value <= high)
    })
    .map(([name, low, value, high]) => `${name}: ${low} ≤ ${value} ≤ ${high}`)
}

const LEVELS = ['L1', 'L2', 'L3'] as const

/**
 * Empty when the overall level is one some device reached (or L1): the
 * result never claims a level no device has.
 */
export function levelOverclaim(result: AuditResult): string[] {
  const reached = result.devices.map(d => LEVELS.indexOf(d.level))
  const highest = Math.max(0, ...reached)
  const overall = LEVELS.indexOf(result.grounding.level)
  return overall > highest
    ? [`overall ${result.grounding.level} above every device`]
    : []
}

/**
 * The promises every audit result keeps: the zod schema parses it, no
 * number is NaN or infinite, no energy or carbon is negative, and every
 * value lies within its own bounds, and the overall level is one a
 * device reached.
 */
export function expectSaneResult(result: AuditResult): void {
  expect(nonFiniteNumbers(result)).toEqual([])
  expect(negativeAmounts(result)).toEqual([])
  expect(boundViolations(result)).toEqual([])
  expect(levelOverclaim(result)).toEqual([])
  expect(() => AuditResult.parse(result)).not.toThrow()
}
