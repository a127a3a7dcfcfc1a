/**
 * The host side of a plan: which node profile the GPUs sit in (so how
 * many nodes' host power counts) and α_w for the workload, from the same
 * calibration the audit's L3 model uses.
 */
import { alphaFor, nodeProfileById } from '../audit/calibration-adapter.js'
import type { AlphaFacts, NodeFacts } from '../audit/calibration-port.js'
import {
  type Hardware,
  isWorkloadClass,
  listNodeProfiles,
  WORKLOAD_NAMES
} from '../calibration/index.js'
import {
  NO_NODE_PROFILE,
  type PlanInput,
  PlanInputError
} from './plan-input.js'

/** Workload class assumed for each kind of plan. */
export const DEFAULT_PLAN_WORKLOAD = {
  training: 'llm-training',
  inference: 'inference'
} as const

/** Host power terms of a plan, or why there are none. */
export interface PlanNode {
  profile: NodeFacts | undefined
  /** Nodes whose host power counts: ⌈GPUs ÷ GPUs per node⌉; 0 without a profile. */
  nodes: number
  gpusPerNode: number | null
  workload: string
  alpha: AlphaFacts | undefined
  notes: string[]
}

/** Node profile, node count and α_w for a plan. */
export function planNode(input: PlanInput, hardware: Hardware): PlanNode {
  const workload = input.workload ?? DEFAULT_PLAN_WORKLOAD[input.kind]
  if (!isWorkloadClass(workload))
    throw new PlanInputError([
      `workload: got "${workload}"; expected one of ${WORKLOAD_NAMES.join(', ')}`
    ])
  const found = chooseProfile(input, hardware)
  const base = { workload, alpha: undefined, gpusPerNode: null }
  if (typeof found === 'string')
    return { ...base, profile: undefined, nodes: 0, notes: [found] }
  const { profile, gpusPerNode } = found
  const nodes = Math.ceil(input.gpus / gpusPerNode)
  const { alpha, notes } = chooseAlpha(workload, profile)
  if (input.gpus % gpusPerNode !== 0)
    notes.push(
      `${input.gpus} GPUs fill ${nodes} nodes of ${gpusPerNode}: a part-filled node still powers its whole host`
    )
  return { ...base, profile, nodes, gpusPerNode, alpha, notes }
}

/** The profile named, else the one whose GPUs match; a string says why none. */
function chooseProfile(
  input: PlanInput,
  hardware: Hardware
): { profile: NodeFacts; gpusPerNode: number } | string {
  const wanted = input.nodeProfile
  if (wanted === NO_NODE_PROFILE)
    return 'no host power: node profile "none" counts the GPUs alone'
  const record = listNodeProfiles().find(profile =>
    wanted === undefined
      ? profile.recognise.hardware_ids.includes(hardware.id)
      : profile.id === wanted
  )
  const profile = record && nodeProfileById(record.id)
  if (record !== undefined && profile !== undefined)
    return { profile, gpusPerNode: record.recognise.gpu_count }
  if (wanted === undefined)
    return `no node profile in calibration-data/nodes.json holds ${hardware.display_name}: host power is not modelled (name one with nodeProfile, --node-profile)`
  const ids = listNodeProfiles().map(p => p.id)
  throw new PlanInputError([
    `nodeProfile: got "${wanted}"; expected one of ${[...ids, NO_NODE_PROFILE].join(', ')}`
  ])
}

/** α_w for the workload on the profile, else generic's, else none. */
function chooseAlpha(
  workload: string,
  profile: NodeFacts
): { alpha: AlphaFacts | undefined; notes: string[] } {
  const exact = alphaFor(workload, profile.id)
  if (exact !== undefined) return { alpha: exact, notes: [] }
  const generic = alphaFor('generic', profile.id)
  const why = `no α_w calibration for "${workload}" on ${profile.name}`
  if (generic !== undefined)
    return { alpha: generic, notes: [`${why}: used the generic workload's`] }
  return {
    alpha: undefined,
    notes: [`${why}: host power does not rise with GPU load here (α_w = 1)`]
  }
}
