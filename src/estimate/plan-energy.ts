/**
 * Energy of a planned run with the node model of docs/methodology.md
 * ("The model"):
 * E_IT = P_host_idle·T·nodes + Σ P_gpu·T + (α_w − 1)·Σ max(0, P_gpu − P_idle)·T,
 * E_facility = PUE × E_IT. Bounds by interval arithmetic over the power,
 * time, host, α_w and PUE ranges.
 */
import { type EnergyTotals, sum } from '../audit/energy-totals.js'
import type { PueChoice } from '../audit/energy-totals.js'
import type { BoundedJ } from '../model/device-outcome.js'
import type { PlanNode } from './plan-node.js'
import type { PlanPower } from './plan-power.js'
import type { Bounded } from './plan-schema.js'

const ZERO: BoundedJ = { valueJ: 0, lowJ: 0, highJ: 0 }

/** Energy terms of a plan in J; `measuredGpu` is zero: nothing was measured. */
export function planEnergy(
  gpus: number,
  hours: Bounded,
  power: PlanPower,
  node: PlanNode,
  pue: PueChoice
): EnergyTotals & { hostJ: BoundedJ; extraJ: BoundedJ } {
  const seconds = scale(hours, 3600)
  const gpu = product(scale(power.gpuW, gpus), seconds)
  const hostJ = hostEnergy(node, seconds)
  const extraJ = extraEnergy(gpus, power, node, seconds)
  const it = sum([gpu, hostJ, extraJ])
  const facility = {
    valueJ: it.valueJ * pue.value,
    lowJ: it.lowJ * pue.low,
    highJ: it.highJ * pue.high
  }
  return { gpu, measuredGpu: ZERO, it, facility, hostJ, extraJ }
}

/** P_host_idle × nodes × T. */
function hostEnergy(node: PlanNode, seconds: Bounded): BoundedJ {
  if (node.profile === undefined) return ZERO
  const host = node.profile.hostIdleW
  return product(scale(host, node.nodes), seconds)
}

/**
 * (α_w − 1) × GPUs × max(0, P_gpu − P_idle) × T; the low bound takes the
 * high idle, the high bound the low idle.
 */
function extraEnergy(
  gpus: number,
  power: PlanPower,
  node: PlanNode,
  seconds: Bounded
): BoundedJ {
  const alpha = node.alpha?.alpha
  if (node.profile === undefined || alpha === undefined) return ZERO
  const { gpuW, idleW } = power
  const dynamicW = {
    value: Math.max(0, gpuW.value - idleW.value),
    low: Math.max(0, gpuW.low - idleW.high),
    high: Math.max(0, gpuW.high - idleW.low)
  }
  const factor = {
    value: alpha.value - 1,
    low: Math.max(0, alpha.low - 1),
    high: alpha.high - 1
  }
  return product(scale(product2(factor, dynamicW), gpus), seconds)
}

/** A bounded value times a constant. */
function scale(b: Bounded, by: number): Bounded {
  return { value: b.value * by, low: b.low * by, high: b.high * by }
}

/** Two non-negative bounded values multiplied. */
function product2(a: Bounded, b: Bounded): Bounded {
  return { value: a.value * b.value, low: a.low * b.low, high: a.high * b.high }
}

/** W × s as bounded J. */
function product(powerW: Bounded, seconds: Bounded): BoundedJ {
  const j = product2(powerW, seconds)
  return { valueJ: j.value, lowJ: j.low, highJ: j.high }
}
