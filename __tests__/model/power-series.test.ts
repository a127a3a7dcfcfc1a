import { describe, expect, it } from '@jest/globals'
import { PowerSeries } from '../../src/model/power-series.js'
import { InputError } from '../../src/telemetry/input-error.js'

const LIMITS = { idleW: 50, plausibleMaxW: 1500 }
const FILE = 'gpu.csv'
/** 2024-06-01T12:00:00Z in epoch ms. */
const T0 = Date.UTC(2024, 5, 1, 12)

/** Feeds [seconds after T0, W] readings, line numbers from 2. */
function seriesOf(
  readings: readonly (readonly [number, number | null])[],
  aux = Number.NaN
): PowerSeries {
  const series = new PowerSeries(LIMITS, FILE)
  readings.forEach(([timeS, powerW], i) =>
    series.add(T0 + timeS * 1000, powerW, i + 2, aux)
  )
  return series
}

/** Readings every `stepS` seconds over [startS, endS] at `powerW`. */
function steady(
  startS: number,
  endS: number,
  stepS: number,
  powerW: number
): [number, number][] {
  const readings: [number, number][] = []
  for (let t = startS; t <= endS + 1e-9; t += stepS) readings.push([t, powerW])
  return readings
}

describe('PowerSeries trapezoid integration', () => {
  it('integrates irregular timestamps with the trapezoid rule', () => {
    const series = seriesOf([
      [0, 100],
      [0.5, 200],
      [2, 150],
      [2.25, 300],
      [4, 100]
    ])
    const summary = series.summary()

    // 0.5×150 + 1.5×175 + 0.25×225 + 1.75×200
    const expectedJ = 75 + 262.5 + 56.25 + 350
    expect(summary.measured.energyJ).toBeCloseTo(expectedJ, 10)
    expect(summary.measured.durationS).toBeCloseTo(4, 10)
    expect(summary.gaps.count).toBe(0)
    expect(summary.samples).toBe(5)
    expect(summary.maxW).toBe(300)
    expect(summary.firstValidMs).toBe(T0)
    expect(summary.lastValidMs).toBe(T0 + 4000)
  })

  it('integrates the energy above idle for the dynamic term', () => {
    const summary = seriesOf([
      [0, 100],
      [0.5, 200],
      [2, 150],
      [2.25, 300],
      [4, 100]
    ]).summary()
    // Every reading is above the 50 W idle: trapezoid − 50 W × 4 s.
    expect(summary.measured.dynamicEnergyJ).toBeCloseTo(743.75 - 200, 10)
  })

  it('takes the median interval from the intervals between valid readings', () => {
    const summary = seriesOf(steady(0, 20, 2, 100)).summary()
    expect(summary.medianIntervalS).toBeCloseTo(2, 10)
    expect(summary.gapThresholdS).toBeCloseTo(10, 10)
  })
})

describe('PowerSeries gaps', () => {
  it('does not bridge an interval longer than the gap threshold', () => {
    // 100 W for 10 s, a 50 s hole, then 200 W for 30 s; 1 s sampling.
    const series = seriesOf([
      ...steady(0, 10, 1, 100),
      ...steady(60, 90, 1, 200)
    ])
    const summary = series.summary()

    expect(summary.gapThresholdS).toBe(5)
    expect(summary.measured.durationS).toBeCloseTo(40, 10)
    expect(summary.measured.energyJ).toBeCloseTo(10 * 100 + 30 * 200, 10)
    expect(summary.gaps.count).toBe(1)
    expect(summary.gaps.durationS).toBeCloseTo(50, 10)
    expect(summary.gapList).toEqual([
      { startMs: T0 + 10_000, endMs: T0 + 60_000 }
    ])
  })

  it('bridges an interval just under the threshold', () => {
    // 1 s sampling, one 4.5 s interval (< 5 s): still measured.
    const summary = seriesOf([
      ...steady(0, 10, 1, 100),
      ...steady(14.5, 20.5, 1, 100)
    ]).summary()
    expect(summary.gaps.count).toBe(0)
    expect(summary.measured.energyJ).toBeCloseTo(20.5 * 100, 10)
  })

  it('scales the threshold with slow sampling and caps it at 300 s', () => {
    // 60 s sampling: threshold clamp(300, 5, 300) = 300 s; a 240 s hole
    // is bridged, a 600 s hole is a gap.
    const summary = seriesOf([
      ...steady(0, 600, 60, 100),
      [840, 100],
      ...steady(1440, 2040, 60, 100)
    ]).summary()
    expect(summary.gapThresholdS).toBe(300)
    expect(summary.gaps.count).toBe(1)
    expect(summary.gaps.durationS).toBeCloseTo(600, 10)
    expect(summary.measured.durationS).toBeCloseTo(2040 - 600, 10)
  })
})

describe('PowerSeries missing and implausible readings', () => {
  it('skips a missing reading (null) instead of reading it as 0 W', () => {
    const summary = seriesOf([
      [0, 100],
      [1, null],
      [2, 100]
    ]).summary()
    // Read as 0 W the trapezoid would give 100 J; skipped, 200 J.
    expect(summary.measured.energyJ).toBeCloseTo(200, 10)
    expect(summary.missing).toBe(1)
    expect(summary.samples).toBe(2)
  })

  it('measures nothing from a series of missing readings', () => {
    const summary = seriesOf([
      [0, null],
      [1, null],
      [2, null]
    ]).summary()
    expect(summary.samples).toBe(0)
    expect(summary.missing).toBe(3)
    expect(summary.measured.durationS).toBe(0)
    expect(summary.measured.energyJ).toBe(0)
  })

  it('leaves out and counts readings below 0 W or above the plausible maximum', () => {
    const summary = seriesOf([
      [0, 100],
      [1, -5],
      [2, 100],
      [3, 160_000],
      [4, 100]
    ]).summary()
    // Neither clamped to 0 nor to 1500 W: the 4 s are 100 W throughout.
    expect(summary.measured.energyJ).toBeCloseTo(400, 10)
    expect(summary.implausible).toBe(2)
    expect(summary.firstImplausibleLine).toBe(3)
    expect(summary.maxW).toBe(100)
    expect(summary.samples).toBe(3)
  })

  it('accepts readings on the plausibility bounds themselves', () => {
    const summary = seriesOf([
      [0, 0],
      [1, 1500]
    ]).summary()
    expect(summary.implausible).toBe(0)
    expect(summary.measured.energyJ).toBeCloseTo(750, 10)
  })
})

describe('PowerSeries timestamps (B38)', () => {
  it('drops an exact duplicate row', () => {
    const summary = seriesOf([
      [0, 100],
      [1, 200],
      [1, 200],
      [2, 200]
    ]).summary()
    expect(summary.measured.energyJ).toBeCloseTo(150 + 200, 10)
    expect(summary.samples).toBe(3)
  })

  it('throws an InputError naming the line for two values at one time', () => {
    const series = seriesOf([
      [0, 100],
      [1, 200]
    ])
    const add = (): void => series.add(T0 + 1000, 210, 4, Number.NaN)
    expect(add).toThrow(InputError)
    expect(add).toThrow(/^gpu\.csv:4: /)
    expect(add).toThrow(/two different readings/)
  })

  it('throws an InputError naming the line when time goes backwards', () => {
    const series = seriesOf([
      [0, 100],
      [5, 200]
    ])
    let caught: unknown
    try {
      series.add(T0 + 3000, 150, 9, Number.NaN)
    } catch (error) {
      caught = error
    }
    expect(caught).toBeInstanceOf(InputError)
    expect((caught as InputError).line).toBe(9)
    expect((caught as InputError).file).toBe(FILE)
    expect((caught as InputError).message).toMatch(/time goes back/)
  })

  it('throws for a missing and a real reading at one time', () => {
    const series = seriesOf([[0, null]])
    expect(() => series.add(T0, 120, 3, Number.NaN)).toThrow(/gpu\.csv:3: /)
  })
})

describe('PowerSeries stale sensor', () => {
  it('flags a value identical for more than 60 s while the row changes', () => {
    const series = new PowerSeries(LIMITS, FILE)
    for (let t = 0; t <= 90; t++) {
      series.add(T0 + t * 1000, 250, t + 2, 60 + (t % 7))
    }
    const { stale, measured } = series.summary()
    expect(stale.periods).toBe(1)
    expect(stale.durationS).toBe(90)
    expect(stale.rowChanged).toBe(true)
    // Still integrated as read.
    expect(measured.energyJ).toBeCloseTo(250 * 90, 10)
  })

  it('does not flag a steady load whose row does not change', () => {
    const series = new PowerSeries(LIMITS, FILE)
    for (let t = 0; t <= 90; t++) series.add(T0 + t * 1000, 250, t + 2, 61)
    expect(series.summary().stale.periods).toBe(0)
  })
})
