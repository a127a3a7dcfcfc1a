import { describe, expect, it } from '@jest/globals'
import {
  STALE_AFTER_S,
  StaleSensorCheck
} from '../../src/model/stale-sensor.js'

const T0 = Date.UTC(2024, 5, 1, 12)

/** One reading a second over [startS, endS]; aux from `auxAt(t)`. */
function feed(
  check: StaleSensorCheck,
  startS: number,
  endS: number,
  powerW: number,
  auxAt: (timeS: number) => number
): void {
  for (let t = startS; t <= endS; t++) {
    check.add(T0 + t * 1000, powerW, auxAt(t))
  }
}

describe('StaleSensorCheck', () => {
  it('states the 60 s rule', () => {
    expect(STALE_AFTER_S).toBe(60)
  })

  it('flags power identical for more than 60 s while the rest of the row changes', () => {
    const check = new StaleSensorCheck()
    feed(check, 0, 75, 212.5, t => 40 + t)
    const summary = check.summary()
    expect(summary).toEqual({
      periods: 1,
      durationS: 75,
      firstStartMs: T0,
      valueW: 212.5,
      rowChanged: true
    })
  })

  it('does not flag identical power when the rest of the row is constant too', () => {
    const check = new StaleSensorCheck()
    feed(check, 0, 300, 212.5, () => 61)
    expect(check.summary().periods).toBe(0)
  })

  it('flags identical power when the row has no other readings to compare', () => {
    const check = new StaleSensorCheck()
    feed(check, 0, 75, 212.5, () => Number.NaN)
    const summary = check.summary()
    expect(summary.periods).toBe(1)
    expect(summary.durationS).toBe(75)
    expect(summary.rowChanged).toBe(false)
  })

  it('does not flag exactly 60 s of identical power', () => {
    const check = new StaleSensorCheck()
    feed(check, 0, 60, 212.5, t => t)
    expect(check.summary().periods).toBe(0)
  })

  it('does not flag power that keeps changing', () => {
    const check = new StaleSensorCheck()
    for (let t = 0; t <= 300; t++) check.add(T0 + t * 1000, 200 + (t % 3), t)
    expect(check.summary().periods).toBe(0)
  })

  it('counts separate stale periods and adds their durations', () => {
    const check = new StaleSensorCheck()
    feed(check, 0, 70, 100, t => t)
    feed(check, 71, 80, 150, t => t)
    feed(check, 81, 181, 120, t => t)
    const summary = check.summary()
    expect(summary.periods).toBe(2)
    expect(summary.durationS).toBe(70 + 100)
    expect(summary.firstStartMs).toBe(T0)
    expect(summary.valueW).toBe(100)
  })
})
