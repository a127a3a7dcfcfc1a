import { type ParseArgsConfig, parseArgs } from 'node:util'
import type { EstimateResult } from '../estimate/estimate-schema.js'
import {
  estimateFromPublished,
  type PublishedInputs
} from '../estimate/published-estimate.js'
import {
  renderEstimateMarkdown,
  renderEstimateText
} from '../estimate/render-estimate.js'
import { OUTPUT_FORMATS, type OutputFormat } from './audit-flags.js'
import { estimateHelp } from './estimate-help.js'
import { EXIT } from './exit-codes.js'
import { choiceOption, numberOption } from './option-values.js'
import { UsageError } from './usage-error.js'
import { writeOutput } from './write-output.js'

/** Options of `estimate`; the planning ones are recognised only to refuse. */
const ESTIMATE_OPTION_SPEC = {
  'gpu-hours': { type: 'string' },
  'power-w': { type: 'string' },
  pue: { type: 'string' },
  intensity: { type: 'string' },
  'gpu-hour-price': { type: 'string' },
  'electricity-price': { type: 'string' },
  params: { type: 'string' },
  tokens: { type: 'string' },
  gpu: { type: 'string' },
  format: { type: 'string' },
  out: { type: 'string' },
  help: { type: 'boolean', short: 'h' }
} as const satisfies ParseArgsConfig['options']

type EstimateValues = ReturnType<typeof parseStrict>['values']

/** The message for anything that needs the planning mode. */
const NO_PLANNING =
  'the planning mode (--params, --tokens, --gpu) is not available yet; give the published inputs --gpu-hours, --power-w and --intensity'

/**
 * `estimate --gpu-hours N --power-w W --intensity G`: a footprint from
 * published inputs. Throws UsageError (exit 2) for main to report.
 */
export async function runEstimateCommand(args: string[]): Promise<number> {
  const { values } = parseStrict(args)
  if (values.help === true) {
    process.stdout.write(estimateHelp())
    return EXIT.ok
  }
  const format = choiceOption('format', values.format, OUTPUT_FORMATS, 'text')
  const result = estimateFromPublished(publishedInputs(values))
  await writeOutput(render(result, format), values.out)
  return EXIT.ok
}

/** node:util parseArgs, with its errors turned into usage errors. */
function parseStrict(args: readonly string[]) {
  try {
    return parseArgs({
      args: [...args],
      options: ESTIMATE_OPTION_SPEC,
      allowPositionals: false,
      strict: true
    })
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error))
  }
}

/** The published inputs, checked, or a usage error naming the problem. */
function publishedInputs(values: EstimateValues): PublishedInputs {
  const planning = ['params', 'tokens', 'gpu'] as const
  if (planning.some(name => values[name] !== undefined))
    throw new UsageError(NO_PLANNING)
  const gpuHours = numberOption('--gpu-hours', values['gpu-hours'], 0, 1e10)
  const powerW = numberOption('--power-w', values['power-w'], 0, 100_000)
  if (gpuHours === undefined || powerW === undefined)
    throw new UsageError(NO_PLANNING)
  const intensity = numberOption('--intensity', values.intensity, 0, 2000)
  if (intensity === undefined)
    throw new UsageError(
      '--intensity is required: grid carbon intensity in gCO2e/kWh, e.g. 385'
    )
  return {
    gpuHours,
    powerW,
    intensityGPerKWh: intensity,
    pue: numberOption('--pue', values.pue, 1, 3),
    gpuHourPriceUsd: numberOption(
      '--gpu-hour-price',
      values['gpu-hour-price'],
      0,
      10_000
    ),
    electricityPriceUsdPerKWh: numberOption(
      '--electricity-price',
      values['electricity-price'],
      0,
      100
    )
  }
}

/** The result in the chosen format. */
function render(result: EstimateResult, format: OutputFormat): string {
  switch (format) {
    case 'json':
      return `${JSON.stringify(result, null, 2)}\n`
    case 'markdown':
      return renderEstimateMarkdown(result)
    case 'text':
      return renderEstimateText(result)
  }
}
