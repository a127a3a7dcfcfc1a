import { describe, expect, it } from '@jest/globals'
import { IntervalHistogram } from '../../src/model/interval-histogram.js'

/** A histogram holding these intervals, each with energy = 100 W × interval. */
function histogramOf(intervalsS: readonly number[]): IntervalHistogram {
  const histogram = new IntervalHistogram()
  for (const durationS of intervalsS) {
    histogram.add(durationS, 100 * durationS, 40 * durationS)
  }
  return histogram
}

/** The textbook lower median of a set (the histogram's definition). */
function lowerMedian(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.ceil(sorted.length / 2) - 1]!
}

/** Deterministic pseudo-random numbers in [0, 1) (a small LCG). */
function pseudoRandom(seed: number): () => number {
  let state = seed
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31
    return state / 2 ** 31
  }
}

describe('IntervalHistogram median', () => {
  it('gives NaN for an empty histogram', () => {
    expect(new IntervalHistogram().medianS()).toBeNaN()
  })

  it('gives the middle interval of an odd set', () => {
    const histogram = histogramOf([3, 1, 5, 2, 4])
    expect(histogram.medianS()).toBeCloseTo(3, 10)
    expect(histogram.count).toBe(5)
  })

  it('is not pulled by a few very long intervals', () => {
    const histogram = histogramOf([1, 1, 1, 3600, 7200])
    expect(histogram.medianS()).toBeCloseTo(1, 10)
  })

  it('gives the lower middle value of an even set', () => {
    expect(histogramOf([1, 2, 3, 4]).medianS()).toBeCloseTo(2, 10)
  })

  it('gives the mean of the median bin when intervals share a 2 % bin', () => {
    // 0.5 s and 0.5025 s differ by 0.5 %, so they share a bin (or, at worst,
    // two neighbouring ones): the answer is within 2 % of both.
    const histogram = histogramOf([0.5, 0.5025, 0.5, 0.5025, 0.5])
    const median = histogram.medianS()
    expect(Math.abs(median - 0.5) / 0.5).toBeLessThanOrEqual(0.02)
    expect(Math.abs(median - 0.5025) / 0.5025).toBeLessThanOrEqual(0.02)
  })

  it('is within 2 % of the exact median for irregular sets', () => {
    const next = pseudoRandom(7)
    for (let trial = 0; trial < 50; trial++) {
      const intervals = Array.from(
        { length: 101 + trial },
        () => 0.05 + next() * 20
      )
      const exact = lowerMedian(intervals)
      const median = histogramOf(intervals).medianS()
      expect(Math.abs(median - exact) / exact).toBeLessThanOrEqual(0.02)
    }
  })

  it('keeps intervals below 0.1 ms together in the first bin', () => {
    const histogram = histogramOf([0.00001, 0.00003, 0.00005])
    expect(histogram.medianS()).toBeCloseTo(0.00003, 12)
  })
})

describe('IntervalHistogram split', () => {
  it('sums count, duration and energies on each side of the threshold', () => {
    const histogram = new IntervalHistogram()
    histogram.add(1, 100, 50)
    histogram.add(2, 300, 100)
    histogram.add(1, 120, 70)
    histogram.add(60, 6000, 3000)
    histogram.add(900, 1000, 0)

    const { measured, gaps } = histogram.split(5)

    expect(measured).toEqual({
      count: 3,
      durationS: 4,
      energyJ: 520,
      dynamicEnergyJ: 220
    })
    expect(gaps).toEqual({
      count: 2,
      durationS: 960,
      energyJ: 7000,
      dynamicEnergyJ: 3000
    })
  })

  it('counts an interval equal to the threshold as measured', () => {
    const { measured, gaps } = histogramOf([1, 5]).split(5)
    expect(measured.count).toBe(2)
    expect(gaps.count).toBe(0)
  })

  it('counts an interval more than one 2 % bin above the threshold as a gap', () => {
    const { measured, gaps } = histogramOf([1, 5 * 1.041]).split(5)
    expect(measured.count).toBe(1)
    expect(gaps.count).toBe(1)
    expect(gaps.durationS).toBeCloseTo(5.205, 10)
  })

  it('is exact to within one bin: nothing 2 % or more below the threshold is a gap', () => {
    const next = pseudoRandom(11)
    for (let trial = 0; trial < 200; trial++) {
      const thresholdS = 5 + next() * 295
      const intervals = [thresholdS * 0.98, thresholdS * 1.0405]
      const { measured, gaps } = histogramOf(intervals).split(thresholdS)
      expect(measured.count).toBe(1)
      expect(gaps.count).toBe(1)
    }
  })

  it('leaves both sides empty for an empty histogram', () => {
    const { measured, gaps } = new IntervalHistogram().split(5)
    expect(measured).toEqual({
      count: 0,
      durationS: 0,
      energyJ: 0,
      dynamicEnergyJ: 0
    })
    expect(gaps.count).toBe(0)
  })
})
