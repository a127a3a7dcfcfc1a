import { describe, expect, it } from '@jest/globals'
import { UtilizationSeries } from '../../src/model/utilization-series.js'

const T0 = Date.UTC(2024, 5, 1, 12)

describe('UtilizationSeries', () => {
  it('integrates utilisation with the trapezoid rule in percent-seconds', () => {
    const series = new UtilizationSeries()
    series.add(T0, 0)
    series.add(T0 + 10_000, 100)
    series.add(T0 + 15_000, 50)
    // 10 s × 50 % + 5 s × 75 %
    expect(series.summary()).toEqual({ integralPctS: 500 + 375, spanS: 15 })
  })

  it('gives zero for a single reading', () => {
    const series = new UtilizationSeries()
    series.add(T0, 80)
    expect(series.summary()).toEqual({ integralPctS: 0, spanS: 0 })
  })

  it('ignores readings that are not later than the last one', () => {
    const series = new UtilizationSeries()
    series.add(T0, 40)
    series.add(T0 + 4_000, 60)
    series.add(T0 + 2_000, 100)
    series.add(T0 + 4_000, 0)
    series.add(T0 + 6_000, 60)
    // 4 s × 50 % + 2 s × 60 %
    expect(series.summary()).toEqual({ integralPctS: 200 + 120, spanS: 6 })
  })
})
