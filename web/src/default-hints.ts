import type { PlanEstimate } from '../../src/estimate/plan-schema.js'
import { formatFigure } from './format-figures.js'
import { fieldId, type NumberFieldName } from './plan-fields.js'

/** The assumption that holds each overridable field's default. */
const DEFAULT_OF: Partial<Record<NumberFieldName, string>> = {
  mfu: 'mfu',
  pue: 'pue',
  utilisation: 'utilisation',
  flopsPerParamToken: 'flops_per_param_token',
  peakTflops: 'peak_tflops',
  gpuPowerW: 'gpu_power_w',
  intensityGPerKWh: 'carbon_intensity_g_per_kwh'
}

/**
 * Shows in each empty field the default the estimate used (`default
 * 0.45`), so the assumptions are in view where they can be changed.
 */
export function showDefaults(estimate: PlanEstimate): void {
  for (const [field, key] of Object.entries(DEFAULT_OF)) {
    const input = document.getElementById(fieldId(field))
    if (!(input instanceof HTMLInputElement)) continue
    const assumption = estimate.assumptions[key]
    const value = assumption?.value
    input.placeholder =
      assumption?.is_default === true && typeof value === 'number'
        ? `default ${formatFigure(value)}`
        : ''
  }
}
