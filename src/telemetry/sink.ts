/**
 * The contract between telemetry parsers and the energy model.
 *
 * Parsers stream a file and push what they read into a TelemetrySink; they
 * never integrate, convert to kWh or decide what a reading means for the
 * result. Numbers arrive in SI-ish base units named in the parameters.
 */

/** What kind of component a device is. */
export const DEVICE_KINDS = ['gpu', 'cpu', 'ram', 'node'] as const
export type DeviceKind = (typeof DEVICE_KINDS)[number]

/** The power field a parser integrates for a device. */
export const POWER_FIELDS = [
  'power.draw',
  'power.draw.instant',
  'power.draw.average',
  'energy-counter',
  'energy-window',
  'utilization',
  'none'
] as const
export type PowerField = (typeof POWER_FIELDS)[number]

/** Identity and static facts of one device as the file states them. */
export interface DeviceIdentity {
  /** Unique within the file: the value that told rows apart. */
  key: string
  kind: DeviceKind
  uuid?: string
  pciBusId?: string
  index?: string
  /** Model name as the tool printed it, e.g. "NVIDIA A100-SXM4-80GB". */
  name?: string
  /** Host or node name when the file records one. */
  node?: string
  /** Board power limit in W when the file records it. */
  powerLimitW?: number
  /** Logical CPUs of a CPU known only by its utilisation. */
  logicalCpus?: number
  /** Which column the parser reads power from. */
  powerField: PowerField
}

/** Where a reading came from, for messages: 1-based line number. */
export type LineNumber = number

/** Receives everything a parser reads. Implemented by the model. */
export interface TelemetrySink {
  /** Registers a device (once per key) and returns its handle. */
  device(identity: DeviceIdentity): number

  /**
   * One power reading. `powerW` null means the cell was missing (a
   * sentinel such as `[N/A]`): never pass 0 for a missing value.
   * `auxSignature` is any number that changes when the row's other
   * readings change (temperature, clocks...), NaN when there are none; it
   * lets the model tell a stale power sensor from a steady load.
   */
  power(
    device: number,
    timeMs: number,
    powerW: number | null,
    line: LineNumber,
    auxSignature: number
  ): void

  /** One utilisation reading in percent (0–100), for L1 estimates. */
  utilization(
    device: number,
    timeMs: number,
    percent: number,
    line: LineNumber
  ): void

  /**
   * One reading of a cumulative energy counter in mJ. `wrapRangeMJ` is the
   * counter's range when known (a wrap adds it), undefined otherwise.
   */
  counter(
    device: number,
    timeMs: number,
    energyMJ: number,
    line: LineNumber,
    wrapRangeMJ?: number
  ): void

  /** Energy a tool already measured over [startMs, endMs], in J. */
  energyWindow(
    device: number,
    startMs: number,
    endMs: number,
    energyJ: number,
    line: LineNumber
  ): void

  /** A row or line that could not be used, with what was expected. */
  reject(line: LineNumber, reason: string): void

  /** Something worth telling the user that is not a rejected row. */
  warn(code: WarningCode, message: string, line?: LineNumber): void

  /** File-level facts (CodeCarbon's country, PUE already applied...). */
  fileFact(fact: FileFact): void
}

/** Facts a file states about the whole run. */
export type FileFact =
  | { kind: 'country'; iso3: string; line: LineNumber }
  | { kind: 'pue-applied'; pue: number; line: LineNumber }
  | { kind: 'it-energy'; energyJ: number; line: LineNumber }
  | { kind: 'emissions'; kg: number; line: LineNumber }

/** The closed list of warning codes in the audit JSON. */
export const WARNING_CODES = [
  'rejected-row',
  'rejected-file',
  'skipped-line',
  'missing-power',
  'implausible-power',
  'stale-sensor',
  'gap',
  'partial-coverage',
  'counter-reset',
  'counter-wrap',
  'counter-glitch',
  'counter-power-mismatch',
  'device-lost',
  'mig-instance',
  'unknown-gpu',
  'level-fallback',
  'pue-already-applied',
  'region-fallback',
  'timezone-assumed',
  'interval-assumed',
  'duplicate-sample',
  'duplicate-device',
  'no-data',
  'other'
] as const
export type WarningCode = (typeof WARNING_CODES)[number]
