/**
 * Grid carbon intensity for a run's location. Precedence: cloud region >
 * grid zone > country > world. Each step that falls back adds a note, and
 * an unknown key never throws: it resolves to the world average and the
 * note names the key.
 */
import { lookupCloudRegion } from './cloud-regions.js'
import { INTENSITY_LICENCE } from './intensity-datasets.js'
import {
  type PlaceIntensity,
  worldIntensity,
  zoneIntensity
} from './intensity-places.js'
import type { CloudProvider, CloudRegion } from './region-schemas.js'
import { fromPlace, fromZoneCountry } from './resolve-place.js'

export { countryFromIso3 } from './countries.js'
export type { IntensityFallback } from './intensity-places.js'

/** The intensity used for a run, with where it came from. */
export interface IntensityResolution extends PlaceIntensity {
  /** The input as given (trimmed), or null when none was given. */
  requested: string | null
  /** Attribution the Ember and Electricity Maps licences require. */
  licence: string
  /** The cloud provider, when the input named one (for its PUE). */
  provider?: CloudProvider
}

/** kg CO2e for `energyKWh` at `intensityGPerKWh`; throws on a bad number. */
export function carbonKg(energyKWh: number, intensityGPerKWh: number): number {
  for (const [name, value] of [
    ['energyKWh', energyKWh],
    ['intensityGPerKWh', intensityGPerKWh]
  ] as const) {
    if (!Number.isFinite(value) || value < 0) {
      throw new RangeError(
        `${name}: got ${value}; expected a finite number ≥ 0`
      )
    }
  }
  return (energyKWh * intensityGPerKWh) / 1000
}

/**
 * Resolves `region`: `aws:us-east-1`, a bare cloud region name used by one
 * provider (`europe-north1`), an Electricity Maps zone (`SE-SE3`, short
 * `SE3`, `US-CAL-CISO`), an ISO alpha-2 or alpha-3 country (`SE`, `SWE`),
 * or `WORLD`. Absent or unknown input gives the world average.
 */
export function resolveIntensity(
  region: string | undefined
): IntensityResolution {
  const requested = region?.trim() || null
  if (requested === null) {
    return finish(
      null,
      worldIntensity(['no region given; used the world average'])
    )
  }
  const notes: string[] = []
  const cloud = lookupCloudRegion(requested)
  switch (cloud.kind) {
    case 'found':
      return finish(
        requested,
        fromCloudRegion(cloud.region, notes),
        cloud.region.provider
      )
    case 'unknown-region':
      notes.push(
        `cloud region ${cloud.provider}:${cloud.name} is not in the region map; used the world average`
      )
      return finish(requested, worldIntensity(notes), cloud.provider)
    case 'unknown-provider':
      notes.push(
        `cloud provider "${cloud.provider}" is not in the region map (aws, gcp, azure); used the world average`
      )
      return finish(requested, worldIntensity(notes))
    case 'ambiguous':
      notes.push(
        `"${requested}" is a region of ${cloud.candidates.map(c => c.provider).join(' and ')}; prefix the provider (e.g. ${cloud.candidates[0]?.id ?? ''})`
      )
      break
    case 'not-cloud':
      break
  }
  return finish(requested, fromPlace(requested, notes))
}

function finish(
  requested: string | null,
  place: PlaceIntensity,
  provider?: CloudProvider
): IntensityResolution {
  const result = { ...place, requested, licence: INTENSITY_LICENCE }
  return provider === undefined ? result : { ...result, provider }
}

function fromCloudRegion(region: CloudRegion, notes: string[]): PlaceIntensity {
  notes.push(`${region.id} (${region.location}) is in grid zone ${region.zone}`)
  return (
    zoneIntensity(region.zone, 'cloud-region', notes) ??
    fromZoneCountry(region.zone, notes)
  )
}
