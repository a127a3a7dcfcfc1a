import type { AuditResult } from '../../src/audit/audit-schema.js'
import { buildAuditResult, buildDevice } from '../report/audit-fixture.js'

/**
 * Audit results for the comparison tests: the report fixture (two H100s
 * in Sweden, PUE 1.2) with the numbers a test compares set by hand.
 */

/** The values a comparison test sets; the rest stays the fixture's. */
export interface CompareValues {
  carbonKg: number
  facilityKWh?: number
  itKWh?: number
  region?: string
  pue?: number
  workload?: string
  gpus?: { hardwareId: string | null; name: string | null; count: number }
}

/** A valid result with these carbon, energy, region, PUE and GPUs. */
export function resultWith(values: CompareValues): AuditResult {
  return buildAuditResult(draft => {
    draft.carbon.kg = values.carbonKg
    draft.carbon.low_kg = values.carbonKg
    draft.carbon.high_kg = values.carbonKg
    draft.energy.facility_kwh = values.facilityKWh ?? 1
    draft.energy.it_kwh = values.itKWh ?? 1
    draft.carbon.region = values.region ?? 'SE'
    draft.assumptions.region = {
      value: values.region ?? 'SE',
      source: 'given',
      is_default: false
    }
    draft.assumptions.pue = {
      ...draft.assumptions.pue!,
      value: values.pue ?? 1.2
    }
    if (values.workload !== undefined) {
      draft.assumptions.workload = {
        value: values.workload,
        source: 'given',
        is_default: false
      }
    }
    if (values.gpus) draft.devices = gpuDevices(values.gpus)
  })
}

/** `count` GPUs of one model. */
function gpuDevices(gpus: NonNullable<CompareValues['gpus']>) {
  return Array.from({ length: gpus.count }, (_, i) =>
    buildDevice(i, device => {
      device.hardware_id = gpus.hardwareId
      device.name = gpus.name
    })
  )
}

/** The result with every energy and carbon figure multiplied by `factor`. */
export function scaleResult(result: AuditResult, factor: number): AuditResult {
  const energy = Object.fromEntries(
    Object.entries(result.energy).map(([key, kwh]) => [key, kwh * factor])
  ) as AuditResult['energy']
  return {
    ...result,
    energy,
    carbon: {
      ...result.carbon,
      kg: result.carbon.kg * factor,
      low_kg: result.carbon.low_kg * factor,
      high_kg: result.carbon.high_kg * factor
    }
  }
}
