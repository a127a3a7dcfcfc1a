import { CollectError } from './collect-error.js'
import type { SamplerConfig } from './collect-config.js'
import { type ListedGpu, listGpus } from './gpu-discovery.js'
import {
  type GpuSelection,
  parseMigParents,
  selectGpus
} from './gpu-selection.js'
import { type ToolQuery, toolQuery } from './run-tool.js'
import {
  BASE_FIELDS,
  type FieldProbe,
  POWER_VARIANTS,
  type SampledPowerField,
  answered,
  choosePowerField,
  idArguments,
  probeField,
  usableExtras
} from './smi-query.js'

/** One GPU to sample, its key in the telemetry and its power field. */
export interface GpuDevicePlan {
  key: string
  gpu: ListedGpu
  powerField: SampledPowerField
}

/** How the GPUs will be sampled, or why they will not be. */
export interface GpuPlan {
  devices: GpuDevicePlan[]
  /** The query's fields, in column order. */
  fields: string[]
  /** `-i …` when only some GPUs are sampled. */
  idArgs: string[]
  driverVersion: string | undefined
  /** Decisions worth recording (written as notes). */
  notes: string[]
  /** What the user should see at once (also written as notes). */
  warnings: string[]
  /** Why no GPU is sampled. */
  problem?: string
}

/** How planning behaves besides the configuration. */
export interface PlanOptions {
  /** Stops every query at once (a signal during start-up). */
  abort?: AbortSignal
  /**
   * A `gpus` id nvidia-smi does not list: `fail` throws (the CLI exits
   * 125), `cpu-only` makes it the plan's problem (the action warns, or
   * fails with `required: true`, and records the CPU).
   */
  unknownGpus?: 'fail' | 'cpu-only'
}

/**
 * Lists the GPUs, applies the selection, then asks the driver which
 * power fields and extra fields it answers, with one short query each.
 */
export async function planGpus(
  config: SamplerConfig,
  options: PlanOptions = {}
): Promise<GpuPlan> {
  const path = config.environment.nvidiaSmiPath
  const smi =
    path === undefined ? undefined : toolQuery(path, { abort: options.abort })
  const listing = await listGpus(smi)
  const empty = {
    devices: [],
    fields: [],
    idArgs: [],
    driverVersion: listing.driverVersion
  }
  if (smi === undefined || listing.problem !== undefined)
    return { ...empty, notes: [], warnings: [], problem: listing.problem }
  const selection = await chooseGpus(smi, listing.gpus, config, options)
  if (selection.gpus.length === 0) {
    const why = selection.noneBecause ? `: ${selection.noneBecause}` : ''
    const { notes, warnings } = selection
    return { ...empty, notes, warnings, problem: `no GPU selected${why}` }
  }
  const some = selection.gpus.length < listing.gpus.length
  return probeFields(smi, selection, config, {
    idArgs: idArguments(some ? selection.gpus.map(g => g.index) : undefined),
    driverVersion: listing.driverVersion
  })
}

/** The selection; an unknown `gpus` id throws unless `cpu-only`. */
async function chooseGpus(
  smi: ToolQuery,
  listed: readonly ListedGpu[],
  config: SamplerConfig,
  options: PlanOptions
): Promise<GpuSelection> {
  const context = {
    choice: config.gpus,
    cudaVisibleDevices: config.environment.cudaVisibleDevices,
    cudaDeviceOrder: config.environment.cudaDeviceOrder,
    migParents: await migParentsIfNeeded(smi, config)
  }
  try {
    return selectGpus(listed, context)
  } catch (error) {
    if (!(error instanceof CollectError) || options.unknownGpus !== 'cpu-only')
      throw error
    return { gpus: [], notes: [], warnings: [], noneBecause: error.message }
  }
}

/** Asks which power and extra fields the driver answers for the selection. */
async function probeFields(
  smi: ToolQuery,
  selection: GpuSelection,
  config: SamplerConfig,
  base: Pick<GpuPlan, 'idArgs' | 'driverVersion'>
): Promise<GpuPlan> {
  const probes = await Promise.all(
    POWER_VARIANTS.map(f => probeField(smi, f, base.idArgs))
  )
  const extras = await usableExtras(smi, config.extraFields, base.idArgs)
  const devices = selection.gpus.map(gpu => ({
    key: String(gpu.index),
    gpu,
    powerField: choosePowerField(gpu.index, config.intervalMs, probes)
  }))
  return {
    ...base,
    devices,
    fields: [...BASE_FIELDS, ...answered(probes), ...extras.fields],
    notes: [...selection.notes, ...probeNotes(probes)],
    warnings: [...selection.warnings, ...extras.warnings]
  }
}

/** MIG parents from `nvidia-smi -L`, only when a MIG id needs them. */
async function migParentsIfNeeded(
  smi: ToolQuery,
  config: SamplerConfig
): Promise<Map<string, string>> {
  if (!(config.environment.cudaVisibleDevices ?? '').includes('MIG-'))
    return new Map()
  const run = await smi(['-L'])
  return run.code === 0 ? parseMigParents(run.stdout) : new Map()
}

/** What the user should know about the power fields. */
function probeNotes(probes: readonly FieldProbe[]): string[] {
  return probes
    .filter(p => p.refused !== undefined)
    .map(
      p =>
        `${p.field} is not available from this driver (${p.refused}): not sampled`
    )
}
