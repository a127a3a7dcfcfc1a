/** Catalogue facts about one device that the model needs while streaming. */
export interface DeviceSpec {
  /** Catalogue id, undefined for an unknown model. */
  hardwareId: string | undefined
  idleW: number
  idleLowW: number
  idleHighW: number
  /** Maximum board power (TDP) in W. */
  maxPowerW: number
  /** max(2 × power limit, 1500 W): readings above are implausible. */
  plausibleMaxW: number
  /** ± W per reading (sensor accuracy). */
  accuracyW: number
  /**
   * ± fraction of a tool-reported energy that is itself an estimate (0
   * for measured GPUs).
   */
  estimateSpread: number
}

/** The plausibility ceiling for a device with this power limit. */
export function plausibleMaxW(powerLimitW: number): number {
  return Math.max(2 * powerLimitW, 1500)
}
