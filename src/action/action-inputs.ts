import * as core from '@actions/core'
import { z } from 'zod'
import { checkAuditChoices } from '../audit/audit-choices.js'
import type { AuditOptions } from '../audit/audit-options.js'
import { columnsOption, numberOption } from '../cli/option-values.js'
import { type GateOptions, parseGateOptions } from '../compare/gate-options.js'
import { STICKY_MODES, type StickyMode } from '../github/sticky-types.js'
import {
  MatrixKeyInput,
  RetentionDaysInput,
  readInputsWith
} from './read-inputs.js'

/** `audit` runs the audit; `publish` posts a fork's stored report. */
export const ACTION_MODES = ['audit', 'publish'] as const
/** One of ACTION_MODES. */
export type ActionMode = (typeof ACTION_MODES)[number]

/** Inputs named as in action.yml; empty strings are read as undefined. */
export const RawInputs = z.object({
  mode: z
    .enum(ACTION_MODES, {
      error: `mode must be one of ${ACTION_MODES.join(', ')}`
    })
    .default('audit'),
  telemetry: z.string().optional(),
  region: z.string().optional(),
  pue: z.string().optional(),
  workload: z.string().optional(),
  'node-profile': z.string().optional(),
  gpu: z.string().optional(),
  timezone: z.string().optional(),
  'interval-ms': z.string().optional(),
  columns: z.string().optional(),
  'input-format': z.string().optional(),
  'electricity-price': z.string().optional(),
  'gpu-hour-price': z.string().optional(),
  baseline: z.string().default('auto'),
  'max-increase': z.string().optional(),
  'carbon-budget-kg': z.string().optional(),
  'min-change': z.string().optional(),
  'on-missing-baseline': z.string().optional(),
  comment: z
    .enum(STICKY_MODES, {
      error: `comment must be one of ${STICKY_MODES.join(', ')}`
    })
    .default('update'),
  'comment-key': z
    .string()
    .regex(
      /^[\w.-]{1,64}$/,
      'letters, digits, _ . - only, at most 64 characters'
    )
    .default('default'),
  'matrix-key': MatrixKeyInput,
  'retention-days': RetentionDaysInput,
  'check-run': z
    .enum(['true', 'false'], { error: 'check-run must be true or false' })
    .default('true'),
  'github-token': z.string().optional()
})

/** The action's configuration, read and checked once. */
export interface ActionConfig {
  /** `publish` (run from `workflow_run`) reads no telemetry. */
  mode: ActionMode
  telemetryPatterns: string[]
  options: AuditOptions
  gates: GateOptions
  /** `auto`, `none`, or the path of a baseline audit JSON. */
  baseline: string
  comment: StickyMode
  /**
   * `comment-key`, with `-<matrix-key>` when one is given: each matrix
   * leg gets its own comment, check run, artifact and baseline.
   */
  commentKey: string
  /** Days to keep the audit artifact; the repository's setting when absent. */
  retentionDays: number | undefined
  checkRun: boolean
  /** Never logged; absent means comment and check run are skipped. */
  token: string | undefined
}

/** Reads every input through one schema and returns a frozen config. */
export function readActionInputs(): Readonly<ActionConfig> {
  const inputs = readInputsWith(RawInputs)
  if (inputs['github-token']) core.setSecret(inputs['github-token'])
  if (inputs.mode === 'audit' && inputs.telemetry === undefined)
    throw new Error(
      'telemetry: required in audit mode: file globs or artifact:PATTERN, one per line'
    )
  const config: ActionConfig = {
    mode: inputs.mode,
    telemetryPatterns: (inputs.telemetry ?? '')
      .split('\n')
      .map(line => line.trim())
      .filter(Boolean),
    options: auditOptions(inputs),
    gates: parseGateOptions(inputs),
    baseline: inputs.baseline.trim(),
    comment: inputs.comment,
    commentKey: reportKey(inputs['comment-key'], inputs['matrix-key']),
    retentionDays:
      inputs['retention-days'] === undefined
        ? undefined
        : Number(inputs['retention-days']),
    checkRun: inputs['check-run'] === 'true',
    token: inputs['github-token']
  }
  const problems = checkAuditChoices(config.options)
  if (problems.length > 0) throw new Error(problems.join('\n'))
  return Object.freeze(config)
}

/** The engine options from the inputs, unset ones left out. */
function auditOptions(inputs: z.output<typeof RawInputs>): AuditOptions {
  const options = {
    region: inputs.region,
    pue: numberOption('pue', inputs.pue, 1, 3),
    workload: inputs.workload,
    nodeProfile: inputs['node-profile'],
    gpuModel: inputs.gpu,
    timezone: inputs.timezone,
    intervalMs: numberOption(
      'interval-ms',
      inputs['interval-ms'],
      0.001,
      86_400_000
    ),
    columns: columnsOption(inputs.columns),
    inputFormat: inputs['input-format'],
    electricityPriceUsdPerKWh: numberOption(
      'electricity-price',
      inputs['electricity-price'],
      0,
      100
    ),
    gpuHourPriceUsd: numberOption(
      'gpu-hour-price',
      inputs['gpu-hour-price'],
      0,
      10_000
    )
  }
  return Object.freeze(
    Object.fromEntries(
      Object.entries(options).filter(([, value]) => value !== undefined)
    )
  )
}

/** The key that names this report: the comment key, then the matrix key. */
function reportKey(commentKey: string, matrixKey: string | undefined): string {
  return matrixKey === undefined ? commentKey : `${commentKey}-${matrixKey}`
}
