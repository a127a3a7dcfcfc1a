import type { AuditOptions } from './audit-options.js'
import type { AuditResult } from './audit-schema.js'
import type { DeviceRecord } from './device-records.js'
import { type EnergyTotals, toKWh } from './energy-totals.js'

/**
 * Cost from the prices the user gave: facility energy × electricity price,
 * and GPU-hours × GPU-hour price. No price given means null, never 0.
 */
export function costJson(
  energy: EnergyTotals,
  devices: readonly DeviceRecord[],
  options: AuditOptions
): AuditResult['cost'] {
  const price = options.electricityPriceUsdPerKWh
  const energyCost =
    price === undefined
      ? undefined
      : {
          value: toKWh(energy.facility.valueJ) * price,
          low: toKWh(energy.facility.lowJ) * price,
          high: toKWh(energy.facility.highJ) * price
        }
  const hourly = options.gpuHourPriceUsd
  const computeUsd =
    hourly === undefined ? undefined : gpuHours(devices) * hourly
  const parts = [energyCost, computeUsd]
  const any = parts.some(part => part !== undefined)
  const fixed = computeUsd ?? 0
  return {
    energy_usd: energyCost?.value ?? null,
    compute_usd: computeUsd ?? null,
    total_usd: any ? (energyCost?.value ?? 0) + fixed : null,
    low_usd: any ? (energyCost?.low ?? 0) + fixed : null,
    high_usd: any ? (energyCost?.high ?? 0) + fixed : null,
    currency: 'USD'
  }
}

/** GPU-hours: each GPU's observed span, summed. */
export function gpuHours(devices: readonly DeviceRecord[]): number {
  return devices
    .filter(device => device.identity.kind === 'gpu')
    .map(device => (device.outcome.lastMs - device.outcome.firstMs) / 3.6e6)
    .filter(Number.isFinite)
    .reduce((total, hours) => total + hours, 0)
}
