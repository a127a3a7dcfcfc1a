/**
 * Carbon, cost and the car equivalent of a planned run, in the shared
 * blocks of ecocompute.estimate/v1. Cost is null unless a price is given:
 * never a guessed one.
 */
import {
  type CarbonChoice,
  carEquivalent
} from '../audit/calibration-adapter.js'
import { toKWh } from '../audit/energy-totals.js'
import type { BoundedJ } from '../model/device-outcome.js'
import type { EstimateResult } from './estimate-schema.js'
import type { PlanInput } from './plan-input.js'
import type { Bounded } from './plan-schema.js'

/** The intensity a plan uses: the region's, or one the planner gave. */
export function planIntensity(
  input: PlanInput,
  resolved: CarbonChoice
): CarbonChoice {
  const given = input.intensityGPerKWh
  if (given === undefined) return resolved
  return {
    ...resolved,
    region: input.region ?? 'given',
    intensityGPerKWh: given,
    lowGPerKWh: given,
    highGPerKWh: given,
    dataset: 'intensity given by the user',
    year: null,
    licence: '',
    notes: []
  }
}

/** The carbon block: facility energy × intensity, bounds on both. */
export function planCarbon(
  facility: BoundedJ,
  carbon: CarbonChoice,
  given: boolean
): EstimateResult['carbon'] {
  const kg = (j: number, g: number): number => (toKWh(j) * g) / 1000
  return {
    kg: kg(facility.valueJ, carbon.intensityGPerKWh),
    low_kg: kg(facility.lowJ, carbon.lowGPerKWh),
    high_kg: kg(facility.highJ, carbon.highGPerKWh),
    intensity_g_per_kwh: carbon.intensityGPerKWh,
    intensity_low_g_per_kwh: carbon.lowGPerKWh,
    intensity_high_g_per_kwh: carbon.highGPerKWh,
    region: carbon.region,
    fallback: given ? 'given' : carbon.fallback,
    dataset: carbon.dataset,
    year: carbon.year,
    licence: carbon.licence
  }
}

/** GPU-hours × hourly price plus facility kWh × energy price, with bounds. */
export function planCost(
  input: PlanInput,
  gpuHours: Bounded,
  facility: BoundedJ
): EstimateResult['cost'] {
  const hourly = input.gpuHourPriceUsd
  const perKWh = input.electricityPriceUsdPerKWh
  const compute = hourly === undefined ? null : scaled(gpuHours, hourly)
  const energy =
    perKWh === undefined
      ? null
      : scaled(
          {
            value: toKWh(facility.valueJ),
            low: toKWh(facility.lowJ),
            high: toKWh(facility.highJ)
          },
          perKWh
        )
  const total = (pick: keyof Bounded): number | null =>
    compute === null && energy === null
      ? null
      : (compute?.[pick] ?? 0) + (energy?.[pick] ?? 0)
  return {
    energy_usd: energy?.value ?? null,
    compute_usd: compute?.value ?? null,
    total_usd: total('value'),
    low_usd: total('low'),
    high_usd: total('high'),
    currency: 'USD'
  }
}

function scaled(b: Bounded, by: number): Bounded {
  return { value: b.value * by, low: b.low * by, high: b.high * by }
}

/** Car km: the planner's km per kg, else the bundled EPA equivalent. */
export function planEquivalents(
  input: PlanInput,
  carbonKg: number
): EstimateResult['equivalents'] {
  const kmPerKg = input.carKmPerKg
  if (kmPerKg === undefined) return [carEquivalent(carbonKg)]
  return [
    {
      kind: 'passenger-car-km',
      value: carbonKg * kmPerKg,
      unit: 'km',
      source: `given by the user: ${kmPerKg} km per kg CO2e (${(1000 / kmPerKg).toFixed(1)} gCO2/km)`
    }
  ]
}
