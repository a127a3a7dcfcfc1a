import { loadPublishedFootprints } from './published-cases.js'
import type { PublishedCase } from './published-schema.js'
import { estimateFromPublished } from './published-estimate.js'

/** One published footprint next to ours, with the relative errors. */
export interface RecomputedCase {
  case: PublishedCase
  /** Our facility energy in MWh. */
  energyMWh: number
  /** Our carbon in tCO2e. */
  tco2e: number
  /** (ours − published) ÷ published × 100; null when none was published. */
  energyErrorPercent: number | null
  carbonErrorPercent: number
}

/**
 * Recomputes a published case through the same engine as the CLI's
 * published-input mode (`estimate --gpu-hours … --power-w …`).
 */
export function recomputeCase(published: PublishedCase): RecomputedCase {
  const { inputs, outputs } = published
  const estimate = estimateFromPublished({
    gpuHours: inputs.gpu_hours,
    powerW: inputs.power_w,
    pue: inputs.pue,
    intensityGPerKWh: inputs.intensity.kg_per_kwh * 1000
  })
  const energyMWh = estimate.energy.facility_kwh / 1000
  const tco2e = estimate.carbon.kg / 1000
  return {
    case: published,
    energyMWh,
    tco2e,
    energyErrorPercent:
      outputs.energy_mwh === null
        ? null
        : errorPercent(energyMWh, outputs.energy_mwh),
    carbonErrorPercent: errorPercent(tco2e, outputs.tco2e)
  }
}

/** Every case of `published.json`, recomputed, in file order. */
export function recomputeAllPublished(): RecomputedCase[] {
  return loadPublishedFootprints().cases.map(recomputeCase)
}

/** Signed relative error in percent. */
export function errorPercent(ours: number, published: number): number {
  return ((ours - published) / published) * 100
}
