/** Everyday equivalents of an amount of CO2e, such as km driven by car. */
import { loadCalibration } from './load.js'
import type { Equivalent } from './region-schemas.js'

/** The equivalence factor with this id (`passenger-car-km`), if any. */
export function getEquivalent(id: string): Equivalent | undefined {
  return loadCalibration().equivalents.records.find(e => e.id === id)
}

/** How many units of `equivalent` emit `carbonG` grams of CO2e. */
export function toEquivalentUnits(
  carbonG: number,
  equivalent: Equivalent
): number {
  return carbonG / equivalent.g_co2e_per_unit
}
