import { describe, expect, it } from '@jest/globals'
import { CounterSeries } from '../../src/model/counter-series.js'

/** max(2 × 700 W, 1500 W): the ceiling a wrap's implied rate must respect. */
const PLAUSIBLE_MAX_W = 1500
const T0 = Date.UTC(2024, 5, 1, 12)

/** Feeds [seconds after T0, mJ] readings, line numbers from 2. */
function counterOf(
  readings: readonly (readonly [number, number])[],
  wrapRangeMJ?: number
): CounterSeries {
  const series = new CounterSeries(PLAUSIBLE_MAX_W)
  readings.forEach(([timeS, energyMJ], i) =>
    series.add(T0 + timeS * 1000, energyMJ, i + 2, wrapRangeMJ)
  )
  return series
}

describe('CounterSeries deltas', () => {
  it('reads the counter in mJ: 5,000,000 → 21,800,000 mJ over 60 s is 16,800 J (B19)', () => {
    const summary = counterOf([
      [0, 5_000_000],
      [60, 21_800_000]
    ]).summary()
    const expectedJ = (21_800_000 - 5_000_000) / 1000
    expect(expectedJ).toBe(16_800)
    expect(summary.energyJ).toBeCloseTo(expectedJ, 9)
    expect(summary.measuredS).toBe(60)
    // Mean 280 W, not the 0.28 W a µJ misreading gives.
    expect(summary.energyJ / summary.measuredS).toBeCloseTo(280, 9)
    expect(summary.readings).toBe(2)
    expect(summary.firstMs).toBe(T0)
    expect(summary.lastMs).toBe(T0 + 60_000)
  })

  it('accepts an unchanged counter as zero energy', () => {
    const summary = counterOf([
      [0, 1_000],
      [10, 1_000],
      [20, 1_000]
    ]).summary()
    expect(summary.energyJ).toBe(0)
    expect(summary.measuredS).toBe(20)
    expect(summary.resets + summary.glitches + summary.wraps).toBe(0)
  })

  it('measures nothing from a single reading', () => {
    const summary = counterOf([[0, 9_000_000]]).summary()
    expect(summary.energyJ).toBe(0)
    expect(summary.measuredS).toBe(0)
  })
})

describe('CounterSeries wraps (B26, B27)', () => {
  // F-B26: R = 262,144,000,000 µJ = 262,144,000 mJ; 262,100,000,000 µJ
  // → 900,000,000 µJ in 10 s.
  const RANGE_MJ = 262_144_000_000 / 1000
  const BEFORE_MJ = 262_100_000_000 / 1000
  const AFTER_MJ = 900_000_000 / 1000

  it('adds the known range on a decrease: 944 J over 10 s (B26)', () => {
    const summary = counterOf(
      [
        [0, BEFORE_MJ],
        [10, AFTER_MJ]
      ],
      RANGE_MJ
    ).summary()
    const expectedJ = (RANGE_MJ - BEFORE_MJ + AFTER_MJ) / 1000
    expect(expectedJ).toBe(944)
    expect(summary.energyJ).toBeCloseTo(expectedJ, 9)
    expect(summary.energyJ / summary.measuredS).toBeCloseTo(94.4, 9)
    expect(summary.wraps).toBe(1)
    expect(summary.resets).toBe(0)
  })

  it('treats a decrease of unknown range as a reset: the interval is excluded and counted (B27)', () => {
    const summary = counterOf([
      [0, BEFORE_MJ],
      [10, AFTER_MJ]
    ]).summary()
    expect(summary.energyJ).toBe(0)
    expect(summary.measuredS).toBe(0)
    expect(summary.resets).toBe(1)
    expect(summary.gapS).toBe(10)
    expect(summary.gapList).toEqual([{ startMs: T0, endMs: T0 + 10_000 }])
  })

  it('keeps the energy on both sides of an unknown wrap and never goes down (B27)', () => {
    const readings: [number, number][] = [
      [0, BEFORE_MJ - 100_000],
      [10, BEFORE_MJ],
      [20, AFTER_MJ],
      [30, AFTER_MJ + 944_000]
    ]
    const summary = counterOf(readings).summary()
    // 100 J before, 944 J after; the 10 s across the wrap is left out.
    expect(summary.energyJ).toBeCloseTo(100 + 944, 9)
    expect(summary.measuredS).toBe(20)
    expect(summary.gapS).toBe(10)
    expect(summary.resets).toBe(1)
  })

  it('treats a decrease as a reset when adding the range implies an implausible power', () => {
    // 1,000,000 → 500,000 mJ in 10 s with the range added would be
    // 261,644 J in 10 s ≈ 26 kW, above 1500 W.
    const summary = counterOf(
      [
        [0, 1_000_000],
        [10, 500_000],
        [20, 600_000]
      ],
      RANGE_MJ
    ).summary()
    expect(summary.wraps).toBe(0)
    expect(summary.resets).toBe(1)
    // Only the 100 J after the reset is measured.
    expect(summary.energyJ).toBeCloseTo(100, 9)
    expect(summary.measuredS).toBe(10)
  })
})

describe('CounterSeries resets and glitches', () => {
  it('splits a reset into two segments and a gap: 2000 J + 2000 J measured, 10 s gap (B29)', () => {
    const readings: [number, number][] = [
      [0, 1_500_000],
      [10, 3_500_000],
      [20, 12_500],
      [30, 2_012_500]
    ]
    const summary = counterOf(readings).summary()
    const firstJ = (3_500_000 - 1_500_000) / 1000
    const secondJ = (2_012_500 - 12_500) / 1000
    expect([firstJ, secondJ]).toEqual([2000, 2000])
    expect(summary.energyJ).toBeCloseTo(firstJ + secondJ, 9)
    expect(summary.measuredS).toBe(20)
    expect(summary.resets).toBe(1)
    expect(summary.gapS).toBe(10)
    expect(summary.gapList).toEqual([
      { startMs: T0 + 10_000, endMs: T0 + 20_000 }
    ])
  })

  it('drops a reading that dips and comes back on trend (glitch)', () => {
    const summary = counterOf([
      [0, 1_000_000],
      [10, 2_000_000],
      [20, 500],
      [30, 4_000_000]
    ]).summary()
    // The dip is ignored: 1000 J, then 2000 J from t=10 s to t=30 s.
    expect(summary.glitches).toBe(1)
    expect(summary.resets).toBe(0)
    expect(summary.energyJ).toBeCloseTo(3000, 9)
    expect(summary.measuredS).toBe(30)
    expect(summary.gapS).toBe(0)
  })

  it('counts a decrease still pending at the end as a reset', () => {
    const summary = counterOf([
      [0, 1_000_000],
      [10, 2_000_000],
      [20, 3_000]
    ]).summary()
    expect(summary.resets).toBe(1)
    expect(summary.glitches).toBe(0)
    expect(summary.energyJ).toBeCloseTo(1000, 9)
    expect(summary.gapS).toBe(10)
  })

  it('never reports negative energy whatever the sequence', () => {
    const summary = counterOf([
      [0, 5_000_000],
      [1, 4_000_000],
      [2, 3_000_000],
      [3, 2_000_000],
      [4, 2_500_000]
    ]).summary()
    expect(summary.energyJ).toBeGreaterThanOrEqual(0)
    expect(summary.energyJ).toBeCloseTo(500, 9)
  })
})
