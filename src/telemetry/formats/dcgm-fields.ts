/**
 * What DCGM fields mean to the audit, by DCGM tag, numeric field id or
 * exporter metric name. Ids and tags are from DCGM's dcgm_fields.h:
 * 155 power_usage (W), 156 total_energy_consumption (mJ since boot),
 * 157 power_usage_instant (W), 203 gpu_utilization (%).
 */

/** The readings the audit takes from DCGM. */
export const DCGM_READINGS = [
  'power',
  'power-instant',
  'energy',
  'utilization'
] as const
export type DcgmReading = (typeof DCGM_READINGS)[number]

const READING_BY_FIELD = new Map<string, DcgmReading>([
  ['155', 'power'],
  ['power_usage', 'power'],
  ['dcgm_fi_dev_power_usage', 'power'],
  ['157', 'power-instant'],
  ['power_usage_instant', 'power-instant'],
  ['dcgm_fi_dev_power_usage_instant', 'power-instant'],
  ['156', 'energy'],
  ['total_energy_consumption', 'energy'],
  ['dcgm_fi_dev_total_energy_consumption', 'energy'],
  ['203', 'utilization'],
  ['gpu_utilization', 'utilization'],
  ['dcgm_fi_dev_gpu_util', 'utilization']
])

/** The reading a DCGM field name or id holds; undefined for all others. */
export function dcgmReadingOf(field: string): DcgmReading | undefined {
  return READING_BY_FIELD.get(field.trim().toLowerCase())
}

/**
 * DCGM's "blank" markers and the error codes just above them mean "no
 * value". Doubles (power, utilisation) use DCGM_FP64_BLANK = 2^47; the
 * int64 energy counter uses DCGM_INT64_BLANK = 0x7ffffffffffffff0, since
 * a counter since boot can legitimately pass 2^47 mJ after some years.
 */
const DCGM_FP64_BLANK = 2 ** 47
const DCGM_INT64_BLANK = 9.2e18 // 0x7ffffffffffffff0 ≈ 9.22e18, rounded down

/** True when `value` is one of DCGM's blank or not-found markers. */
export function isDcgmBlank(value: number, reading: DcgmReading): boolean {
  const blank = reading === 'energy' ? DCGM_INT64_BLANK : DCGM_FP64_BLANK
  return value >= blank
}
