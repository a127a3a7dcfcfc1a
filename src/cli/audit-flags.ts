import { realpathSync } from 'node:fs'
import { resolve } from 'node:path'
import type { ParseArgsConfig } from 'node:util'
import { checkAuditChoices } from '../audit/audit-choices.js'
import type { AuditOptions } from '../audit/audit-options.js'
import { FORMATS, findFormat } from '../telemetry/formats/index.js'
import { assertTimeZone } from '../telemetry/timestamps.js'
import { choiceOption, columnsOption, numberOption } from './option-values.js'
import { parseCommandArgs } from './parse-command-args.js'
import { UsageError } from './usage-error.js'

/** Output formats of `audit`. */
export const OUTPUT_FORMATS = ['text', 'json', 'markdown'] as const
export type OutputFormat = (typeof OUTPUT_FORMATS)[number]

/** Options shared by `audit` and `validate`. */
export const AUDIT_OPTION_SPEC = {
  format: { type: 'string' },
  out: { type: 'string' },
  'input-format': { type: 'string' },
  region: { type: 'string' },
  pue: { type: 'string' },
  workload: { type: 'string' },
  'node-profile': { type: 'string' },
  gpu: { type: 'string' },
  timezone: { type: 'string' },
  'interval-ms': { type: 'string' },
  columns: { type: 'string' },
  'electricity-price': { type: 'string' },
  'gpu-hour-price': { type: 'string' },
  help: { type: 'boolean', short: 'h' }
} as const satisfies ParseArgsConfig['options']

/** What `audit` was asked to do. */
export interface AuditCommand {
  paths: string[]
  format: OutputFormat
  out: string | undefined
  help: boolean
  options: AuditOptions
}

/** Parses `audit` arguments; throws UsageError for anything wrong. */
export function parseAuditArgs(args: readonly string[]): AuditCommand {
  const { values, positionals } = parseStrict(args)
  const command: AuditCommand = {
    paths: positionals,
    format: choiceOption('format', values.format, OUTPUT_FORMATS, 'text'),
    out: values.out,
    help: values.help === true,
    options: auditOptions(values)
  }
  const problems = checkAuditChoices(command.options)
  if (problems.length > 0) throw new UsageError(problems.join('\n'))
  if (!command.help && command.paths.length === 0) {
    throw new UsageError('audit needs at least one telemetry FILE or DIR')
  }
  refuseOutOverInput(command.out, command.paths)
  return command
}

/** `--out` naming one of the inputs would overwrite telemetry with the report. */
function refuseOutOverInput(
  out: string | undefined,
  paths: readonly string[]
): void {
  if (out === undefined) return
  const target = sameFile(out)
  if (paths.some(path => sameFile(path) === target))
    throw new UsageError(
      `--out ${out} is one of the telemetry inputs; writing the report there would overwrite it`
    )
}

/** A path's real location where it exists, else its absolute form. */
function sameFile(path: string): string {
  try {
    return realpathSync(path)
  } catch {
    return resolve(path)
  }
}

type Values = ReturnType<typeof parseStrict>['values']

/** This command's arguments, strictly parsed. */
function parseStrict(args: readonly string[]) {
  return parseCommandArgs(args, AUDIT_OPTION_SPEC)
}

/** The engine options from the parsed flags. */
function auditOptions(values: Values): AuditOptions {
  if (values.timezone !== undefined) assertZone(values.timezone)
  const inputFormat = values['input-format']
  if (inputFormat !== undefined && !findFormat(inputFormat)) {
    throw new UsageError(
      `--input-format must be one of ${FORMATS.map(f => f.name).join(', ')}, got "${inputFormat}"`
    )
  }
  return dropUndefined({
    region: values.region,
    pue: numberOption('--pue', values.pue, 1, 3),
    workload: values.workload,
    nodeProfile: values['node-profile'],
    gpuModel: values.gpu,
    timezone: values.timezone,
    intervalMs: numberOption(
      '--interval-ms',
      values['interval-ms'],
      0.001,
      86_400_000
    ),
    columns: columnsOption(values.columns),
    inputFormat,
    electricityPriceUsdPerKWh: numberOption(
      '--electricity-price',
      values['electricity-price'],
      0,
      100
    ),
    gpuHourPriceUsd: numberOption(
      '--gpu-hour-price',
      values['gpu-hour-price'],
      0,
      10_000
    )
  })
}

/** A usage error for an unknown time zone. */
function assertZone(zone: string): void {
  try {
    assertTimeZone(zone)
  } catch {
    throw new UsageError(
      `--timezone must be an IANA zone such as UTC or America/Los_Angeles, got "${zone}"`
    )
  }
}

/** The object without its undefined properties. */
function dropUndefined<T extends object>(object: T): T {
  return Object.fromEntries(
    Object.entries(object).filter(([, v]) => v !== undefined)
  ) as T
}
