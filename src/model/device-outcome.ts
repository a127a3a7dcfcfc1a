import type { PowerField } from '../telemetry/sink.js'

/** Energy with its interval bounds, in J. */
export interface BoundedJ {
  valueJ: number
  lowJ: number
  highJ: number
}

/** A stretch without readings, and what was filled in for it. */
export interface FilledGap {
  startMs: number
  endMs: number
  filledJ: number
}

/** A device-level finding for the report. */
export interface DeviceFinding {
  code:
    | 'gap'
    | 'stale-sensor'
    | 'implausible-power'
    | 'missing-power'
    | 'counter-reset'
    | 'counter-glitch'
    | 'counter-wrap'
    | 'counter-power-mismatch'
    | 'level-fallback'
    | 'unknown-gpu'
    | 'duplicate-sample'
  message: string
}

/** What the model concluded for one device. */
export interface DeviceOutcome {
  level: 'L1' | 'L2'
  levelReason: string
  field: PowerField
  samples: number
  firstMs: number
  lastMs: number
  medianIntervalS: number
  measuredS: number
  /** GPU (or component) energy, gaps filled. */
  energy: BoundedJ
  /** Energy above the device's idle power: the L3 model's dynamic term. */
  dynamic: BoundedJ
  meanW: number
  maxW: number
  gaps: FilledGap[]
  gapCount: number
  findings: DeviceFinding[]
}
