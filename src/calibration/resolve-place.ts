/**
 * Resolution of a place written as a grid zone (`SE-SE3`, short `SE3`), a
 * country (`SE`, `SWE`) or `WORLD`: zone, then its country, then the world,
 * with a note for every step that falls back.
 */
import { countryFromIso2, findCountry } from './countries.js'
import { isEmapsZone } from './intensity-datasets.js'
import {
  countryIntensity,
  type PlaceIntensity,
  worldIntensity,
  zoneIntensity
} from './intensity-places.js'

/** A zone, then a country, then the world, in that order. */
export function fromPlace(text: string, notes: string[]): PlaceIntensity {
  const key = expandShortZone(text.toUpperCase(), notes)
  if (key === 'WORLD') return worldIntensity(notes)
  if (key.includes('-')) {
    return (
      zoneIntensity(key, 'zone', notes) ?? fromZoneCountry(key, notes, text)
    )
  }
  const country = findCountry(key)
  if (country !== undefined) {
    const found = countryIntensity(country, notes)
    if (found !== undefined) return found
    notes.push(
      `country ${country.iso2} is in no dataset; used the world average`
    )
    return worldIntensity(notes)
  }
  return unknownPlace(text, notes)
}

/**
 * Falls back from a zone absent from the datasets to its country; `input`
 * is what the user wrote, named when nothing matches.
 */
export function fromZoneCountry(
  zone: string,
  notes: string[],
  input = zone
): PlaceIntensity {
  const country = countryFromIso2(zone.split('-')[0] ?? '')
  const found = country && countryIntensity(country, [])
  if (country !== undefined && found !== undefined) {
    notes.push(
      `zone ${zone} is not in the datasets; used country ${country.iso2} (${country.name})`,
      ...found.notes
    )
    return { ...found, notes }
  }
  return unknownPlace(input, notes)
}

function unknownPlace(input: string, notes: string[]): PlaceIntensity {
  notes.push(
    `region "${input}" is not a known cloud region, grid zone or country; used the world average`
  )
  return worldIntensity(notes)
}

/** `SE3` → `SE-SE3` when Electricity Maps has that zone. */
function expandShortZone(key: string, notes: string[]): string {
  if (!/^[A-Z]{2}\d$/.test(key)) return key
  const zone = `${key.slice(0, 2)}-${key}`
  if (!isEmapsZone(zone)) return key
  notes.push(`${key} read as Electricity Maps zone ${zone}`)
  return zone
}
