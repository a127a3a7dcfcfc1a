import { describe, expect, test } from '@jest/globals'

import {
  getNodeProfile,
  listNodeProfiles,
  recogniseNodeProfile
} from '../../src/calibration/nodes.js'
import {
  findWorkloadCalibration,
  isWorkloadClass,
  WORKLOAD_NAMES
} from '../../src/calibration/workloads.js'

describe('recogniseNodeProfile', () => {
  test.each([
    ['h100-sxm', 8, 'hgx-h100-8gpu'],
    ['h200-sxm', 8, 'hgx-h100-8gpu'],
    ['a100-sxm4-40gb', 8, 'hgx-a100-8gpu'],
    ['a100-sxm4-80gb', 8, 'hgx-a100-8gpu']
  ])('recognises 8 × %s as %s', (hardwareId, count, profileId) => {
    expect(recogniseNodeProfile(hardwareId, count)?.id).toBe(profileId)
  })

  test.each([
    ['h100-sxm', 4],
    ['h100-pcie', 8],
    ['rtx-4090', 8],
    ['unknown', 8]
  ])('recognises no profile for %s × %i', (hardwareId, count) => {
    expect(recogniseNodeProfile(hardwareId, count)).toBeUndefined()
  })

  test('getNodeProfile returns the host idle power with its bounds', () => {
    const h100 = getNodeProfile('hgx-h100-8gpu')
    expect(h100?.host_idle_w).toMatchObject({
      value: 2200,
      low: 1400,
      high: 2900
    })
    expect(getNodeProfile('nope')).toBeUndefined()
  })

  test('host idle stays below the system rating minus the GPUs at full power', () => {
    for (const node of listNodeProfiles()) {
      expect(node.host_idle_w.high).toBeLessThan(node.system_max_power_w)
    }
  })
})

describe('findWorkloadCalibration', () => {
  test.each([
    ['llm-training', 'hgx-h100-8gpu'],
    ['generic', 'hgx-h100-8gpu'],
    ['llm-training', 'hgx-a100-8gpu'],
    ['generic', 'hgx-a100-8gpu']
  ])('has α_w for %s on %s, at least 1 and with a derivation', (w, node) => {
    const record = findWorkloadCalibration(w, node)
    expect(record?.alpha.low).toBeGreaterThanOrEqual(1)
    expect(record?.alpha.high).toBeGreaterThan(record?.alpha.value ?? Infinity)
    expect(record?.derivation.length).toBeGreaterThan(100)
  })

  test('gives H100 LLM training α_w 1.15 within 1.0–1.5', () => {
    const record = findWorkloadCalibration('llm-training', 'hgx-h100-8gpu')
    expect(record?.alpha).toEqual({ value: 1.15, low: 1.0, high: 1.5 })
  })

  test('returns undefined for an unknown workload or node profile', () => {
    expect(findWorkloadCalibration('gaming', 'hgx-h100-8gpu')).toBeUndefined()
    expect(findWorkloadCalibration('generic', 'pcie-box')).toBeUndefined()
  })

  test('lists the five workload classes and recognises only those', () => {
    expect(WORKLOAD_NAMES).toEqual([
      'llm-training',
      'fine-tuning',
      'inference',
      'vision-training',
      'generic'
    ])
    expect(isWorkloadClass('inference')).toBe(true)
    expect(isWorkloadClass('Inference')).toBe(false)
  })
})
