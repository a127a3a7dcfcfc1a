/**
 * Types for the two data entry points of `@tgwf/co2` 0.19.0 that the
 * calibration uses; the package ships no declarations.
 */
declare module '@tgwf/co2/data' {
  /** Ember yearly averages, gCO2e/kWh, keyed by ISO 3166-1 alpha-3 or region name. */
  export const averageIntensity: {
    data: Record<string, number | undefined>
    type: string
  }
}

declare module '@tgwf/co2/data/electricity-maps' {
  /** One Electricity Maps zone's yearly figures. */
  interface ZoneYear {
    zone?: { zoneName?: string }
    carbonIntensity?: { value?: number | null; unit?: string }
  }
  /** One year of Electricity Maps zones, keyed like `SE`, `SE-SE3`. */
  interface YearlyZones {
    data: Record<string, ZoneYear | undefined>
    methodology: string
  }
  export const yearly2024: YearlyZones
  export const yearly2025: YearlyZones
}
