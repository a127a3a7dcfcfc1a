/**
 * What a planner gives the estimator: model size, tokens, hardware and
 * where it runs, plus optional overrides of every default. Shared by the
 * CLI and the web page; validated by one zod schema.
 */
import { z } from 'zod'
import { unknownRegionProblem } from '../audit/audit-choices.js'
import { CLOUD_PROVIDERS } from '../calibration/region-schemas.js'
import {
  describeRule,
  fitsRule,
  type NumberRule,
  PLAN_NUMBER_RULES,
  type PlanNumberField
} from './plan-number-rules.js'

/** A training run or a period of serving. */
export const PLAN_KINDS = ['training', 'inference'] as const
/** Which datasheet peak the time is computed against. */
export const PEAK_KINDS = ['dense', 'sparse'] as const
/** Where the peak used came from: a datasheet's dense or sparse figure, or given. */
export const PEAK_BASES = ['dense', 'sparse', 'given'] as const
/** Throughput factors from calibration-data/mfu.json. */
export const SPEEDUP_IDS = [
  'flash-attention-2',
  'flash-attention-2-from-eager',
  'fp8'
] as const
/** `nodeProfile` value that leaves out host power altogether. */
export const NO_NODE_PROFILE = 'none'
/** `pueProvider` values: a cloud provider's fleet PUE, or `none` for the industry average. */
export const PUE_PROVIDERS = [...CLOUD_PROVIDERS, 'none'] as const

/** One of {@link SPEEDUP_IDS}. */
export type SpeedupId = (typeof SPEEDUP_IDS)[number]

/** A planned run. Every optional field has a named, sourced default. */
export interface PlanInput {
  kind: (typeof PLAN_KINDS)[number]
  /** Parameters (active parameters for MoE). */
  params: number
  /** Training tokens; for inference, tokens processed per day. */
  tokens: number
  /** Inference only: days of serving (default 1). */
  days?: number
  /** Accelerator id or alias from calibration-data/hardware.json. */
  gpu: string
  gpus: number
  /** Country, grid zone or cloud region; undefined: the world average. */
  region?: string
  /** 0 < mfu ≤ 1; default from the MFU presets. */
  mfu?: number
  /** Default: the cloud provider's, else the industry average. */
  pue?: number
  /**
   * Whose default PUE applies when `pue` is not given; default: the
   * region's provider. The region what-if sets it so only the grid changes.
   */
  pueProvider?: (typeof PUE_PROVIDERS)[number]
  /** Power utilisation u of P_idle + u·(P_max − P_idle). */
  utilisation?: number
  /** Power cap per GPU in W. */
  powerCapW?: number
  gpuHourPriceUsd?: number
  electricityPriceUsdPerKWh?: number
  /** Default 6 for training, 2 for inference. */
  flopsPerParamToken?: number
  /** Default dense; sparse: the datasheet's 2:4-sparsity figure. */
  peak?: (typeof PEAK_KINDS)[number]
  /** Peak TFLOP/s per GPU, replacing the catalogue's. */
  peakTflops?: number
  /** Node profile id, `none` for no host power; default recognised. */
  nodeProfile?: string
  /** Workload class for α_w; default llm-training or inference. */
  workload?: string
  /** Throughput factors applied on top of the MFU. */
  speedups?: SpeedupId[]
  /** Fixed power per GPU in W, replacing the utilisation model. */
  gpuPowerW?: number
  /** Grid intensity in gCO2e/kWh, replacing the region's. */
  intensityGPerKWh?: number
  /** Car km per kg CO2e, replacing the bundled EPA equivalent. */
  carKmPerKg?: number
}

/** A plan that failed validation; `problems` holds one line per problem. */
export class PlanInputError extends Error {
  override name = 'PlanInputError'

  /** Builds the message from the problem lines. */
  constructor(readonly problems: readonly string[]) {
    super(`invalid plan input:\n${problems.join('\n')}`)
  }
}

/** A number field checked against its rule, with the value it got. */
function numberField(field: PlanNumberField): z.ZodType<number> {
  const rule: NumberRule = PLAN_NUMBER_RULES[field]
  return z.custom<number>(value => fitsRule(value, rule), {
    error: issue =>
      issue.input === undefined
        ? `required: ${describeRule(rule)}`
        : `got ${shown(issue.input)}; expected ${describeRule(rule)}`
  })
}

/** A received value as the user would write it: `NaN`, `-1`, `"abc"`. */
function shown(value: unknown): string {
  return typeof value === 'number' ? String(value) : JSON.stringify(value)
}

const text = z.string().trim().min(1, 'expected a non-empty string')
const choice = <T extends readonly [string, ...string[]]>(values: T) =>
  z.enum(values, { error: `expected one of ${values.join(', ')}` })

const PlanSchema = z
  .object({
    kind: choice(PLAN_KINDS),
    params: numberField('params'),
    tokens: numberField('tokens'),
    days: numberField('days').optional(),
    gpu: text,
    gpus: numberField('gpus'),
    region: text.optional(),
    mfu: numberField('mfu').optional(),
    pue: numberField('pue').optional(),
    pueProvider: choice(PUE_PROVIDERS).optional(),
    utilisation: numberField('utilisation').optional(),
    powerCapW: numberField('powerCapW').optional(),
    gpuHourPriceUsd: numberField('gpuHourPriceUsd').optional(),
    electricityPriceUsdPerKWh: numberField(
      'electricityPriceUsdPerKWh'
    ).optional(),
    flopsPerParamToken: numberField('flopsPerParamToken').optional(),
    peak: choice(PEAK_KINDS).optional(),
    peakTflops: numberField('peakTflops').optional(),
    nodeProfile: text.optional(),
    workload: text.optional(),
    speedups: z.array(choice(SPEEDUP_IDS)).optional(),
    gpuPowerW: numberField('gpuPowerW').optional(),
    intensityGPerKWh: numberField('intensityGPerKWh').optional(),
    carKmPerKg: numberField('carKmPerKg').optional()
  })
  .strict()

/**
 * Validates a raw plan (from the web page's form or the CLI); throws a
 * {@link PlanInputError} listing every problem, one line per field.
 */
export function parsePlanInput(raw: unknown): PlanInput {
  const result = PlanSchema.safeParse(raw)
  if (!result.success) {
    throw new PlanInputError(
      result.error.issues.map(
        issue => `${issue.path.join('.') || 'plan'}: ${issue.message}`
      )
    )
  }
  const problems = crossFieldProblems(result.data)
  if (problems.length > 0) throw new PlanInputError(problems)
  return result.data
}

/** Rules between fields, and names, that the per-field schema cannot see. */
function crossFieldProblems(plan: z.infer<typeof PlanSchema>): string[] {
  const problems: string[] = []
  if (plan.kind === 'training' && plan.days !== undefined)
    problems.push(
      'days: only for inference (days of serving); a training run is its total tokens'
    )
  const speedups = plan.speedups ?? []
  const attention = speedups.filter(id => id.startsWith('flash'))
  if (attention.length > 1)
    problems.push(
      'speedups: flash-attention-2 and flash-attention-2-from-eager describe different baselines; give one'
    )
  if (plan.kind === 'inference' && speedups.length > 0)
    problems.push(`speedups: ${INFERENCE_SPEEDUP_REASON}`)
  const region =
    plan.region === undefined ? undefined : unknownRegionProblem(plan.region)
  if (region !== undefined) problems.push(`region: ${region}`)
  return problems
}

/**
 * Why no speed-up applies to serving: FlashAttention-2 (Dao 2023, Table 1)
 * and FP8 (Peng et al. 2023, Table 5) were measured on training throughput,
 * and no sourced inference factor is bundled.
 */
export const INFERENCE_SPEEDUP_REASON =
  'its factor was measured on training throughput (calibration-data/mfu.json) and no inference figure is sourced, so it is not applied to serving'

/** Optional fields of a plan, which can be dropped to fall back to defaults. */
export type OptionalPlanField = {
  [K in keyof PlanInput]-?: undefined extends PlanInput[K] ? K : never
}[keyof PlanInput]

/** A copy of `input` without `fields`, so their defaults apply. */
export function withoutFields(
  input: PlanInput,
  fields: readonly OptionalPlanField[]
): PlanInput {
  const copy = { ...input }
  for (const field of fields) delete copy[field]
  return copy
}
