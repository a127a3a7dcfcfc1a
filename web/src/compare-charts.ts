import { estimatePlan } from '../../src/estimate/plan-estimate.js'
import {
  PlanInputError,
  type PlanInput
} from '../../src/estimate/plan-input.js'
import type { PlanEstimate } from '../../src/estimate/plan-schema.js'
import { resolveWhatIf } from '../../src/estimate/plan-what-ifs.js'
import { type Bar, renderBarChart } from './bar-chart.js'
import { formatMoney } from './format-figures.js'

/**
 * Grids from low to high carbon intensity across continents (Ember and
 * Electricity Maps data bundled in calibration-data/): where a planner
 * might choose to run, not a ranking.
 */
const REGIONS = [
  'SE',
  'FR',
  'CA',
  'BR',
  'GB',
  'US',
  'DE',
  'JP',
  'CN',
  'IN',
  'PL',
  'ZA'
]

/** Accelerators planners compare for training, one per generation and vendor. */
const GPUS = [
  'v100-sxm2-32gb',
  'a100-sxm4-80gb',
  'h100-sxm',
  'h200-sxm',
  'b200',
  'mi300x',
  'l40s'
]

/** The region chart (carbon) and the GPU charts (cost and carbon). */
export function renderCompareCharts(
  input: PlanInput,
  baseline: PlanEstimate
): HTMLElement[] {
  const regionsLeftOut: string[] = []
  const gpusLeftOut: string[] = []
  const regions = compareRegions(input, baseline, regionsLeftOut)
  const gpus = compareGpus(input, baseline, gpusLeftOut)
  const charts = [
    renderBarChart({
      id: 'chart-regions',
      title: 'Carbon by region',
      unit: 'kg CO2e',
      bars: regions,
      caption: `The same run on each grid; time, energy and cost do not change. Whiskers: the range from PUE, power and grid data.${leftOutNote(regionsLeftOut)}`
    }),
    renderBarChart({
      id: 'chart-gpus-carbon',
      title: 'Carbon by GPU',
      unit: 'kg CO2e',
      bars: gpus.map(g => g.carbon),
      caption: `The same FLOPs on ${input.gpus} GPUs of each model at its own peak and MFU preset, in ${baseline.carbon.region}.${leftOutNote(gpusLeftOut)}`
    })
  ]
  const costed = gpus.filter(g => g.cost !== undefined).map(g => g.cost!)
  const price = input.gpuHourPriceUsd
  const caption =
    price === undefined
      ? 'At the plan’s electricity price; GPU-hours priced by nobody are not costed.'
      : `At the plan’s ${formatMoney(price, 'USD')} per GPU-hour for every model, so the bars differ by GPU-hours: compare with each model’s real price.`
  if (costed.length > 0) {
    charts.push(
      renderBarChart({
        id: 'chart-gpus-cost',
        title: 'Cost by GPU',
        unit: baseline.cost.currency,
        bars: costed,
        caption
      })
    )
  }
  return charts
}

/** Carbon of the plan in each region, the plan's own first. */
function compareRegions(
  input: PlanInput,
  baseline: PlanEstimate,
  leftOut: string[]
): Bar[] {
  const own = (input.region ?? 'WORLD').toUpperCase()
  const bars: Bar[] = [carbonBar(baseline.carbon.region, baseline, true)]
  for (const region of REGIONS.filter(r => r !== own)) {
    const estimate = tryEstimate(
      () => resolveWhatIf(`region=${region}`).apply(input),
      region,
      leftOut
    )
    if (estimate !== undefined) bars.push(carbonBar(region, estimate))
  }
  return bars
}

/** Carbon and cost of the plan on each GPU, the plan's own first. */
function compareGpus(
  input: PlanInput,
  baseline: PlanEstimate,
  leftOut: string[]
): { carbon: Bar; cost?: Bar }[] {
  const ids = [
    baseline.plan.gpu,
    ...GPUS.filter(id => id !== baseline.plan.gpu)
  ]
  const rows: { carbon: Bar; cost?: Bar }[] = []
  for (const id of ids) {
    const mine = id === baseline.plan.gpu
    const estimate = mine
      ? baseline
      : tryEstimate(() => resolveWhatIf(`gpu=${id}`).apply(input), id, leftOut)
    if (estimate === undefined) continue
    const label = estimate.plan.gpu_name
    rows.push({
      carbon: carbonBar(label, estimate, mine),
      cost: costBar(label, estimate, mine)
    })
  }
  return rows
}

function carbonBar(label: string, estimate: PlanEstimate, mine = false): Bar {
  const { kg, low_kg, high_kg } = estimate.carbon
  return { label, value: kg, low: low_kg, high: high_kg, mine }
}

function costBar(
  label: string,
  estimate: PlanEstimate,
  mine: boolean
): Bar | undefined {
  const { total_usd, low_usd, high_usd } = estimate.cost
  if (total_usd === null || low_usd === null || high_usd === null)
    return undefined
  return { label, value: total_usd, low: low_usd, high: high_usd, mine }
}

/**
 * The estimate of one choice, or undefined with the reason added to
 * `leftOut` where the catalogue cannot serve it (no peak, no FP8…).
 */
function tryEstimate(
  makeInput: () => PlanInput,
  choice: string,
  leftOut: string[]
): PlanEstimate | undefined {
  try {
    return estimatePlan(makeInput())
  } catch (error) {
    const reason =
      error instanceof PlanInputError
        ? error.problems.join('; ')
        : String(error)
    leftOut.push(`${choice} (${reason})`)
    return undefined
  }
}

/** ` Left out: …` for a caption, or nothing. */
function leftOutNote(leftOut: readonly string[]): string {
  return leftOut.length === 0 ? '' : ` Left out: ${leftOut.join(', ')}.`
}
