import type { AuditResult } from '../audit/audit-schema.js'
import { type ComparisonMetric, metricValue } from './comparability.js'

/**
 * The numbers a comparison judges: the compared metric on both sides, its
 * change, and both sides' carbon for the budget.
 */
export interface Measurement {
  metric: ComparisonMetric
  baseValue: number
  headValue: number
  /** headValue − baseValue, in the metric's unit. */
  changeValue: number
  /** Relative change in percent; null when the base is 0 and the head not. */
  changePercent: number | null
  baseCarbonKg: number
  headCarbonKg: number
}

/** How each metric is named in reasons, with its unit. */
export const METRIC_WORDS: Record<
  ComparisonMetric,
  { label: string; unit: 'kg' | 'kWh'; unitText: string }
> = {
  carbon: { label: 'carbon', unit: 'kg', unitText: 'kg CO2e' },
  facility_energy: { label: 'energy', unit: 'kWh', unitText: 'kWh' },
  it_energy: { label: 'IT energy', unit: 'kWh', unitText: 'kWh' }
}

/** Measures base and head on one metric. */
export function measure(
  base: AuditResult,
  head: AuditResult,
  metric: ComparisonMetric
): Measurement {
  const baseValue = metricValue(base, metric)
  const headValue = metricValue(head, metric)
  return {
    metric,
    baseValue,
    headValue,
    changeValue: headValue - baseValue,
    changePercent: relativeChangePercent(baseValue, headValue),
    baseCarbonKg: base.carbon.kg,
    headCarbonKg: head.carbon.kg
  }
}

/**
 * (head − base) / base in percent: 0 → 0 is 0 %, 0 → x is null (never NaN
 * or Infinity), so nothing downstream divides by zero.
 */
export function relativeChangePercent(
  baseValue: number,
  headValue: number
): number | null {
  if (baseValue === 0) return headValue === 0 ? 0 : null
  return ((headValue - baseValue) / baseValue) * 100
}

/**
 * The change expressed in kg CO2e, for the kg noise floor: as is for
 * carbon; for energy at the carbon per kWh of the head (or of the base
 * when the head used none). Zero when neither side used any energy.
 */
export function changeKg(measurement: Measurement): number {
  if (measurement.metric === 'carbon') return measurement.changeValue
  const { headValue, baseValue, headCarbonKg, baseCarbonKg } = measurement
  const kgPerKWh =
    headValue > 0
      ? headCarbonKg / headValue
      : baseValue > 0
        ? baseCarbonKg / baseValue
        : 0
  return measurement.changeValue * kgPerKWh
}
