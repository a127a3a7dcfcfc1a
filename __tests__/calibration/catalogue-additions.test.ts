import { describe, expect, test } from '@jest/globals'

import { resolveIntensity } from '../../src/calibration/carbon-intensity.js'
import { getHardware, matchHardware } from '../../src/calibration/hardware.js'
import { loadCalibration } from '../../src/calibration/load.js'

const NEW_ACCELERATORS = [
  'rtx-3090',
  'rtx-5090',
  'gb200',
  'mi250x',
  'mi300x',
  'mi325x',
  'tpu-v2',
  'tpu-v3',
  'tpu-v4',
  'tpu-v5e',
  'tpu-v5p'
]

describe('accelerator catalogue', () => {
  test('holds at least 25 accelerators besides the generic class', () => {
    const ids = loadCalibration().hardware.records.map(hw => hw.id)
    expect(ids.filter(id => id !== 'generic-gpu').length).toBeGreaterThan(25)
  })

  test.each(NEW_ACCELERATORS)('%s is present with a cited max power', id => {
    const hw = getHardware(id)
    expect(hw?.source.url ?? hw?.source.document).toBeTruthy()
    expect(hw?.max_power_w.source.title).toBeTruthy()
  })

  test('an unpublished TPU power is a wide rule, not a datasheet figure', () => {
    for (const id of ['tpu-v4', 'tpu-v5e', 'tpu-v5p']) {
      const power = getHardware(id)?.max_power_w
      expect(power).toMatchObject({ basis: 'rule', low: 70, high: 1000 })
      expect(power?.note).toMatch(/publishes no|Not published/)
    }
  })

  test('TPU v2 and v3 take their TDP from Patterson et al. 2021', () => {
    expect(getHardware('tpu-v2')?.max_power_w.value).toBe(280)
    expect(getHardware('tpu-v3')?.max_power_w.value).toBe(450)
    expect(getHardware('tpu-v3')?.source.url).toBe(
      'https://arxiv.org/abs/2104.10350'
    )
  })
})

describe('matchHardware for the added accelerators', () => {
  test.each([
    ['NVIDIA GeForce RTX 3090', 'rtx-3090', 'exact'],
    ['GeForce RTX 3090', 'rtx-3090', 'exact'],
    ['NVIDIA GeForce RTX 5090', 'rtx-5090', 'exact'],
    ['NVIDIA GB200', 'gb200', 'exact'],
    ['AMD Instinct MI300X', 'mi300x', 'exact'],
    ['AMD Instinct MI300X VF', 'mi300x', 'exact'],
    ['amd instinct mi325x', 'mi325x', 'exact'],
    ['mi250x', 'mi250x', 'alias'],
    ['tpu-v5e', 'tpu-v5e', 'alias'],
    ['v5p', 'tpu-v5p', 'alias']
  ])('maps %s to %s (%s)', (name, id, matched) => {
    expect(matchHardware(name)).toMatchObject({ hardware: { id }, matched })
  })

  test.each([
    'NVIDIA GeForce RTX 3090 Ti',
    'NVIDIA GeForce RTX 5090 D',
    'NVIDIA GB200 NVL72',
    'NVIDIA GB300',
    'AMD Instinct MI300A',
    'AMD Instinct MI250',
    'mi300',
    'tpu-v6e',
    'tpu'
  ])('leaves %s unknown rather than guessing', name => {
    expect(matchHardware(name)).toBeUndefined()
  })
})

describe('cloud regions', () => {
  const regions = loadCalibration().regions.cloud_regions

  test('maps at least 60 regions, at least 20 per provider', () => {
    expect(regions.length).toBeGreaterThanOrEqual(60)
    for (const provider of ['aws', 'gcp', 'azure']) {
      const own = regions.filter(r => r.provider === provider)
      expect(own.length).toBeGreaterThanOrEqual(20)
    }
  })

  test.each(regions.map(r => [r.id, r.zone]))(
    '%s resolves to zone %s without falling back',
    (id, zone) => {
      expect(resolveIntensity(id)).toMatchObject({
        region: zone,
        fallback: 'cloud-region'
      })
    }
  )
})
