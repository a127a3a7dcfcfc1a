import {
  AuditResult,
  type Device,
  type Warning
} from '../../src/audit/audit-schema.js'

/**
 * Hand-built audit results for the report tests. Every result goes through
 * AuditResult.parse, so a fixture that drifts from the schema fails loudly.
 */

/** The licence line the fixtures carry, asserted verbatim in reports. */
export const FIXTURE_LICENCE =
  'CC BY 4.0: Ember, Yearly Electricity Data (2025), via The Green Web Foundation co2.js'

/** One GPU of a small two-GPU node, measured at L2. */
export function buildDevice(index: number, edit?: (d: Device) => void): Device {
  const device: Device = {
    id: `node-a/GPU-${String(index).padStart(4, '0')}`,
    kind: 'gpu',
    name: 'NVIDIA H100 80GB HBM3',
    hardware_id: 'h100-sxm',
    uuid: `GPU-${index}`,
    node: 'node-a',
    job: null,
    file: 'telemetry/node-a.csv',
    level: 'L2',
    level_reason: 'power.draw measured',
    field: 'power.draw',
    samples: 7200,
    first: '2026-03-01T10:00:00.000Z',
    last: '2026-03-01T11:00:00.000Z',
    median_interval_s: 0.5,
    coverage: 0.995,
    energy_kwh: 0.4567,
    low_kwh: 0.4401,
    high_kwh: 0.4733,
    mean_w: 456.7,
    max_w: 699.5,
    gaps: [],
    gap_count: 0,
    warnings: []
  }
  edit?.(device)
  return device
}

/** A warning of a code, numbered so lines tell them apart. */
export function buildWarning(
  code: Warning['code'],
  line: number,
  edit?: (w: Warning) => void
): Warning {
  const warning: Warning = {
    code,
    message: `${code} number ${line}`,
    file: 'telemetry/node-a.csv',
    line
  }
  edit?.(warning)
  return warning
}

/** A valid two-GPU L2 result in Sweden; `edit` changes any field. */
export function buildAuditResult(
  edit?: (draft: AuditResult) => void
): AuditResult {
  const draft: AuditResult = {
    schema: 'ecocompute.audit/v1',
    generator: 'ecocompute 0.1.0',
    created: '2026-03-01T11:05:00.000Z',
    grounding: {
      level: 'L2',
      devices: { 'node-a/GPU-0000': 'L2', 'node-a/GPU-0001': 'L2' },
      reasons: ['node node-a: no node profile matched: host not modelled']
    },
    window: {
      start: '2026-03-01T10:00:00.000Z',
      end: '2026-03-01T11:00:00.000Z',
      duration_s: 3600
    },
    energy: {
      gpu_kwh: 0.9134,
      measured_gpu_kwh: 0.9134,
      it_kwh: 0.9134,
      facility_kwh: 1.0961,
      low_kwh: 1.0212,
      high_kwh: 1.2317
    },
    carbon: {
      kg: 0.0394,
      low_kg: 0.0306,
      high_kg: 0.0493,
      intensity_g_per_kwh: 36,
      intensity_low_g_per_kwh: 30,
      intensity_high_g_per_kwh: 40,
      region: 'SE',
      fallback: 'country',
      dataset: 'Ember yearly country averages',
      year: 2024,
      licence: FIXTURE_LICENCE
    },
    cost: {
      energy_usd: null,
      compute_usd: null,
      total_usd: null,
      low_usd: null,
      high_usd: null,
      currency: 'USD'
    },
    equivalents: [
      {
        kind: 'passenger-car-km',
        value: 0.158,
        unit: 'km',
        source: 'US EPA, EPA-420-F-23-014 (2023)'
      }
    ],
    assumptions: {
      pue: {
        value: 1.2,
        low: 1.1,
        high: 1.3,
        source: 'Uptime Institute 2024 survey',
        is_default: true
      },
      region: { value: 'SE', source: 'given', is_default: false },
      electricity_price_usd_per_kwh: {
        value: null,
        source: 'not given: energy cost not computed',
        is_default: true
      }
    },
    inputs: [
      {
        file: 'telemetry/node-a.csv',
        format: 'nvidia-smi-csv',
        devices: 2,
        lines: 14401,
        rejected_rows: 0
      }
    ],
    devices: [buildDevice(0), buildDevice(1)],
    warnings: []
  }
  edit?.(draft)
  return AuditResult.parse(draft)
}

/**
 * A result with every nullable field null and every energy zero: no
 * reading had a time, one L1 device without power, nothing priced.
 */
export function buildEmptyResult(): AuditResult {
  return buildAuditResult(draft => {
    draft.grounding = { level: 'L1', devices: {}, reasons: [] }
    draft.window = { start: null, end: null, duration_s: 0 }
    draft.energy = {
      gpu_kwh: 0,
      measured_gpu_kwh: 0,
      it_kwh: 0,
      facility_kwh: 0,
      low_kwh: 0,
      high_kwh: 0
    }
    draft.carbon = { ...draft.carbon, kg: 0, low_kg: 0, high_kg: 0, year: null }
    draft.equivalents = [{ ...draft.equivalents[0]!, value: 0 }]
    draft.comparison = {
      baseline_source: 'none',
      change_percent: null,
      verdict: 'neutral',
      reasons: ['no baseline found']
    }
    draft.devices = [buildDevice(0, zeroDevice)]
    draft.inputs = []
  })
}

/** A device that was listed but gave no usable reading. */
function zeroDevice(device: Device): void {
  Object.assign(device, {
    name: null,
    hardware_id: null,
    level: 'L1',
    field: 'none',
    samples: 0,
    first: null,
    last: null,
    median_interval_s: null,
    coverage: 0,
    energy_kwh: 0,
    low_kwh: 0,
    high_kwh: 0,
    mean_w: null,
    max_w: null
  })
}
