/**
 * Lookups of the dated prices in `prices.json` (GPU-hours) and
 * `regions.json` (electricity). They are reference data only: the audit's
 * cost uses the prices a user gives.
 */
import { loadCalibration } from './load.js'
import {
  type ElectricityPrice,
  type GpuHourPrice,
  PRICE_RELIABILITY
} from './price-schemas.js'

/** Every GPU-hour price record. */
export function listGpuHourPrices(): readonly GpuHourPrice[] {
  return loadCalibration().prices.records
}

/** Every electricity price record. */
export function listElectricityPrices(): readonly ElectricityPrice[] {
  return loadCalibration().regions.electricity_prices
}

/**
 * The on-demand GPU-hour price of `hardwareId` (`h100-sxm`) at `provider`
 * (`aws`), the most reliable record first and, among equals, the cheaper
 * per GPU (a 1-GPU and an 8-GPU instance differ); undefined when none.
 */
export function getGpuHourPrice(
  provider: string,
  hardwareId: string
): GpuHourPrice | undefined {
  const wanted = provider.trim().toLowerCase()
  const candidates = listGpuHourPrices().filter(
    p =>
      p.provider === wanted &&
      p.hardware_id === hardwareId &&
      p.pricing === 'on-demand'
  )
  return [...candidates].sort(byReliabilityThenPrice)[0]
}

/** The electricity price for an ISO alpha-2 country (`US`), if listed. */
export function getElectricityPrice(
  iso2: string
): ElectricityPrice | undefined {
  const wanted = iso2.trim().toUpperCase()
  return listElectricityPrices().find(p => p.country === wanted)
}

function byReliabilityThenPrice(a: GpuHourPrice, b: GpuHourPrice): number {
  const rank = (p: GpuHourPrice): number =>
    PRICE_RELIABILITY.indexOf(p.reliability)
  return rank(a) - rank(b) || a.usd_per_gpu_hour - b.usd_per_gpu_hour
}
