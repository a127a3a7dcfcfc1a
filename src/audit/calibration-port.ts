/**
 * The calibration facts the audit uses, in the units and shape the model
 * wants. Implemented over calibration-data/ in calibration-adapter.ts.
 */

/** A number with its range and source. */
export interface SourcedRange {
  value: number
  low: number
  high: number
  source: string
}

/** An accelerator as the model needs it. */
export interface HardwareFacts {
  id: string
  name: string
  idleW: SourcedRange
  maxPowerW: number
  maxPowerSource: string
  accuracyW: number
}

/** A node profile: the non-GPU power of the node at idle. */
export interface NodeFacts {
  id: string
  name: string
  hostIdleW: SourcedRange
}

/** α_w for one workload on one node profile. */
export interface AlphaFacts {
  workload: string
  alpha: SourcedRange
}
