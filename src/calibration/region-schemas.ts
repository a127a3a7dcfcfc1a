/**
 * zod schemas for `regions.json` (electricity prices in
 * `price-schemas.ts`), `equivalents.json` and
 * `iso-countries.json` in `calibration-data/`.
 */
import { z } from 'zod'

import { electricityPriceSchema } from './price-schemas.js'
import { rangeWith, sourceSchema } from './schemas.js'

/** The cloud providers the region map covers. */
export const CLOUD_PROVIDERS = ['aws', 'gcp', 'azure'] as const

/** A PUE with its bounds; a PUE below 1 is impossible. */
export const pueSchema = rangeWith({
  note: z.string().optional(),
  source: sourceSchema
}).refine(p => p.low >= 1, { message: 'PUE below 1 is impossible' })

const providerSchema = z.object({
  id: z.enum(CLOUD_PROVIDERS),
  display_name: z.string().min(1),
  pue: pueSchema,
  regions_source: sourceSchema
})

/** One cloud region mapped to its grid zone and country. */
export const cloudRegionSchema = z
  .object({
    id: z.string().regex(/^(aws|gcp|azure):[a-z0-9-]+$/),
    provider: z.enum(CLOUD_PROVIDERS),
    name: z.string().regex(/^[a-z0-9-]+$/),
    location: z.string().min(1),
    zone: z.string().regex(/^[A-Z]{2}(-[A-Z0-9]+)*$/),
    country: z.string().regex(/^[A-Z]{3}$/),
    zone_note: z.string().optional(),
    source: sourceSchema
  })
  .refine(r => r.id === `${r.provider}:${r.name}`, {
    message: 'id must be provider:name'
  })

/** The whole `regions.json` file. */
export const regionsFileSchema = z.object({
  notes: z.array(z.string()),
  default_pue: pueSchema,
  providers: z.array(providerSchema).length(CLOUD_PROVIDERS.length),
  cloud_regions: z.array(cloudRegionSchema).min(1),
  electricity_prices: z.array(electricityPriceSchema)
})

/** One everyday equivalent, such as km driven by a car. */
export const equivalentSchema = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/),
  label: z.string().min(1),
  unit: z.string().min(1),
  g_co2e_per_unit: z.number().positive(),
  inputs: z.record(z.string(), z.number()),
  derivation: z.string().min(1),
  source: sourceSchema
})

/** The whole `equivalents.json` file. */
export const equivalentsFileSchema = z.object({
  records: z.array(equivalentSchema).min(1)
})

/** The ISO 3166-1 table: rows of [alpha-2, alpha-3, name]. */
export const isoCountriesFileSchema = z.object({
  source: sourceSchema,
  notes: z.array(z.string()),
  countries: z
    .array(
      z.tuple([
        z.string().regex(/^[A-Z]{2}$/),
        z.string().regex(/^[A-Z]{3}$/),
        z.string().min(1)
      ])
    )
    .min(1)
})

/** A cloud provider id. */
export type CloudProvider = (typeof CLOUD_PROVIDERS)[number]
/** A parsed cloud region record. */
export type CloudRegion = z.infer<typeof cloudRegionSchema>
/** A parsed PUE record. */
export type PueRecord = z.infer<typeof pueSchema>
/** A parsed equivalence factor. */
export type Equivalent = z.infer<typeof equivalentSchema>
