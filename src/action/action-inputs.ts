import * as core from '@actions/core'
import { z } from 'zod'
import { checkAuditChoices } from '../audit/audit-choices.js'
import type { AuditOptions } from '../audit/audit-options.js'
import { columnsOption, numberOption } from '../cli/option-values.js'
import { formatZodIssues } from './format-zod-issues.js'

/** Inputs named as in action.yml; empty strings are read as undefined. */
const RawInputs = z.object({
  telemetry: z.string({
    error: 'telemetry is required: file globs, one per line'
  }),
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
  'gpu-hour-price': z.string().optional()
})

/** The action's configuration, read and checked once. */
export interface ActionConfig {
  telemetryPatterns: string[]
  options: AuditOptions
}

/** Reads every input through one schema and returns a frozen config. */
export function readActionInputs(): Readonly<ActionConfig> {
  const raw = Object.fromEntries(
    Object.keys(RawInputs.shape).map(name => [
      name,
      core.getInput(name) || undefined
    ])
  )
  const parsed = RawInputs.safeParse(raw)
  if (!parsed.success) throw new Error(formatZodIssues(parsed.error))
  const inputs = parsed.data
  const config = Object.freeze({
    telemetryPatterns: inputs.telemetry
      .split('\n')
      .map(line => line.trim())
      .filter(Boolean),
    options: Object.freeze(
      Object.fromEntries(
        Object.entries({
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
        }).filter(([, value]) => value !== undefined)
      ) as AuditOptions
    )
  })
  const problems = checkAuditChoices(config.options)
  if (problems.length > 0) throw new Error(problems.join('\n'))
  return config
}
