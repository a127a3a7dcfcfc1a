import { describe, expect, it } from '@jest/globals'
import { compareAudits } from '../../src/compare/compare-audits.js'
import { parseGateOptions } from '../../src/compare/gate-options.js'
import { buildDevice } from '../report/audit-fixture.js'
import { type CompareValues, resultWith } from './compare-fixture.js'

const GATES = parseGateOptions({
  'max-increase': '10%',
  'carbon-budget-kg': '1'
})

/** Compares two results built from these values. */
function compare(base: CompareValues, head: CompareValues) {
  return compareAudits(resultWith(base), resultWith(head), GATES, 'base.json')
}

const H100 = { hardwareId: 'h100-sxm', name: 'NVIDIA H100 80GB HBM3' }
const A100 = { hardwareId: 'a100-sxm4-80gb', name: 'NVIDIA A100-SXM4-80GB' }

describe('not comparable', () => {
  it('is neutral when the GPU model differs, even at +100 % (B43)', () => {
    const comparison = compare(
      { carbonKg: 0.5, gpus: { ...H100, count: 2 } },
      { carbonKg: 1.0, gpus: { ...A100, count: 2 } }
    )
    expect(comparison.verdict).toBe('neutral')
    expect(comparison.comparable).toBe(false)
    expect(comparison.change_percent).toBeNull()
    expect(comparison.reasons).toEqual([
      'hardware differs (2 × h100-sxm vs 2 × a100-sxm4-80gb): not comparable'
    ])
    expect(comparison.base_value).toBe(0.5)
    expect(comparison.head_value).toBe(1)
  })

  it('still fails a head over carbon-budget-kg when the base was under it', () => {
    const gates = parseGateOptions({ 'carbon-budget-kg': '0.7' })
    const comparison = compareAudits(
      resultWith({ carbonKg: 0.56, gpus: { ...H100, count: 2 } }),
      resultWith({ carbonKg: 0.84, gpus: { ...H100, count: 3 } }),
      gates,
      'base.json'
    )
    expect(comparison.verdict).toBe('fail')
    expect(comparison.comparable).toBe(false)
    expect(comparison.gates).toEqual([
      { name: 'carbon-budget-kg', limit: 0.7, value: 0.84, passed: false }
    ])
    expect(comparison.reasons).toContain(
      'carbon 0.84 kg CO2e exceeds the 0.7 kg budget; the budget holds even though the base is not comparable'
    )
  })

  it('lets a head over budget pass when the base was over too and it is no worse', () => {
    const gates = parseGateOptions({ 'carbon-budget-kg': '0.5' })
    const comparison = compareAudits(
      resultWith({ carbonKg: 0.9, gpus: { ...H100, count: 2 } }),
      resultWith({ carbonKg: 0.8, gpus: { ...A100, count: 2 } }),
      gates,
      'base.json'
    )
    expect(comparison.verdict).toBe('neutral')
    expect(comparison.gates?.[0]?.passed).toBe(true)
  })

  it('is neutral when the GPU count differs', () => {
    const comparison = compare(
      { carbonKg: 0.5, gpus: { ...H100, count: 2 } },
      { carbonKg: 0.5, gpus: { ...H100, count: 4 } }
    )
    expect(comparison.reasons).toEqual([
      'hardware differs (2 × h100-sxm vs 4 × h100-sxm): not comparable'
    ])
  })

  it('matches GPUs by name when the catalogue did not know them', () => {
    const unknown = { hardwareId: null, name: 'Mystery GPU', count: 2 }
    const comparison = compare(
      { carbonKg: 0.5, gpus: unknown },
      { carbonKg: 0.5, gpus: unknown }
    )
    expect(comparison.comparable).toBe(true)
    expect(comparison.verdict).toBe('pass')
  })

  it('ignores devices that are not GPUs', () => {
    const base = resultWith({ carbonKg: 0.5 })
    const head = resultWith({ carbonKg: 0.5 })
    head.devices.push(buildDevice(9, device => (device.kind = 'cpu')))
    expect(compareAudits(base, head, GATES, 'b').comparable).toBe(true)
  })

  it('is neutral when the workload differs, naming both', () => {
    const comparison = compare(
      { carbonKg: 0.5, workload: 'training' },
      { carbonKg: 0.5 }
    )
    expect(comparison.verdict).toBe('neutral')
    expect(comparison.reasons).toEqual([
      'workload differs (training vs not stated): not comparable'
    ])
  })

  it('strips control characters from file text it quotes', () => {
    const comparison = compare(
      { carbonKg: 0.5, gpus: { ...H100, count: 1 } },
      {
        carbonKg: 0.5,
        gpus: { ...H100, hardwareId: 'x\u001b[31m\u202e', count: 1 }
      }
    )
    expect(comparison.reasons).toEqual([
      'hardware differs (1 × h100-sxm vs 1 × x[31m): not comparable'
    ])
  })
})

describe('different region or PUE', () => {
  it('compares facility energy when only the region differs', () => {
    const comparison = compare(
      { carbonKg: 0.036, facilityKWh: 1, region: 'SE' },
      { carbonKg: 0.4, facilityKWh: 1.05, region: 'DE' }
    )
    // (1.05 − 1) / 1 = +5 % energy; carbon rose elevenfold with the grid
    expect(comparison.metric).toBe('facility_energy')
    expect(comparison.unit).toBe('kWh')
    expect(comparison.change_percent).toBeCloseTo(5, 9)
    expect(comparison.base_carbon_kg).toBe(0.036)
    expect(comparison.verdict).toBe('pass')
    expect(comparison.reasons).toEqual([
      'regions differ (SE vs DE): compared on energy',
      'energy +5 % is within max-increase 10 %',
      'carbon 0.4 kg CO2e is within the 1 kg budget'
    ])
  })

  it('still holds the head to the carbon budget in its new region', () => {
    const comparison = compare(
      { carbonKg: 0.036, facilityKWh: 1, region: 'SE' },
      { carbonKg: 1.2, facilityKWh: 1, region: 'PL' }
    )
    expect(comparison.verdict).toBe('fail')
    expect(comparison.reasons.at(-1)).toBe(
      'carbon 1.2 kg CO2e exceeds the 1 kg budget (base 0.036 kg CO2e)'
    )
  })

  it('compares IT energy before PUE when the PUE differs', () => {
    const comparison = compare(
      { carbonKg: 0.04, facilityKWh: 1.2, itKWh: 1, pue: 1.2 },
      { carbonKg: 0.05, facilityKWh: 1.5, itKWh: 1, pue: 1.5 }
    )
    expect(comparison.metric).toBe('it_energy')
    expect(comparison.change_percent).toBe(0)
    expect(comparison.reasons[0]).toBe(
      'PUE differs (1.2 vs 1.5): compared on IT energy before PUE'
    )
  })

  it('says both when region and PUE differ, comparing IT energy', () => {
    const comparison = compare(
      { carbonKg: 0.04, itKWh: 1, pue: 1.2, region: 'SE' },
      { carbonKg: 0.5, itKWh: 1.2, pue: 1.4, region: 'DE' }
    )
    // (1.2 − 1) / 1 = +20 % IT energy
    expect(comparison.metric).toBe('it_energy')
    expect(comparison.verdict).toBe('fail')
    expect(comparison.reasons.slice(0, 3)).toEqual([
      'PUE differs (1.2 vs 1.4): compared on IT energy before PUE',
      'regions differ (SE vs DE): compared on IT energy',
      'IT energy +20 % exceeds max-increase 10 %'
    ])
  })
})
