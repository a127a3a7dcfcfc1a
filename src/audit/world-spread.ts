import { averageIntensity } from '@tgwf/co2/data'

/**
 * The spread of national grid intensities (Ember, 10th to 90th percentile
 * of countries) in gCO2e/kWh. An audit that knows no location gets the
 * world average as its central value, but its true uncertainty is where
 * in the world it ran, not the spread of datasets for "world".
 */
export function worldSpreadGPerKWh(): { low: number; high: number } {
  const values = Object.entries(averageIntensity.data)
    .filter(
      ([key, value]) =>
        /^[A-Z]{3}$/.test(key) && typeof value === 'number' && value > 0
    )
    .map(([, value]) => value as number)
    .sort((a, b) => a - b)
  return { low: percentile(values, 0.1), high: percentile(values, 0.9) }
}

/** Linear-interpolated percentile of sorted values. */
function percentile(sorted: readonly number[], fraction: number): number {
  const position = (sorted.length - 1) * fraction
  const below = Math.floor(position)
  const above = Math.min(sorted.length - 1, below + 1)
  const weight = position - below
  return sorted[below]! * (1 - weight) + sorted[above]! * weight
}
