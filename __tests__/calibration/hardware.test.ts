import { describe, expect, test } from '@jest/globals'

import {
  genericGpu,
  getHardware,
  listHardware,
  matchHardware
} from '../../src/calibration/hardware.js'

describe('matchHardware', () => {
  test.each([
    ['NVIDIA H100 80GB HBM3', 'h100-sxm'],
    ['NVIDIA H100 PCIe', 'h100-pcie'],
    ['NVIDIA H200', 'h200-sxm'],
    ['NVIDIA A100-SXM4-80GB', 'a100-sxm4-80gb'],
    ['NVIDIA A100-SXM4-40GB', 'a100-sxm4-40gb'],
    ['NVIDIA A100-PCIE-40GB', 'a100-pcie-40gb'],
    ['NVIDIA A100 80GB PCIe', 'a100-pcie-80gb'],
    ['Tesla V100-SXM2-32GB', 'v100-sxm2-32gb'],
    ['Tesla V100-SXM2-16GB', 'v100-sxm2-16gb'],
    ['Tesla V100-PCIE-16GB', 'v100-pcie-16gb'],
    ['NVIDIA GeForce RTX 4090', 'rtx-4090'],
    ['NVIDIA GeForce RTX 4080', 'rtx-4080'],
    ['NVIDIA GeForce RTX 3060 Ti', 'rtx-3060-ti'],
    ['NVIDIA GeForce GTX 1650', 'gtx-1650'],
    ['NVIDIA RTX 4000 Ada Generation', 'rtx-4000-ada'],
    ['Tesla T4', 't4'],
    ['NVIDIA L4', 'l4'],
    ['NVIDIA L40S', 'l40s'],
    ['NVIDIA A10', 'a10'],
    ['NVIDIA A10G', 'a10g']
  ])('maps the printed name %s to %s as an exact match', (name, id) => {
    expect(matchHardware(name)).toEqual({
      hardware: expect.objectContaining({ id }),
      matched: 'exact'
    })
  })

  test.each([
    ['h100-sxm', 'h100-sxm'],
    ['h100', 'h100-sxm'],
    ['a100', 'a100-sxm4-80gb'],
    ['rtx4090', 'rtx-4090'],
    ['V100', 'v100-sxm2-32gb']
  ])('maps the alias %s to %s', (alias, id) => {
    expect(matchHardware(alias)?.hardware.id).toBe(id)
    expect(matchHardware(alias)?.matched).toBe('alias')
  })

  test('never maps an L40S to the L4 or an L4 to the L40S', () => {
    expect(matchHardware('NVIDIA L40S')?.hardware.id).toBe('l40s')
    expect(matchHardware('NVIDIA L4')?.hardware.id).toBe('l4')
  })

  test.each([
    'NVIDIA GeForce RTX 4090 D',
    'NVIDIA GeForce RTX 4080 SUPER',
    'NVIDIA A100-SXM...',
    'NVIDIA H100',
    'NVIDIA',
    'MIG 3g.20gb',
    '',
    '   '
  ])('leaves %j unknown rather than guessing', name => {
    expect(matchHardware(name)).toBeUndefined()
  })

  test('removes a CodeCarbon count prefix before matching', () => {
    expect(matchHardware('1 x NVIDIA A100-SXM4-40GB')).toEqual({
      hardware: expect.objectContaining({ id: 'a100-sxm4-40gb' }),
      matched: 'exact'
    })
    expect(matchHardware('8 x NVIDIA H100 80GB HBM3')?.hardware.id).toBe(
      'h100-sxm'
    )
  })

  test('ignores case, surrounding and repeated inner whitespace', () => {
    const match = matchHardware('  nvidia   GEFORCE rtx  4090 ')
    expect(match?.hardware.id).toBe('rtx-4090')
  })

  test('accepts names printed without the NVIDIA prefix by older drivers', () => {
    expect(matchHardware('A100-SXM4-40GB')?.hardware.id).toBe('a100-sxm4-40gb')
    expect(matchHardware('H100 80GB HBM3')?.hardware.id).toBe('h100-sxm')
  })

  test('maps a MIG instance to its parent GPU and reports the profile', () => {
    expect(matchHardware('NVIDIA A100-SXM4-40GB MIG 3g.20gb')).toEqual({
      hardware: expect.objectContaining({ id: 'a100-sxm4-40gb' }),
      matched: 'exact',
      migProfile: '3g.20gb'
    })
    const plusMe = matchHardware('NVIDIA H100 80GB HBM3 MIG 1g.10gb+me')
    expect(plusMe?.hardware.id).toBe('h100-sxm')
    expect(plusMe?.migProfile).toBe('1g.10gb+me')
  })
})

describe('catalogue lookups', () => {
  test('getHardware finds a record by id and nothing for an unknown id', () => {
    expect(getHardware('h100-sxm')?.max_power_w.value).toBe(700)
    expect(getHardware('h100')).toBeUndefined()
  })

  test('genericGpu is a wide-bounds class with no printed names', () => {
    const generic = genericGpu()
    expect(generic.id).toBe('generic-gpu')
    expect(generic.names).toEqual([])
    expect(generic.idle_w.high / generic.idle_w.low).toBeGreaterThanOrEqual(10)
    expect(generic.max_power_w.high).toBeGreaterThanOrEqual(1000)
  })

  test('every record has a max power above its idle upper bound', () => {
    for (const hw of listHardware()) {
      expect(hw.max_power_w.value).toBeGreaterThan(hw.idle_w.high)
    }
  })

  test('rule-based idle ranges are wide: high at least three times low', () => {
    const ruled = listHardware().filter(hw => hw.idle_w.basis === 'rule')
    expect(ruled.length).toBeGreaterThan(0)
    for (const hw of ruled) {
      expect(hw.idle_w.high).toBeGreaterThanOrEqual(3 * hw.idle_w.low)
    }
  })

  test('carries dense datasheet TFLOP/s, half the printed sparse figure', () => {
    const h100 = getHardware('h100-sxm')
    expect(h100?.dense_bf16_tflops).toBe(989)
    expect(h100?.dense_fp8_tflops).toBe(1979)
    expect(getHardware('v100-sxm2-32gb')?.dense_bf16_tflops).toBeNull()
  })
})
