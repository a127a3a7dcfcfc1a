/**
 * α_w calibrations: watts of node power added per watt of GPU dynamic
 * power, per workload class and node profile.
 */
import { loadCalibration } from './load.js'
import {
  WORKLOAD_CLASSES,
  type WorkloadCalibration,
  type WorkloadClass
} from './schemas.js'

/** The workload class names a calibration can be asked for. */
export const WORKLOAD_NAMES: readonly WorkloadClass[] = WORKLOAD_CLASSES

/** True when `name` is one of {@link WORKLOAD_NAMES}. */
export function isWorkloadClass(name: string): name is WorkloadClass {
  return (WORKLOAD_CLASSES as readonly string[]).includes(name)
}

/**
 * The α_w record for `workload` on `nodeProfileId`; undefined when the
 * pair has no calibration (the caller then stays at a lower level or uses
 * `generic`, and says so).
 */
export function findWorkloadCalibration(
  workload: string,
  nodeProfileId: string
): WorkloadCalibration | undefined {
  return loadCalibration().workloads.records.find(
    record =>
      record.workload === workload && record.node_profile === nodeProfileId
  )
}
