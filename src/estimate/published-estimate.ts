import type { Assumption } from '../audit/audit-schema.js'
import { carEquivalent } from '../audit/calibration-adapter.js'
import type { EstimateResult } from './estimate-schema.js'

/** Inputs as footprints are published: device hours and average power. */
export interface PublishedInputs {
  /** Device hours, summed over devices. */
  gpuHours: number
  /** Average power per device in W, as published (often the TDP). */
  powerW: number
  /** Facility energy ÷ IT energy; 1 (the default) when the power includes it. */
  pue?: number
  /** Grid carbon intensity in gCO2e/kWh. */
  intensityGPerKWh: number
  /** Wall-clock hours, when known. */
  hours?: number
  gpuHourPriceUsd?: number
  electricityPriceUsdPerKWh?: number
}

/** Where the published-input mode's values come from. */
const GIVEN = 'given by the user'

/** Without a PUE the energy is the devices' own, as many cards publish it. */
const DEFAULT_PUE = 1

/**
 * Recomputes a footprint from published inputs: GPU-hours × W × PUE for
 * energy, × intensity for carbon. The inputs are exact, so every low and
 * high bound equals its value.
 */
export function estimateFromPublished(inputs: PublishedInputs): EstimateResult {
  assertInputs(inputs)
  const gpuKWh = (inputs.gpuHours * inputs.powerW) / 1000
  const facilityKWh = gpuKWh * (inputs.pue ?? DEFAULT_PUE)
  const carbonKg = (facilityKWh * inputs.intensityGPerKWh) / 1000
  return {
    schema: 'ecocompute.estimate/v1',
    hours: inputs.hours ?? null,
    gpu_hours: inputs.gpuHours,
    energy: {
      gpu_kwh: gpuKWh,
      measured_gpu_kwh: 0,
      // The published power is per device; nothing else is added.
      it_kwh: gpuKWh,
      facility_kwh: facilityKWh,
      low_kwh: facilityKWh,
      high_kwh: facilityKWh
    },
    carbon: givenCarbon(carbonKg, inputs.intensityGPerKWh),
    cost: publishedCost(facilityKWh, inputs),
    equivalents: [carEquivalent(carbonKg)],
    assumptions: publishedAssumptions(inputs)
  }
}

/** A RangeError naming the first input that is not a finite number ≥ 0. */
function assertInputs(inputs: PublishedInputs): void {
  for (const [name, value] of Object.entries(inputs)) {
    if (value === undefined) continue
    if (typeof value !== 'number' || !Number.isFinite(value) || value < 0)
      throw new RangeError(
        `${name}: got ${String(value)}; expected a number ≥ 0`
      )
  }
  if (inputs.pue !== undefined && inputs.pue < 1)
    throw new RangeError(`pue: got ${inputs.pue}; expected a number ≥ 1`)
}

/** The carbon block for an intensity the user gave. */
function givenCarbon(
  carbonKg: number,
  intensityGPerKWh: number
): EstimateResult['carbon'] {
  return {
    kg: carbonKg,
    low_kg: carbonKg,
    high_kg: carbonKg,
    intensity_g_per_kwh: intensityGPerKWh,
    intensity_low_g_per_kwh: intensityGPerKWh,
    intensity_high_g_per_kwh: intensityGPerKWh,
    region: 'given',
    fallback: 'given',
    dataset: 'intensity given by the user',
    year: null,
    licence: ''
  }
}

/** Facility energy × electricity price plus GPU-hours × hourly price. */
function publishedCost(
  facilityKWh: number,
  inputs: PublishedInputs
): EstimateResult['cost'] {
  const energyUsd =
    inputs.electricityPriceUsdPerKWh === undefined
      ? null
      : facilityKWh * inputs.electricityPriceUsdPerKWh
  const computeUsd =
    inputs.gpuHourPriceUsd === undefined
      ? null
      : inputs.gpuHours * inputs.gpuHourPriceUsd
  const total =
    energyUsd === null && computeUsd === null
      ? null
      : (energyUsd ?? 0) + (computeUsd ?? 0)
  return {
    energy_usd: energyUsd,
    compute_usd: computeUsd,
    total_usd: total,
    low_usd: total,
    high_usd: total,
    currency: 'USD'
  }
}

/** Every value used, all given by the user. */
function publishedAssumptions(
  inputs: PublishedInputs
): Record<string, Assumption> {
  const given = (value: number | undefined): Assumption => ({
    value: value ?? null,
    source: value === undefined ? 'not given' : GIVEN,
    is_default: false
  })
  return {
    mode: {
      value: 'published inputs',
      source: 'energy = GPU-hours × power × PUE; no host power is added',
      is_default: false
    },
    gpu_hours: given(inputs.gpuHours),
    power_w: given(inputs.powerW),
    pue:
      inputs.pue === undefined
        ? {
            value: DEFAULT_PUE,
            source: 'default: no PUE given, energy at the devices only',
            is_default: true
          }
        : given(inputs.pue),
    carbon_intensity_g_per_kwh: given(inputs.intensityGPerKWh),
    gpu_hour_price_usd: given(inputs.gpuHourPriceUsd),
    electricity_price_usd_per_kwh: given(inputs.electricityPriceUsdPerKWh)
  }
}
