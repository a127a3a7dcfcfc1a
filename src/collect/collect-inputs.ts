import * as core from '@actions/core'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { z } from 'zod'
import { formatZodIssues } from '../action/format-zod-issues.js'
import { telemetryArtifactName } from '../github/artifact-name.js'
import {
  type CollectEnvironment,
  type SamplerConfig,
  fieldsOption,
  gpuChoiceOption,
  intervalOption,
  nameOption,
  readCollectEnvironment
} from './collect-config.js'

/** Inputs named as in collect/action.yml; empty strings read as undefined. */
export const CollectRawInputs = z.object({
  name: z.string().optional(),
  'interval-ms': z.string().optional(),
  gpus: z.string().optional(),
  fields: z.string().optional(),
  upload: z
    .enum(['true', 'false'], { error: 'upload must be true or false' })
    .default('true'),
  // Artifact retention is 1–90 days on GitHub (actions/upload-artifact, retention-days).
  'retention-days': z
    .string()
    .regex(
      /^(?:[1-9]|[1-8]\d|90)$/,
      'retention-days must be a whole number of days from 1 to 90'
    )
    .optional(),
  'matrix-key': z
    .string()
    .regex(
      /^[\w.-]{1,64}$/,
      'matrix-key: letters, digits, _ . - only, at most 64'
    )
    .optional(),
  required: z
    .enum(['true', 'false'], { error: 'required must be true or false' })
    .default('false')
})

/** The sub-action's configuration, read and checked once. */
export interface CollectActionConfig {
  sampler: SamplerConfig
  upload: boolean
  retentionDays: number | undefined
  /** Fail the step when there is no GPU telemetry or it cannot be uploaded. */
  required: boolean
  artifactName: string
}

/** Reads every input and the environment; throws one line per problem. */
export function readCollectInputs(): Readonly<CollectActionConfig> {
  const raw = Object.fromEntries(
    Object.keys(CollectRawInputs.shape).map(name => [
      name,
      core.getInput(name) || undefined
    ])
  )
  const parsed = CollectRawInputs.safeParse(raw)
  if (!parsed.success) throw new Error(formatZodIssues(parsed.error))
  const inputs = parsed.data
  const environment = readCollectEnvironment()
  const matrixKey = inputs['matrix-key']
  const sampler: SamplerConfig = {
    name: nameOption('name', inputs.name),
    intervalMs: intervalOption('interval-ms', inputs['interval-ms']),
    outDir: join(environment.runnerTemp ?? tmpdir(), 'ecocompute-telemetry'),
    host: environment.host,
    gpus: gpuChoiceOption('gpus', inputs.gpus),
    extraFields: fieldsOption('fields', inputs.fields),
    environment,
    run: { ...environment.run, ...(matrixKey ? { matrixKey } : {}) }
  }
  return Object.freeze({
    sampler,
    upload: inputs.upload === 'true',
    retentionDays:
      inputs['retention-days'] === undefined
        ? undefined
        : Number(inputs['retention-days']),
    required: inputs.required === 'true',
    artifactName: artifactNameFor(environment, matrixKey)
  })
}

/** The DESIGN §6 name; outside Actions the parts read `default` and 1. */
function artifactNameFor(
  environment: CollectEnvironment,
  matrixKey: string | undefined
): string {
  const { workflow, job, runAttempt } = environment.run
  return telemetryArtifactName(
    workflow ?? '',
    job ?? '',
    matrixKey,
    runAttempt ?? 1
  )
}
