import { describe, expect, it } from '@jest/globals'
import {
  energyAboveFloorJ,
  trapezoidJ
} from '../../src/model/dynamic-energy.js'

describe('trapezoidJ', () => {
  it('is the mean of the two readings times the duration', () => {
    // (71.2 + 73.8) / 2 × 1 s
    expect(trapezoidJ(1, 71.2, 73.8)).toBeCloseTo(72.5, 12)
    // (100 + 300) / 2 × 0.25 s
    expect(trapezoidJ(0.25, 100, 300)).toBeCloseTo(50, 12)
  })

  it('is zero over a zero duration', () => {
    expect(trapezoidJ(0, 250, 250)).toBe(0)
  })
})

describe('energyAboveFloorJ', () => {
  it('is the trapezoid minus the floor rectangle when both ends are above it', () => {
    // 150 → 250 W over 10 s above 100 W: excess 50 → 150 W, mean 100 W.
    expect(energyAboveFloorJ(10, 150, 250, 100)).toBeCloseTo(1000, 12)
  })

  it('is zero when both ends are at or below the floor', () => {
    expect(energyAboveFloorJ(10, 20, 80, 100)).toBe(0)
    expect(energyAboveFloorJ(10, 100, 100, 100)).toBe(0)
    expect(energyAboveFloorJ(10, 100, 60, 100)).toBe(0)
  })

  it('integrates only the triangle above the floor when a rising segment crosses it', () => {
    // P(t) = 40 t W over [0, 10] s; above 100 W for t in [2.5, 10] s,
    // where the excess rises linearly from 0 to 300 W: ½ × 7.5 s × 300 W.
    expect(energyAboveFloorJ(10, 0, 400, 100)).toBeCloseTo(1125, 12)
  })

  it('integrates only the triangle above the floor when a falling segment crosses it', () => {
    // Mirror image of the rising case.
    expect(energyAboveFloorJ(10, 400, 0, 100)).toBeCloseTo(1125, 12)
  })

  it('handles an asymmetric crossing', () => {
    // 50 → 250 W over 4 s, floor 200 W: P(t) = 50 + 50 t, equals 200 W at
    // t = 3 s; excess rises 0 → 50 W over the last 1 s: ½ × 1 × 50 = 25 J.
    expect(energyAboveFloorJ(4, 50, 250, 200)).toBeCloseTo(25, 12)
  })

  it('counts a segment that starts exactly on the floor in full', () => {
    // 100 → 200 W over 10 s, floor 100 W: excess 0 → 100 W, ½ × 10 × 100.
    expect(energyAboveFloorJ(10, 100, 200, 100)).toBeCloseTo(500, 12)
  })

  it('equals the trapezoid when the floor is zero', () => {
    expect(energyAboveFloorJ(3, 120, 180, 0)).toBeCloseTo(
      trapezoidJ(3, 120, 180),
      12
    )
  })

  it('never exceeds the trapezoid and is never negative', () => {
    for (const [startW, endW] of [
      [0, 700],
      [700, 0],
      [30, 31],
      [650, 90]
    ] as const) {
      for (const floorW of [0, 50, 90, 300, 800]) {
        const above = energyAboveFloorJ(2, startW, endW, floorW)
        expect(above).toBeGreaterThanOrEqual(0)
        expect(above).toBeLessThanOrEqual(trapezoidJ(2, startW, endW) + 1e-9)
      }
    }
  })
})
