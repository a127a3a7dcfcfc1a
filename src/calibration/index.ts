/**
 * Calibration data for the audit: accelerators, node profiles, α_w per
 * workload, grid carbon intensity, PUE, everyday equivalents and dated
 * prices, each with its source and range.
 */
export {
  carbonKg,
  countryFromIso3,
  type IntensityFallback,
  type IntensityResolution,
  resolveIntensity
} from './carbon-intensity.js'
export { type Country, countryFromIso2, findCountry } from './countries.js'
export { getEquivalent, toEquivalentUnits } from './equivalents.js'
export {
  genericGpu,
  getHardware,
  type HardwareMatch,
  type HardwareMatchKind,
  listHardware,
  matchHardware
} from './hardware.js'
export {
  type Calibration,
  CalibrationError,
  loadCalibration,
  parseCalibration
} from './load.js'
export {
  getNodeProfile,
  listNodeProfiles,
  recogniseNodeProfile
} from './nodes.js'
export type {
  ElectricityPrice,
  GpuHourPrice,
  PriceProvider
} from './price-schemas.js'
export {
  getElectricityPrice,
  getGpuHourPrice,
  listElectricityPrices,
  listGpuHourPrices
} from './prices.js'
export {
  type PueBasis,
  type PueResolution,
  resolvePue,
  USER_PUE_MAX,
  USER_PUE_MIN
} from './pue.js'
export type {
  CloudProvider,
  CloudRegion,
  Equivalent
} from './region-schemas.js'
export type {
  Hardware,
  NodeProfile,
  Source,
  WorkloadCalibration,
  WorkloadClass
} from './schemas.js'
export { formatSource } from './sources.js'
export {
  findWorkloadCalibration,
  isWorkloadClass,
  WORKLOAD_NAMES
} from './workloads.js'
