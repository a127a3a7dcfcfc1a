import { z } from 'zod'

/**
 * `calibration-data/validation/published.json`: training footprints as their
 * papers and model cards state them. Power in W per device, energy in MWh,
 * carbon in tCO2e and intensity in kgCO2e/kWh, the units they were
 * published in.
 */

/** Whether the source states the intensity or we derived it from its rows. */
export const INTENSITY_KINDS = ['stated', 'implied'] as const

/** A paper or model card, with where in it the figures are. */
export const PublishedSource = z
  .object({
    title: z.string().min(1),
    url: z.url().optional(),
    document: z.string().min(1).optional(),
    year: z.int().min(1990).max(2100),
    locator: z.string().min(1).optional()
  })
  .refine(s => s.url !== undefined || s.document !== undefined, {
    message: 'a source needs a url or a document id'
  })

/** kgCO2e per kWh; an implied factor must say how it was derived. */
export const PublishedIntensity = z
  .object({
    kind: z.enum(INTENSITY_KINDS),
    kg_per_kwh: z.number().positive().max(2),
    derivation: z.string().min(1).optional()
  })
  .refine(i => i.kind === 'stated' || i.derivation !== undefined, {
    message: 'an implied intensity needs its derivation'
  })

/** One published footprint: its stated inputs and outputs. */
export const PublishedCase = z.object({
  id: z.string().regex(/^[a-z0-9.-]+$/),
  model: z.string().min(1),
  family: z.string().min(1),
  source: PublishedSource,
  inputs: z.object({
    gpu_hours: z.number().positive(),
    power_w: z.number().positive(),
    pue: z.number().min(1).max(3),
    intensity: PublishedIntensity
  }),
  outputs: z.object({
    /** Null when the source states no energy. */
    energy_mwh: z.number().positive().nullable(),
    tco2e: z.number().positive()
  }),
  notes: z.string()
})
export type PublishedCase = z.infer<typeof PublishedCase>

/** A published row left out, and why. */
export const ExcludedCase = z.object({
  model: z.string().min(1),
  reason: z.string().min(1),
  source: PublishedSource
})
export type ExcludedCase = z.infer<typeof ExcludedCase>

/** The whole file. */
export const PublishedFile = z.object({
  '//': z.string().optional(),
  excluded: z.array(ExcludedCase),
  cases: z
    .array(PublishedCase)
    .min(1)
    .refine(cases => new Set(cases.map(c => c.id)).size === cases.length, {
      message: 'case ids must be unique'
    })
})
export type PublishedFile = z.infer<typeof PublishedFile>
