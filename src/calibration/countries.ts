/** ISO 3166-1 alpha-2 ↔ alpha-3 for the countries in the intensity data. */
import { loadCalibration } from './load.js'

/** One country: ISO alpha-2, alpha-3 and short English name. */
export interface Country {
  iso2: string
  iso3: string
  name: string
}

let byCode: Map<string, Country> | undefined

/** Alpha-2 and alpha-3 codes → country, built once. */
function countryIndex(): Map<string, Country> {
  if (byCode !== undefined) return byCode
  byCode = new Map()
  for (const [iso2, iso3, name] of loadCalibration().isoCountries.countries) {
    const country = { iso2, iso3, name }
    byCode.set(iso2, country)
    byCode.set(iso3, country)
  }
  return byCode
}

/** The country with ISO alpha-3 code `iso3` (`SWE`), any case. */
export function countryFromIso3(iso3: string): Country | undefined {
  const code = iso3.trim().toUpperCase()
  return code.length === 3 ? countryIndex().get(code) : undefined
}

/** The country with ISO alpha-2 code `iso2` (`SE`), any case. */
export function countryFromIso2(iso2: string): Country | undefined {
  const code = iso2.trim().toUpperCase()
  return code.length === 2 ? countryIndex().get(code) : undefined
}

/** The country for an alpha-2 or alpha-3 code, any case. */
export function findCountry(code: string): Country | undefined {
  return countryFromIso2(code) ?? countryFromIso3(code)
}
