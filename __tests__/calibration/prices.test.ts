import { describe, expect, test } from '@jest/globals'

import { loadCalibration } from '../../src/calibration/load.js'
import {
  getElectricityPrice,
  getGpuHourPrice,
  listGpuHourPrices
} from '../../src/calibration/prices.js'

describe('GPU-hour prices', () => {
  test('every price is dated, sourced and rated for reliability', () => {
    for (const price of listGpuHourPrices()) {
      expect(price.as_of.length).toBeGreaterThan(3)
      expect(price.source.url ?? price.source.document).toBeTruthy()
      expect(price.reliability).toBeTruthy()
    }
  })

  test('finds the AWS H100 on-demand list price, not the capacity block', () => {
    expect(getGpuHourPrice('aws', 'h100-sxm')).toMatchObject({
      id: 'aws-p5-48xlarge',
      usd_per_gpu_hour: 12.29,
      reliability: 'list-price'
    })
  })

  test('prefers the cheaper per-GPU row among equally reliable ones', () => {
    expect(getGpuHourPrice('Lambda', 'h100-sxm')?.usd_per_gpu_hour).toBe(2.99)
  })

  test('gives nothing for an unknown provider or GPU', () => {
    expect(getGpuHourPrice('oracle', 'h100-sxm')).toBeUndefined()
    expect(getGpuHourPrice('aws', 'tpu-v5p')).toBeUndefined()
  })
})

describe('electricity prices', () => {
  test('gives the dated US figure by ISO alpha-2 code, any case', () => {
    expect(getElectricityPrice('us')).toMatchObject({
      country: 'US',
      usd_per_kwh: 0.12,
      year: 2019
    })
    expect(getElectricityPrice('US')?.note).toMatch(/Dated/)
  })

  test('gives nothing for a country without a cited price', () => {
    expect(getElectricityPrice('DE')).toBeUndefined()
  })

  test('names the broken reference when a price points at unknown hardware', async () => {
    const { parseCalibration } = await import('../../src/calibration/load.js')
    const cal = structuredClone(loadCalibration())
    const [first] = cal.prices.records
    if (first === undefined) throw new Error('no prices')
    first.hardware_id = 'h999'
    expect(() => parseCalibration(cal)).toThrow(
      'calibration-data/prices.json: aws-p5-48xlarge names unknown hardware id "h999"'
    )
  })
})
