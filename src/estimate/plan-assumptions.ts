/**
 * The assumptions record of a planning estimate: every value used, its
 * range and where it came from, with `is_default` true for each one the
 * planner did not choose.
 */
import type { CarbonChoice } from '../audit/calibration-adapter.js'
import { type PueChoice, pueAssumption } from '../audit/energy-totals.js'
import type { Assumption } from '../audit/audit-schema.js'
import { formatSource, type Hardware } from '../calibration/index.js'
import type { PlanPeak } from './plan-hardware.js'
import { NO_NODE_PROFILE, type PlanInput } from './plan-input.js'
import type { PlanNode } from './plan-node.js'
import type { PlanPower } from './plan-power.js'
import type { Bounded } from './plan-schema.js'
import type { PlanTime } from './plan-time.js'

/** What the assumptions are made from. */
export interface PlanParts {
  input: PlanInput
  hardware: Hardware
  peak: PlanPeak
  time: PlanTime
  power: PlanPower
  node: PlanNode
  pue: PueChoice
  carbon: CarbonChoice
}

const GIVEN = 'given by the user'

/** A value the user gave, or a default with its source. */
function pick(
  value: number | string | null,
  given: boolean,
  defaultSource: string,
  bounds?: Bounded
): Assumption {
  const range =
    bounds === undefined ? {} : { low: bounds.low, high: bounds.high }
  return {
    value,
    ...range,
    source: given ? GIVEN : defaultSource,
    is_default: !given
  }
}

/** Every value the estimate used, keyed by name. */
export function planAssumptions(parts: PlanParts): Record<string, Assumption> {
  return {
    ...runAssumptions(parts),
    ...gpuPowerAssumptions(parts),
    ...hostAssumptions(parts),
    ...placeAssumptions(parts)
  }
}

/** The run: its size, the accelerator and the time terms. */
function runAssumptions({
  input,
  hardware,
  peak,
  time
}: PlanParts): Record<string, Assumption> {
  const speedups = Object.fromEntries(
    time.speedups.map(s => [
      `speedup_${s.id}`,
      {
        value: s.value,
        low: s.low,
        high: s.high,
        source: s.source,
        is_default: false
      }
    ])
  )
  return {
    mode: {
      value: 'planning',
      source:
        'time = FLOPs ÷ (GPUs × peak × MFU); energy by the node model of docs/methodology.md ("The model": host idle + GPUs + (α_w − 1) × GPU dynamic power, × PUE) from power per GPU, host power and PUE',
      is_default: false
    },
    kind: pick(input.kind, true, ''),
    params: pick(input.params, true, ''),
    tokens: pick(input.tokens, true, ''),
    ...(input.kind === 'inference'
      ? {
          days: pick(
            input.days ?? 1,
            input.days !== undefined,
            'default: one day of serving'
          )
        }
      : {}),
    flops_per_param_token: pick(
      time.flopsPerParamToken,
      input.flopsPerParamToken !== undefined,
      `default: ${input.kind === 'training' ? '6 (forward 2 + backward 4)' : '2 (one forward pass)'} FLOPs per parameter per token`
    ),
    gpu: pick(hardware.id, true, ''),
    gpus: pick(input.gpus, true, ''),
    peak_tflops: {
      value: peak.tflops,
      source: peak.source,
      is_default: peak.isDefault
    },
    mfu: pick(time.mfu.value, !time.mfu.isDefault, time.mfu.source, time.mfu),
    ...speedups
  }
}

/** GPU power: utilisation, the resulting power, idle power and the cap. */
function gpuPowerAssumptions({
  input,
  hardware,
  power,
  node
}: PlanParts): Record<string, Assumption> {
  const idle = hardware.idle_w
  const u = power.utilisation
  return {
    utilisation:
      u === null
        ? pick(null, false, 'not used: a fixed power per GPU was given')
        : pick(u.value, !u.isDefault, u.source, u),
    gpu_power_w: pick(
      power.gpuW.value,
      input.gpuPowerW !== undefined,
      `P_idle + u·(P_max − P_idle) with P_max ${hardware.max_power_w.value} W (${formatSource(hardware.max_power_w.source)})${power.capNote === null ? '' : `; ${power.capNote}`}`,
      power.gpuW
    ),
    // Idle power enters through the utilisation rule or α_w's dynamic
    // power; with a fixed power and no host neither is computed.
    gpu_idle_w:
      u === null && node.alpha === undefined
        ? pick(null, false, 'not used: a fixed power per GPU and no α_w term')
        : pick(
            idle.value,
            false,
            `${idle.derivation} ${formatSource(idle.source)}`,
            idle
          ),
    power_cap_w:
      input.powerCapW === undefined
        ? pick(null, false, 'no power cap')
        : pick(input.powerCapW, true, '')
  }
}

/** The host: node profile, node count, host idle power, workload, α_w. */
function hostAssumptions({
  input,
  hardware,
  node
}: PlanParts): Record<string, Assumption> {
  const host = node.profile?.hostIdleW
  return {
    node_profile: pick(
      node.profile?.id ?? NO_NODE_PROFILE,
      input.nodeProfile !== undefined,
      node.profile === undefined
        ? node.notes.join('; ')
        : `recognised from ${hardware.id}: ${node.profile.name}`
    ),
    // Without a node profile no node is counted: no value, not 0 nodes.
    nodes:
      node.gpusPerNode === null
        ? pick(null, false, 'no host power counted')
        : pick(
            node.nodes,
            false,
            `⌈${input.gpus} GPUs ÷ ${node.gpusPerNode} per node⌉`
          ),
    host_idle_w:
      host === undefined
        ? pick(null, false, 'no host power counted')
        : pick(host.value, false, host.source, host),
    workload:
      node.profile === undefined && input.workload === undefined
        ? pick(null, false, 'not used: α_w applies only with host power')
        : pick(
            node.workload,
            input.workload !== undefined,
            `default for ${input.kind}`
          ),
    alpha_w:
      node.alpha === undefined
        ? pick(
            null,
            false,
            node.profile === undefined
              ? 'no host power counted'
              : 'no calibration: α_w = 1'
          )
        : pick(
            node.alpha.alpha.value,
            false,
            node.alpha.alpha.source,
            node.alpha.alpha
          )
  }
}

/** PUE, carbon intensity and prices. */
function placeAssumptions({
  input,
  pue,
  carbon
}: PlanParts): Record<string, Assumption> {
  const intensity = {
    value: carbon.intensityGPerKWh,
    low: carbon.lowGPerKWh,
    high: carbon.highGPerKWh
  }
  return {
    pue: pueAssumption(pue),
    region: pick(
      carbon.region,
      input.region !== undefined,
      carbon.notes.join('; ') || 'default: the world average'
    ),
    carbon_intensity_g_per_kwh: pick(
      intensity.value,
      input.intensityGPerKWh !== undefined,
      `${carbon.dataset}${carbon.notes.length > 0 ? `; ${carbon.notes.join('; ')}` : ''}`,
      intensity
    ),
    gpu_hour_price_usd:
      input.gpuHourPriceUsd === undefined
        ? pick(null, false, 'not given: no compute cost')
        : pick(input.gpuHourPriceUsd, true, ''),
    electricity_price_usd_per_kwh:
      input.electricityPriceUsdPerKWh === undefined
        ? pick(null, false, 'not given: no energy cost')
        : pick(input.electricityPriceUsdPerKWh, true, '')
  }
}
