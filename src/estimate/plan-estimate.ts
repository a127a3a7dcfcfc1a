/**
 * The planning estimator: from model size, tokens, hardware and region to
 * time, energy, carbon and cost with bounds, as ecocompute.estimate/v1
 * with a `plan` block. Browser-safe: the CLI and the web page share it.
 */
import {
  type CarbonChoice,
  resolveCarbon,
  resolvePueChoice
} from '../audit/calibration-adapter.js'
import { toKWh } from '../audit/energy-totals.js'
import { planAssumptions, type PlanParts } from './plan-assumptions.js'
import { planEnergy } from './plan-energy.js'
import { planPeak, resolvePlanGpu } from './plan-hardware.js'
import { parsePlanInput, type PlanInput } from './plan-input.js'
import {
  planCarbon,
  planCost,
  planEquivalents,
  planIntensity
} from './plan-money.js'
import { planNode } from './plan-node.js'
import { planPower } from './plan-power.js'
import type { Bounded, PlanBlock, PlanEstimate } from './plan-schema.js'
import { planTime } from './plan-time.js'

/**
 * Estimates a planned run. Throws a PlanInputError, one line per problem,
 * for input that is invalid or that the catalogue cannot serve.
 */
export function estimatePlan(raw: PlanInput): PlanEstimate {
  const parts = resolveParts(parsePlanInput(raw))
  const { input, time, power, node, pue, carbon } = parts
  const gpuHours = scale(time.hours, input.gpus)
  const energy = planEnergy(input.gpus, time.hours, power, node, pue)
  const carbonBlock = planCarbon(
    energy.facility,
    carbon,
    input.intensityGPerKWh !== undefined
  )
  return {
    schema: 'ecocompute.estimate/v1',
    hours: time.hours.value,
    gpu_hours: gpuHours.value,
    energy: {
      gpu_kwh: toKWh(energy.gpu.valueJ),
      measured_gpu_kwh: 0,
      it_kwh: toKWh(energy.it.valueJ),
      facility_kwh: toKWh(energy.facility.valueJ),
      low_kwh: toKWh(energy.facility.lowJ),
      high_kwh: toKWh(energy.facility.highJ)
    },
    carbon: carbonBlock,
    cost: planCost(input, gpuHours, energy.facility),
    equivalents: planEquivalents(input, carbonBlock.kg),
    assumptions: planAssumptions(parts),
    plan: planBlock(parts, gpuHours)
  }
}

/** Every resolved term of the plan, in the order they depend on each other. */
function resolveParts(input: PlanInput): PlanParts {
  const hardware = resolvePlanGpu(input.gpu)
  const peak = planPeak(input, hardware)
  const power = planPower(input, hardware)
  const time = planTime(input, hardware, peak, power.slowdown)
  const node = planNode(input, hardware)
  const place = resolveCarbon(input.region)
  const pue = resolvePueChoice(input.pue, pueProvider(input, place), [])
  const carbon = planIntensity(input, place)
  return { input, hardware, peak, time, power, node, pue, carbon }
}

/** The provider whose fleet PUE is the default: the one named, else the region's. */
function pueProvider(
  input: PlanInput,
  place: CarbonChoice
): string | undefined {
  const named = input.pueProvider
  if (named === undefined) return place.provider
  return named === 'none' ? undefined : named
}

/** Says so when the default PUE is not the region's own provider's. */
function pueNotes(input: PlanInput, place: CarbonChoice): string[] {
  const named = input.pueProvider
  if (named === undefined || input.pue !== undefined) return []
  if (named === (place.provider ?? 'none')) return []
  const whose =
    named === 'none' ? 'the industry average PUE' : `the ${named} fleet PUE`
  return [
    `PUE: ${whose} is kept from the plan this one was derived from (pueProvider), not taken from ${place.region}, so only the grid intensity differs`
  ]
}

/** The `plan` block: what the time came from, time and power bounds, notes. */
function planBlock(parts: PlanParts, gpuHours: Bounded): PlanBlock {
  const { input, hardware, peak, time, power, node, carbon } = parts
  return {
    kind: input.kind,
    params: input.params,
    tokens: input.tokens,
    days: input.kind === 'inference' ? (input.days ?? 1) : null,
    flops_per_param_token: time.flopsPerParamToken,
    flops: time.flops,
    gpu: hardware.id,
    gpu_name: hardware.display_name,
    gpus: input.gpus,
    peak: input.peak ?? 'dense',
    peak_basis: peak.basis,
    peak_tflops: peak.tflops,
    mfu: bounds(time.mfu),
    speedup: time.speedup,
    power_cap_time_factor: power.slowdown,
    achieved_tflops: time.achievedTflops,
    hours: time.hours,
    gpu_hours: gpuHours,
    gpu_power_w: power.gpuW,
    nodes: node.nodes,
    notes: [
      ...servingNotes(input, time.hours),
      ...time.notes,
      ...(power.capNote === null ? [] : [power.capNote]),
      ...node.notes,
      ...carbon.notes,
      ...pueNotes(input, carbon),
      ...(parts.pue.note === undefined ? [] : [parts.pue.note])
    ]
  }
}

/**
 * For serving: how busy the GPUs are over the days served. The estimate
 * counts busy time only; a dedicated deployment also idles the rest.
 */
function servingNotes(input: PlanInput, hours: Bounded): string[] {
  if (input.kind !== 'inference') return []
  const servedHours = (input.days ?? 1) * 24
  const busy = hours.value / servedHours
  if (busy > 1)
    return [
      `the tokens need ${hours.value.toFixed(0)} h of ${input.gpus} GPUs, more than the ${servedHours} h served: more GPUs are needed to keep up`
    ]
  return [
    `the GPUs are busy ${hours.value.toFixed(1)} h of the ${servedHours} h served (${(busy * 100).toFixed(0)} %); only busy time is counted, so a deployment that holds its GPUs the whole time also draws their idle and host power for the other ${(servedHours - hours.value).toFixed(0)} h`
  ]
}

function bounds(b: Bounded): Bounded {
  return { value: b.value, low: b.low, high: b.high }
}

function scale(b: Bounded, by: number): Bounded {
  return { value: b.value * by, low: b.low * by, high: b.high * by }
}
