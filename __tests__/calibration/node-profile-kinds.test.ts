import { describe, expect, test } from '@jest/globals'

import {
  getNodeProfile,
  recogniseNodeProfile
} from '../../src/calibration/nodes.js'
import { nodeProfileSchema } from '../../src/calibration/schemas.js'
import { findWorkloadCalibration } from '../../src/calibration/workloads.js'

const NEW_PROFILES = [
  ['pcie-4gpu-server', 'pcie-server', 'h100-pcie', 4],
  ['workstation-1gpu', 'workstation', 'rtx-4090', 1],
  ['cloud-vm-1gpu', 'cloud-vm', 'a10g', 1]
] as const

const NEW_IDS = NEW_PROFILES.map(([id]) => id)

describe('the PCIe server, workstation and cloud VM profiles', () => {
  test.each(NEW_IDS)(
    '%s validates with a rule-based, sourced host idle',
    id => {
      const profile = getNodeProfile(id)
      expect(nodeProfileSchema.safeParse(profile).success).toBe(true)
      expect(profile?.host_idle_w.derivation.length).toBeGreaterThan(100)
      expect(profile?.host_idle_w.high).toBeLessThan(
        profile?.system_max_power_w ?? 0
      )
    }
  )

  test.each(NEW_PROFILES)(
    '%s has kind %s and is recognised from %s × %i',
    (id, kind, hardwareId, count) => {
      const profile = recogniseNodeProfile(hardwareId, count)
      expect(profile?.id).toBe(id)
      expect(profile?.kind).toBe(kind)
    }
  )

  test.each([
    ['a100-pcie-80gb', 4, 'pcie-4gpu-server'],
    ['l40s', 4, 'pcie-4gpu-server'],
    ['rtx-5090', 1, 'workstation-1gpu'],
    ['rtx-4000-ada', 1, 'workstation-1gpu'],
    ['l4', 1, 'cloud-vm-1gpu'],
    ['t4', 1, 'cloud-vm-1gpu']
  ])('recognises %s × %i as %s', (hardwareId, count, id) => {
    expect(recogniseNodeProfile(hardwareId, count)?.id).toBe(id)
  })

  test.each(NEW_IDS)('%s has α_w for generic and LLM training', id => {
    for (const workload of ['generic', 'llm-training']) {
      const record = findWorkloadCalibration(workload, id)
      expect(record?.alpha.low).toBeGreaterThanOrEqual(1)
      expect(record?.alpha.high).toBeGreaterThan(record?.alpha.value ?? 9)
      expect(record?.derivation.length).toBeGreaterThan(100)
    }
  })
})

describe('recognition keeps HGX nodes and other counts apart', () => {
  test.each([
    ['h100-sxm', 8, 'hgx-h100-8gpu'],
    ['h200-sxm', 8, 'hgx-h100-8gpu'],
    ['a100-sxm4-80gb', 8, 'hgx-a100-8gpu']
  ])('still recognises 8 × %s as %s', (hardwareId, count, id) => {
    expect(recogniseNodeProfile(hardwareId, count)?.id).toBe(id)
  })

  test.each([
    ['h100-sxm', 1],
    ['h100-sxm', 4],
    ['a100-sxm4-80gb', 4],
    ['h100-pcie', 8],
    ['rtx-4090', 2],
    ['a10g', 8],
    ['generic-gpu', 1]
  ])('recognises no profile for %s × %i', (hardwareId, count) => {
    expect(recogniseNodeProfile(hardwareId, count)).toBeUndefined()
  })
})
