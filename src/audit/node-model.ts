import type { BoundedJ } from '../model/device-outcome.js'
import type { AuditOptions } from './audit-options.js'
import type { AlphaFacts, NodeFacts } from './calibration-port.js'
import type { DeviceRecord } from './device-records.js'
import { groupBy } from './group-by.js'
import { unionWindow } from './union-window.js'
import {
  alphaFor,
  nodeProfileById,
  nodeProfileFor
} from './calibration-adapter.js'

/** Workload class assumed when none is given. */
export const DEFAULT_WORKLOAD = 'generic'

/** The L3 terms of one node, or why it stayed at L2. */
export interface NodeEnergy {
  node: string
  profile: NodeFacts | undefined
  alpha: AlphaFacts | undefined
  windowS: number
  /** P_host_idle × node window. */
  hostJ: BoundedJ
  /** (α_w − 1) × the GPUs' dynamic energy. */
  extraJ: BoundedJ
  reason: string
}

const ZERO: BoundedJ = { valueJ: 0, lowJ: 0, highJ: 0 }

/**
 * Applies the L3 node model where a node profile and a workload
 * calibration both apply: E_IT = P_host_idle·T + Σ E_gpu + (α_w − 1)·Σ E_dyn.
 * Devices of such a node are marked L3; the others keep their level.
 */
export function modelNodes(
  devices: DeviceRecord[],
  options: AuditOptions
): NodeEnergy[] {
  const gpus = devices.filter(device => device.identity.kind === 'gpu')
  const measuredHosts = new Set(
    devices.filter(device => device.identity.kind !== 'gpu').map(d => d.node)
  )
  const byNode = groupBy(gpus, device => device.node)
  return [...byNode.entries()].map(([node, gpus]) =>
    measuredHosts.has(node)
      ? hostAlreadyMeasured(node, gpus)
      : modelNode(node, gpus, options)
  )
}

/**
 * A node whose CPU and RAM the recording tool reported (CodeCarbon, or
 * RAPL through the collector) keeps those figures: modelling the host on
 * top would count them twice. What RAPL and CodeCarbon leave out is said,
 * not guessed.
 */
function hostAlreadyMeasured(node: string, gpus: DeviceRecord[]): NodeEnergy {
  return {
    node,
    windowS: unionWindow(gpus).durationS,
    hostJ: ZERO,
    extraJ: ZERO,
    profile: undefined,
    alpha: undefined,
    reason:
      'the recording tool reported host components (CPU, RAM), so the node model is not applied on top; the rest of the host (fans, NICs, storage, power-supply losses) is not counted'
  }
}

/** One node's L3 terms. */
function modelNode(
  node: string,
  gpus: DeviceRecord[],
  options: AuditOptions
): NodeEnergy {
  const windowS = unionWindow(gpus).durationS
  const base = { node, windowS, hostJ: ZERO, extraJ: ZERO }
  const profile = chooseProfile(gpus, options)
  if (typeof profile === 'string') {
    return { ...base, profile: undefined, alpha: undefined, reason: profile }
  }
  const workload = options.workload ?? DEFAULT_WORKLOAD
  const alpha = alphaFor(workload, profile.id)
  if (alpha === undefined) {
    const reason = `no α_w calibration for workload "${workload}" on ${profile.name}`
    return { ...base, profile, alpha: undefined, reason }
  }

  const measured = gpus.filter(gpu => gpu.outcome.level === 'L2')
  for (const gpu of measured) gpu.l3 = true
  return {
    ...base,
    profile,
    alpha,
    hostJ: scale(profile.hostIdleW, windowS),
    extraJ: extraEnergy(measured, alpha),
    reason: `node profile ${profile.name} and α_w for ${workload}`
  }
}

/** The node profile chosen or recognised, or why there is none. */
function chooseProfile(
  gpus: DeviceRecord[],
  options: AuditOptions
): NodeFacts | string {
  if (options.nodeProfile !== undefined) {
    return (
      nodeProfileById(options.nodeProfile) ??
      `unknown node profile "${options.nodeProfile}"`
    )
  }
  const ids = new Set(gpus.map(gpu => gpu.spec.hardwareId))
  const [only] = [...ids]
  if (ids.size !== 1 || only === undefined) {
    return 'no node profile: GPU models unknown or mixed (name one with --node-profile, or the model with --gpu)'
  }
  return (
    nodeProfileFor(only, gpus.length) ??
    `no node profile recognised for ${gpus.length} × ${only} (name one with --node-profile)`
  )
}

/** (α − 1) × dynamic energy, bounds from α's range and the dynamic bounds. */
function extraEnergy(gpus: DeviceRecord[], alpha: AlphaFacts): BoundedJ {
  const dynamic = gpus.reduce(
    (sum, gpu) => ({
      valueJ: sum.valueJ + gpu.outcome.dynamic.valueJ,
      lowJ: sum.lowJ + gpu.outcome.dynamic.lowJ,
      highJ: sum.highJ + gpu.outcome.dynamic.highJ
    }),
    ZERO
  )
  return {
    valueJ: (alpha.alpha.value - 1) * dynamic.valueJ,
    lowJ: Math.max(0, alpha.alpha.low - 1) * dynamic.lowJ,
    highJ: (alpha.alpha.high - 1) * dynamic.highJ
  }
}

/** Power range × duration. */
function scale(
  power: { value: number; low: number; high: number },
  durationS: number
): BoundedJ {
  return {
    valueJ: power.value * durationS,
    lowJ: power.low * durationS,
    highJ: power.high * durationS
  }
}
