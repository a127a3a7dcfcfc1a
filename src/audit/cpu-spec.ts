import type { DeviceSpec } from '../model/device-spec.js'

/**
 * Power of a host CPU known only by its utilisation: per logical CPU,
 * 0.74 W idle to 3.5 W fully busy, the averages over the processors of
 * SPECpower_ssj2008 results that Cloud Carbon Footprint uses for AWS
 * (MIN_WATTS_AVG and MAX_WATTS_AVG in
 * packages/aws/src/domain/AwsFootprintEstimationConstants.ts of
 * github.com/cloud-carbon-footprint/cloud-carbon-footprint).
 */
export const CPU_IDLE_W_PER_THREAD = 0.74
export const CPU_MAX_W_PER_THREAD = 3.5

/**
 * The idle figure is an average over processor families; ±50 % around it
 * is this project's stated assumption, as for other tools' estimates.
 */
const IDLE_SPREAD = 0.5

/** The plausibility ceiling of any non-GPU component, in W. */
export const COMPONENT_PLAUSIBLE_MAX_W = 1500

/** An L1 CPU spec for `logicalCpus` threads, and the note that says so. */
export function cpuSpec(logicalCpus: number): {
  spec: DeviceSpec
  note: string
} {
  const idleW = CPU_IDLE_W_PER_THREAD * logicalCpus
  const maxPowerW = CPU_MAX_W_PER_THREAD * logicalCpus
  return {
    spec: {
      hardwareId: undefined,
      idleW,
      idleLowW: idleW * (1 - IDLE_SPREAD),
      idleHighW: idleW * (1 + IDLE_SPREAD),
      maxPowerW,
      plausibleMaxW: Math.max(2 * maxPowerW, COMPONENT_PLAUSIBLE_MAX_W),
      accuracyW: 0,
      estimateSpread: 0
    },
    note: `CPU power from its utilisation: ${logicalCpus} logical CPUs × ${CPU_IDLE_W_PER_THREAD} W idle to ${CPU_MAX_W_PER_THREAD} W busy (Cloud Carbon Footprint's SPECpower averages for AWS), ${idleW.toFixed(0)}–${maxPowerW.toFixed(0)} W in all`
  }
}
