import type { JobFolder } from './device-records.js'

/** Everything a user can choose for one audit; all optional. */
export interface AuditOptions {
  /** Country, grid zone or cloud region for carbon intensity. */
  region?: string
  /** Power usage effectiveness of the facility. */
  pue?: number
  /** Workload class for the L3 calibration (α_w). */
  workload?: string
  /** Node profile id; recognised from the GPUs when not given. */
  nodeProfile?: string
  /** Accelerator model for files that do not name it. */
  gpuModel?: string
  /** IANA zone of offset-less timestamps. */
  timezone?: string
  /** Sampling interval for files without timestamps, in ms. */
  intervalMs?: number
  /** Canonical field → header name or 0-based position. */
  columns?: ReadonlyMap<string, string | number>
  /** Format name; auto-detected when undefined. */
  inputFormat?: string
  /** Files under these folders came from these jobs' telemetry artifacts. */
  jobFolders?: readonly JobFolder[]
  electricityPriceUsdPerKWh?: number
  gpuHourPriceUsd?: number
}
