import type { ParseArgsConfig } from 'node:util'
import type { EstimateResult } from '../estimate/estimate-schema.js'
import { renderCaseStudy } from '../estimate/plan-case-study.js'
import { caseStudyData } from '../estimate/plan-case-study-data.js'
import { estimatePlan } from '../estimate/plan-estimate.js'
import {
  type FlagValues,
  planInputFromFlags,
  PLANNING_ONLY_FLAGS,
  withFlagNames
} from '../estimate/plan-flags.js'
import { type PlanInput, PlanInputError } from '../estimate/plan-input.js'
import { getPlanPreset, PLAN_PRESETS } from '../estimate/plan-presets.js'
import { renderPlanMarkdown, renderPlanText } from '../estimate/plan-render.js'
import { compareWhatIfs } from '../estimate/plan-what-ifs.js'
import {
  estimateFromPublished,
  type PublishedInputs
} from '../estimate/published-estimate.js'
import {
  renderEstimateMarkdown,
  renderEstimateText
} from '../estimate/render-estimate.js'
import { OUTPUT_FORMATS, type OutputFormat } from './audit-flags.js'
import { estimateHelp, presetList } from './estimate-help.js'
import { EXIT } from './exit-codes.js'
import { choiceOption, numberOption } from './option-values.js'
import { parseCommandArgs } from './parse-command-args.js'
import { UsageError } from './usage-error.js'
import { writeOutput } from './write-output.js'

const text = { type: 'string' } as const

/** Options of `estimate`: published inputs, planning inputs, shared ones. */
const ESTIMATE_OPTION_SPEC = {
  'gpu-hours': text,
  'power-w': text,
  intensity: text,
  pue: text,
  'gpu-hour-price': text,
  'electricity-price': text,
  ...Object.fromEntries(PLANNING_ONLY_FLAGS.map(flag => [flag, text])),
  'case-study': { type: 'boolean' },
  format: text,
  out: text,
  help: { type: 'boolean', short: 'h' }
} as const satisfies ParseArgsConfig['options']

type EstimateValues = FlagValues

/** Flags only the published-input mode has. */
const PUBLISHED_ONLY_FLAGS = ['gpu-hours', 'power-w'] as const

/**
 * `estimate`: a footprint from published inputs (`--gpu-hours`,
 * `--power-w`, `--intensity`) or a planned run (`--params`, `--tokens`,
 * `--gpu`, `--gpus`, or `--preset`). Throws UsageError (exit 2) for main
 * to report.
 */
export async function runEstimateCommand(args: string[]): Promise<number> {
  const values = parseStrict(args)
  const listing =
    values.help === true
      ? estimateHelp()
      : values.preset === 'list'
        ? presetList()
        : null
  if (listing !== null) {
    process.stdout.write(listing)
    return EXIT.ok
  }
  const format = choiceOption(
    'format',
    asText(values.format),
    OUTPUT_FORMATS,
    'text'
  )
  await writeOutput(renderMode(values, format), asText(values.out))
  return EXIT.ok
}

/** The output of whichever mode the flags ask for. */
function renderMode(values: EstimateValues, format: OutputFormat): string {
  if (values['case-study'] === true) return caseStudy(values, format)
  const given = (flags: readonly string[]): string[] =>
    flags.filter(flag => values[flag] !== undefined).map(flag => `--${flag}`)
  const published = given(PUBLISHED_ONLY_FLAGS)
  const planning = given(PLANNING_ONLY_FLAGS)
  if (published.length > 0 && planning.length > 0)
    throw new UsageError(
      `cannot mix published inputs (${published.join(', ')}) with planning inputs (${planning.join(', ')}): published inputs recompute a stated footprint from its GPU-hours and power, planning derives them from model size, tokens and hardware; give one set`
    )
  if (planning.length > 0) return renderPlanning(values, format)
  if (published.length > 0)
    return renderPublished(
      estimateFromPublished(publishedInputs(values)),
      format
    )
  throw new UsageError(
    'estimate needs published inputs (--gpu-hours, --power-w, --intensity) or a planned run (--params, --tokens, --gpu, --gpus, or --preset NAME; --preset list shows the presets)'
  )
}

/** The flags, through the shared strict parser; estimate takes no operands. */
function parseStrict(args: readonly string[]): EstimateValues {
  const { values, positionals } = parseCommandArgs(args, ESTIMATE_OPTION_SPEC)
  if (positionals.length > 0)
    throw new UsageError(
      `estimate takes no operand, got "${positionals[0]}"; every input is a --flag`
    )
  return values
}

function asText(value: string | boolean | undefined): string | undefined {
  return typeof value === 'string' ? value : undefined
}

/**
 * The case study; no other input is taken with it. The page is Markdown
 * (text and markdown print it); json prints its figures: the report's
 * baseline, the realistic estimate, the gap rows and the what-ifs.
 */
function caseStudy(values: EstimateValues, format: OutputFormat): string {
  const extra = Object.keys(values).filter(
    key => !['case-study', 'out', 'format'].includes(key)
  )
  if (extra.length > 0)
    throw new UsageError(
      `--case-study takes no other input (got --${extra.join(', --')}); it writes docs/case-study-llama-7b.md`
    )
  switch (format) {
    case 'json':
      return `${JSON.stringify(caseStudyData(), null, 2)}\n`
    case 'markdown':
    case 'text':
      return renderCaseStudy()
  }
}

/** A planned run, with what-ifs when asked, in the chosen format. */
function renderPlanning(values: EstimateValues, format: OutputFormat): string {
  return asUsage(() => {
    const input = planningInput(values)
    const ids = whatIfIds(asText(values['what-if']))
    const comparison =
      ids === undefined
        ? undefined
        : withFlagNames(() => compareWhatIfs(input, ids))
    const estimate =
      comparison?.baseline ?? withFlagNames(() => estimatePlan(input))
    switch (format) {
      case 'json':
        return `${JSON.stringify(comparison === undefined ? estimate : { baseline: estimate, what_ifs: comparison.cases, skipped: comparison.skipped }, null, 2)}\n`
      case 'markdown':
        return renderPlanMarkdown(estimate, comparison)
      case 'text':
        return renderPlanText(estimate, comparison)
    }
  })
}

/** The preset named (if any) with the flags on top. */
function planningInput(values: EstimateValues): PlanInput {
  const name = asText(values.preset)
  const preset = name === undefined ? undefined : getPlanPreset(name)
  if (name !== undefined && preset === undefined)
    throw new UsageError(
      `--preset: unknown "${name}"; presets: ${PLAN_PRESETS.map(p => p.id).join(', ')} (--preset list describes them)`
    )
  return planInputFromFlags(values, preset?.input)
}

/** `--what-if a,b=c` → ids; undefined when the flag is absent. */
function whatIfIds(list: string | undefined): string[] | undefined {
  if (list === undefined) return undefined
  const ids = list
    .split(',')
    .map(id => id.trim())
    .filter(id => id !== '')
  if (ids.length === 0)
    throw new UsageError(
      '--what-if needs at least one id, e.g. --what-if flash-attention-2,region=FR'
    )
  return ids
}

/** Runs `build`; a PlanInputError becomes a usage error with its lines. */
function asUsage(build: () => string): string {
  try {
    return build()
  } catch (error) {
    if (error instanceof PlanInputError)
      throw new UsageError(error.problems.join('\n'))
    throw error
  }
}

/** The published inputs, checked, or a usage error naming the problem. */
function publishedInputs(values: EstimateValues): PublishedInputs {
  const number = (flag: string, min: number, max: number): number | undefined =>
    numberOption(`--${flag}`, asText(values[flag]), min, max)
  const gpuHours = number('gpu-hours', 0, 1e10)
  const powerW = number('power-w', 0, 100_000)
  if (gpuHours === undefined || powerW === undefined)
    throw new UsageError(
      'published inputs need both --gpu-hours (device hours) and --power-w (average W per device)'
    )
  const intensity = number('intensity', 0, 2000)
  if (intensity === undefined)
    throw new UsageError(
      '--intensity is required: grid carbon intensity in gCO2e/kWh, e.g. 385'
    )
  return {
    gpuHours,
    powerW,
    intensityGPerKWh: intensity,
    pue: number('pue', 1, 3),
    gpuHourPriceUsd: number('gpu-hour-price', 0, 10_000),
    electricityPriceUsdPerKWh: number('electricity-price', 0, 100)
  }
}

/** A published-input result in the chosen format. */
function renderPublished(result: EstimateResult, format: OutputFormat): string {
  switch (format) {
    case 'json':
      return `${JSON.stringify(result, null, 2)}\n`
    case 'markdown':
      return renderEstimateMarkdown(result)
    case 'text':
      return renderEstimateText(result)
  }
}
