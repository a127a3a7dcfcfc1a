import { describe, expect, it } from '@jest/globals'
import {
  GAP_CEILING_S,
  GAP_FLOOR_S,
  GAP_MEDIAN_FACTOR,
  gapThresholdS
} from '../../src/model/gap-rule.js'

describe('gapThresholdS: clamp(5 × median interval, 5 s, 300 s)', () => {
  it('states the documented constants', () => {
    expect(GAP_MEDIAN_FACTOR).toBe(5)
    expect(GAP_FLOOR_S).toBe(5)
    expect(GAP_CEILING_S).toBe(300)
  })

  it('never goes below 5 s for fast sampling', () => {
    expect(gapThresholdS(0.1)).toBe(5)
    expect(gapThresholdS(0.5)).toBe(5)
    expect(gapThresholdS(1)).toBe(5)
  })

  it('is five median intervals between the floor and the ceiling', () => {
    expect(gapThresholdS(2)).toBe(10)
    expect(gapThresholdS(15)).toBe(75)
    expect(gapThresholdS(59.9)).toBeCloseTo(299.5, 10)
  })

  it('never goes above 300 s for slow sampling', () => {
    expect(gapThresholdS(60)).toBe(300)
    expect(gapThresholdS(600)).toBe(300)
    expect(gapThresholdS(3600)).toBe(300)
  })

  it('falls back to the floor when no median is known', () => {
    expect(gapThresholdS(Number.NaN)).toBe(5)
    expect(gapThresholdS(Number.POSITIVE_INFINITY)).toBe(5)
  })
})
