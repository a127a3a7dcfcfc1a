/**
 * zod schemas for `prices.json` (GPU-hour prices) and the electricity
 * prices in `regions.json`. Every price carries the date it applies to,
 * its source and how far it can be trusted.
 */
import { z } from 'zod'

import { sourceSchema } from './schemas.js'

/** Providers with GPU-hour prices. */
export const PRICE_PROVIDERS = ['aws', 'gcp', 'azure', 'lambda'] as const

/** How a GPU-hour is sold. */
export const PRICING_MODELS = ['on-demand', 'capacity-block'] as const

/** How far a price can be trusted, best first. */
export const PRICE_RELIABILITY = [
  'list-price',
  'catalog',
  'archived-copy',
  'secondary',
  'estimate',
  'unverified'
] as const

const kebabId = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'kebab-case id')

/** One instance type's price; per-GPU is the instance price ÷ GPU count. */
export const gpuHourPriceSchema = z
  .object({
    id: kebabId,
    provider: z.enum(PRICE_PROVIDERS),
    instance: z.string().min(1),
    region: z.string().min(1).optional(),
    hardware_id: kebabId,
    gpu_count: z.int().positive(),
    usd_per_instance_hour: z.number().positive(),
    usd_per_gpu_hour: z.number().positive(),
    pricing: z.enum(PRICING_MODELS),
    reliability: z.enum(PRICE_RELIABILITY),
    as_of: z.string().min(1),
    note: z.string().optional(),
    source: sourceSchema
  })
  .refine(isConsistentPerGpu, {
    message: 'usd_per_gpu_hour must be usd_per_instance_hour / gpu_count (±2 %)'
  })

/** True when the per-GPU price is the instance price split evenly. */
function isConsistentPerGpu(price: {
  usd_per_instance_hour: number
  usd_per_gpu_hour: number
  gpu_count: number
}): boolean {
  const split = price.usd_per_instance_hour / price.gpu_count
  return Math.abs(price.usd_per_gpu_hour - split) <= split * 0.02
}

/** The whole `prices.json` file. */
export const pricesFileSchema = z.object({
  notes: z.array(z.string()),
  records: z.array(gpuHourPriceSchema).min(1)
})

/** An electricity price for one country, USD per kWh. */
export const electricityPriceSchema = z
  .object({
    id: z.string().regex(/^electricity:[A-Z]{2}$/),
    country: z.string().regex(/^[A-Z]{2}$/),
    usd_per_kwh: z.number().positive(),
    year: z.int().min(1990).max(2100),
    scope: z.string().min(1),
    note: z.string().optional(),
    source: sourceSchema
  })
  .refine(p => p.id === `electricity:${p.country}`, {
    message: 'id must be electricity:COUNTRY'
  })

/** A provider with GPU-hour prices. */
export type PriceProvider = (typeof PRICE_PROVIDERS)[number]
/** A parsed GPU-hour price. */
export type GpuHourPrice = z.infer<typeof gpuHourPriceSchema>
/** A parsed electricity price. */
export type ElectricityPrice = z.infer<typeof electricityPriceSchema>
