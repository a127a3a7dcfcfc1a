import type { SamplerConfig } from './collect-config.js'
import { type ListedGpu, listGpus } from './gpu-discovery.js'
import { parseMigParents, selectGpus } from './gpu-selection.js'
import { runTool } from './run-tool.js'
import {
  BASE_FIELDS,
  type FieldProbe,
  POWER_VARIANTS,
  type SampledPowerField,
  choosePowerField,
  idArguments,
  probeField
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
  /** Decisions worth telling the user (and writing as notes). */
  notes: string[]
  /** Why no GPU is sampled. */
  problem?: string
}

/**
 * Lists the GPUs, applies the selection, then asks the driver which
 * power fields and extra fields it answers, with one short query each.
 */
export async function planGpus(config: SamplerConfig): Promise<GpuPlan> {
  const smi = config.environment.nvidiaSmiPath
  const listing = await listGpus(smi)
  const empty = {
    devices: [],
    fields: [],
    idArgs: [],
    driverVersion: listing.driverVersion
  }
  if (smi === undefined || listing.problem !== undefined) {
    return { ...empty, notes: [], problem: listing.problem }
  }
  const selection = selectGpus(listing.gpus, {
    choice: config.gpus,
    cudaVisibleDevices: config.environment.cudaVisibleDevices,
    cudaDeviceOrder: config.environment.cudaDeviceOrder,
    migParents: await migParentsIfNeeded(smi, config)
  })
  if (selection.gpus.length === 0) {
    return { ...empty, notes: selection.notes, problem: 'no GPU selected' }
  }
  const some = selection.gpus.length < listing.gpus.length
  const idArgs = idArguments(
    some ? selection.gpus.map(g => g.index) : undefined
  )
  const probes = await Promise.all(
    POWER_VARIANTS.map(f => probeField(smi, f, idArgs))
  )
  const extras = await usableExtras(smi, config.extraFields, idArgs)
  const devices = selection.gpus.map(gpu => ({
    key: String(gpu.index),
    gpu,
    powerField: choosePowerField(gpu.index, config.intervalMs, probes)
  }))
  return {
    devices,
    fields: [...BASE_FIELDS, ...answered(probes), ...extras.fields],
    idArgs,
    driverVersion: listing.driverVersion,
    notes: [...selection.notes, ...probeNotes(probes), ...extras.notes]
  }
}

/** MIG parents from `nvidia-smi -L`, only when a MIG id needs them. */
async function migParentsIfNeeded(
  smi: string,
  config: SamplerConfig
): Promise<Map<string, string>> {
  if (!(config.environment.cudaVisibleDevices ?? '').includes('MIG-'))
    return new Map()
  const run = await runTool(smi, ['-L'])
  return run.code === 0 ? parseMigParents(run.stdout) : new Map()
}

/** Power variants the driver accepted (kept in the raw output too). */
function answered(probes: readonly FieldProbe[]): string[] {
  return probes.filter(p => p.refused === undefined).map(p => p.field)
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

/** The extra fields the driver accepts; refused ones are named and dropped. */
async function usableExtras(
  smi: string,
  fields: readonly string[],
  idArgs: readonly string[]
): Promise<{ fields: string[]; notes: string[] }> {
  const wanted = fields.filter(
    f =>
      !(BASE_FIELDS as readonly string[]).includes(f) &&
      !(POWER_VARIANTS as readonly string[]).includes(f)
  )
  if (wanted.length === 0) return { fields: [], notes: [] }
  const together = await probeField(smi, wanted.join(','), idArgs)
  if (together.refused === undefined) return { fields: wanted, notes: [] }
  const probes = await Promise.all(wanted.map(f => probeField(smi, f, idArgs)))
  return {
    fields: answered(probes),
    notes: probes
      .filter(p => p.refused !== undefined)
      .map(
        p =>
          `fields: ${p.field} was refused by nvidia-smi (${p.refused}): left out`
      )
  }
}
