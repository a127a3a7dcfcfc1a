/**
 * Node profiles: the non-GPU idle power of a known server design and how
 * to recognise it from the GPUs seen in one node's telemetry.
 */
import { loadCalibration } from './load.js'
import type { NodeProfile } from './schemas.js'

/**
 * The node profile whose GPUs are `gpuCount` × `hardwareId` (for example 8
 * × `h100-sxm` → `hgx-h100-8gpu`); undefined when none applies.
 */
export function recogniseNodeProfile(
  hardwareId: string,
  gpuCount: number
): NodeProfile | undefined {
  return loadCalibration().nodes.records.find(
    node =>
      node.recognise.gpu_count === gpuCount &&
      node.recognise.hardware_ids.includes(hardwareId)
  )
}

/** The node profile with this id, if any. */
export function getNodeProfile(id: string): NodeProfile | undefined {
  return loadCalibration().nodes.records.find(node => node.id === id)
}

/** Every node profile. */
export function listNodeProfiles(): readonly NodeProfile[] {
  return loadCalibration().nodes.records
}
