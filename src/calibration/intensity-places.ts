/**
 * Intensity of one place (grid zone, country or the world) from the
 * datasets. The central value is Electricity Maps' newest year for a zone
 * and Ember for a country; the bounds are the spread of every dataset value
 * for that same place.
 */
import type { Country } from './countries.js'
import { countryFromIso2 } from './countries.js'
import {
  EMAPS_YEARS,
  EMBER_DATASET,
  emapsDataset,
  emapsIntensity,
  emberIntensity
} from './intensity-datasets.js'

/** How far the lookup had to fall back. */
export type IntensityFallback = 'cloud-region' | 'zone' | 'country' | 'world'

/** A place's intensity, before the request and licence are attached. */
export interface PlaceIntensity {
  region: string
  fallback: IntensityFallback
  intensityGPerKWh: number
  lowGPerKWh: number
  highGPerKWh: number
  dataset: string
  year: number | null
  notes: string[]
}

interface DatasetValue {
  kind: 'ember' | 'emaps'
  label: string
  year: number | null
  gPerKWh: number
}

/** Every dataset value for `place` (an Electricity Maps key or ISO-2). */
function valuesFor(place: string): DatasetValue[] {
  const values: DatasetValue[] = []
  for (const year of EMAPS_YEARS) {
    const gPerKWh = emapsIntensity(place, year)
    const label = emapsDataset(year)
    if (gPerKWh !== undefined)
      values.push({ kind: 'emaps', label, year, gPerKWh })
  }
  const iso3 = place.includes('-') ? undefined : countryFromIso2(place)?.iso3
  const ember = iso3 === undefined ? undefined : emberIntensity(iso3)
  if (ember !== undefined) {
    values.push({
      kind: 'ember',
      label: EMBER_DATASET,
      year: null,
      gPerKWh: ember
    })
  }
  return values
}

/** Builds the result from the chosen central value and all values. */
function summarise(
  region: string,
  fallback: IntensityFallback,
  central: DatasetValue,
  all: DatasetValue[],
  notes: string[]
): PlaceIntensity {
  const each = all.map(v => v.gPerKWh)
  const spread =
    all.length > 1 ? `; range over ${all.map(v => v.label).join(', ')}` : ''
  return {
    region,
    fallback,
    intensityGPerKWh: central.gPerKWh,
    lowGPerKWh: Math.min(...each),
    highGPerKWh: Math.max(...each),
    dataset: central.label + spread,
    year: central.year,
    notes
  }
}

/** A grid zone's intensity (Electricity Maps central); undefined if absent. */
export function zoneIntensity(
  zone: string,
  fallback: 'zone' | 'cloud-region',
  notes: string[]
): PlaceIntensity | undefined {
  const all = valuesFor(zone)
  const central = all.find(v => v.kind === 'emaps')
  return central && summarise(zone, fallback, central, all, notes)
}

/** A country's intensity (Ember central); undefined if in no dataset. */
export function countryIntensity(
  country: Country,
  notes: string[]
): PlaceIntensity | undefined {
  const all = valuesFor(country.iso2)
  const central = all.find(v => v.kind === 'ember') ?? all[0]
  if (central?.kind === 'emaps') {
    notes.push(`no Ember value for ${country.iso2}; used ${central.label}`)
  }
  return central && summarise(country.iso2, 'country', central, all, notes)
}

/** The Ember world average; throws only if the package lost it. */
export function worldIntensity(notes: string[]): PlaceIntensity {
  const gPerKWh = emberIntensity('WORLD')
  if (gPerKWh === undefined) {
    throw new Error(
      '@tgwf/co2 has no Ember WORLD average; reinstall the package'
    )
  }
  const central: DatasetValue = {
    kind: 'ember',
    label: EMBER_DATASET,
    year: null,
    gPerKWh
  }
  return summarise('WORLD', 'world', central, [central], notes)
}
