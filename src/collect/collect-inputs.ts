import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { z } from 'zod'
import {
  MatrixKeyInput,
  RetentionDaysInput,
  readInputsWith
} from '../action/read-inputs.js'
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
  'retention-days': RetentionDaysInput,
  'matrix-key': MatrixKeyInput,
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
  const inputs = readInputsWith(CollectRawInputs)
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
