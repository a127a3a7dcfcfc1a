/**
 * The gap between the report's LLaMA-7B figures and a realistic estimate,
 * one assumption at a time: each step undoes one of the report's
 * assumptions, so the product of the step factors is the whole gap.
 */
import { estimatePlan } from './plan-estimate.js'
import {
  type OptionalPlanField,
  type PlanInput,
  withoutFields
} from './plan-input.js'
import type { PlanEstimate } from './plan-schema.js'

/** One assumption undone, and why. */
export interface GapStep {
  title: string
  why: string
  /** The fields of the report preset this step drops, so defaults apply. */
  drops: readonly OptionalPlanField[]
}

/** The steps from the report's assumptions to the sourced defaults. */
export const GAP_STEPS: readonly GapStep[] = [
  {
    title: '12·N·D → 6·N·D FLOPs',
    why: 'Training costs 6 FLOPs per parameter per token: 2 in the forward pass, 4 in the backward pass (Kaplan et al. 2020, arXiv:2001.08361, C ≈ 6·N·D). 12 counts every FLOP twice.',
    drops: ['flopsPerParamToken']
  },
  {
    title: 'sparse 1,979 → dense 989 TFLOP/s',
    why: 'The datasheet figure with sparsity assumes 2:4 structured-sparse weights; dense training runs at half of it (calibration-data/hardware.json, NVIDIA H100 datasheet). This step and the one before cancel.',
    drops: ['peak', 'peakTflops']
  },
  {
    title: '100 % → sourced MFU',
    why: 'No training run keeps every tensor core busy: the H100 preset spans 34–54 % (calibration-data/mfu.json, training-hopper).',
    drops: ['mfu']
  },
  {
    title: '700 W flat → power from utilisation',
    why: 'Training GPUs average below their 700 W limit: P_idle + u·(P_max − P_idle) with u from measured node power (calibration-data/mfu.json, utilisation).',
    drops: ['gpuPowerW']
  },
  {
    title: 'no host → HGX H100 nodes and α_w',
    why: 'CPUs, memory, NICs, NVSwitches, fans and PSU losses draw power too: host idle per 8-GPU node plus α_w per W of GPU dynamic power (calibration-data/nodes.json, workloads.json).',
    drops: ['nodeProfile']
  },
  {
    title: 'PUE 1 → the default PUE',
    why: 'Cooling and power distribution add to the IT energy: with no provider named, the industry average PUE (calibration-data/regions.json).',
    drops: ['pue']
  },
  {
    title: '20 g → Sweden from the bundled data',
    why: "Sweden's grid intensity from Ember and Electricity Maps via @tgwf/co2, with the spread of datasets as bounds.",
    drops: ['intensityGPerKWh', 'carKmPerKg']
  }
]

/** One step's result and its factor over the step before. */
export interface GapRow {
  step: GapStep | null
  estimate: PlanEstimate
  /** Result ÷ the previous row's result; null for the first row. */
  factors: { hours: number; energyKWh: number; carbonKg: number } | null
}

/** The report preset, then each step applied on top of the last. */
export function walkGap(report: PlanInput): GapRow[] {
  const rows: GapRow[] = [
    { step: null, estimate: estimatePlan(report), factors: null }
  ]
  let input = report
  for (const step of GAP_STEPS) {
    input = withoutFields(input, step.drops)
    const estimate = estimatePlan(input)
    const previous = rows[rows.length - 1]?.estimate ?? estimate
    rows.push({ step, estimate, factors: ratios(previous, estimate) })
  }
  return rows
}

function ratios(
  before: PlanEstimate,
  after: PlanEstimate
): NonNullable<GapRow['factors']> {
  return {
    hours: after.plan.hours.value / before.plan.hours.value,
    energyKWh: after.energy.facility_kwh / before.energy.facility_kwh,
    carbonKg: after.carbon.kg / before.carbon.kg
  }
}
