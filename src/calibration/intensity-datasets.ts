/**
 * Read access to the grid-intensity datasets shipped in `@tgwf/co2`:
 * Ember yearly country averages and Electricity Maps yearly zone averages.
 * Values are gCO2e/kWh; anything that is not a finite number ≥ 0 is
 * treated as absent, so a gap in the data never becomes NaN downstream.
 */
import { averageIntensity } from '@tgwf/co2/data'
import { yearly2024, yearly2025 } from '@tgwf/co2/data/electricity-maps'

/** The `@tgwf/co2` version in package.json; a test keeps them equal. */
export const TGWF_CO2_VERSION = '0.19.0'

/** The Electricity Maps years read, newest first. */
export const EMAPS_YEARS = [2025, 2024] as const

/** One of {@link EMAPS_YEARS}. */
export type EmapsYear = (typeof EMAPS_YEARS)[number]

const EMAPS_BY_YEAR = { 2025: yearly2025, 2024: yearly2024 } as const

/** The attribution both datasets require, for every result that uses them. */
export const INTENSITY_LICENCE =
  'Ember yearly electricity data, CC BY-SA 4.0 (ember-energy.org); ' +
  "Electricity Maps yearly data, ODbL 1.0, attribution 'Electricity Maps' " +
  '(electricitymaps.com); both redistributed by @tgwf/co2 (Green Web Foundation).'

/** Dataset label for an Ember value. */
export const EMBER_DATASET = `Ember yearly average (latest year per country, 2022–2024) via @tgwf/co2 ${TGWF_CO2_VERSION}`

/** Dataset label for an Electricity Maps value of `year`. */
export function emapsDataset(year: EmapsYear): string {
  return `Electricity Maps yearly ${year} via @tgwf/co2 ${TGWF_CO2_VERSION}`
}

function usable(value: number | null | undefined): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0
    ? value
    : undefined
}

/** Ember gCO2e/kWh for an ISO-3 code or aggregate (`WORLD`), if present. */
export function emberIntensity(key: string): number | undefined {
  return usable(averageIntensity.data[key])
}

/** Electricity Maps gCO2e/kWh for `zone` in `year`, if present. */
export function emapsIntensity(
  zone: string,
  year: EmapsYear
): number | undefined {
  return usable(EMAPS_BY_YEAR[year].data[zone]?.carbonIntensity?.value)
}

/** True when `zone` has a value in any Electricity Maps year read. */
export function isEmapsZone(zone: string): boolean {
  return EMAPS_YEARS.some(year => emapsIntensity(zone, year) !== undefined)
}
