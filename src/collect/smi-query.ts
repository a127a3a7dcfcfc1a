import { readNumberCell } from '../telemetry/cells.js'
import { describeFailure } from './gpu-discovery.js'
import type { ToolQuery } from './run-tool.js'

/** Fields every sampler query holds, in this order (the list). */
export const BASE_FIELDS = [
  'timestamp',
  'index',
  'uuid',
  'name',
  'pci.bus_id',
  'power.draw',
  'power.limit',
  'utilization.gpu',
  'memory.used',
  'temperature.gpu',
  'clocks.sm'
] as const

/** Newer drivers' power fields (nvidia-smi --help-query-gpu). */
export const POWER_VARIANTS = [
  'power.draw.instant',
  'power.draw.average'
] as const

/** A field that can hold a device's `p_w`. */
export type SampledPowerField = 'power.draw' | (typeof POWER_VARIANTS)[number]

/**
 * Below this interval the instant reading is preferred: sampling a 1-s
 * average faster than once a second smears short bursts (bug case B23,
 * ml-energy/zeus#45). From 1 s on the average is preferred: one instant
 * reading per second sees a small part of each second (Yang et al.,
 * "Accurate and Convenient Energy Measurements for GPUs", SC 2024).
 */
export const INSTANT_BELOW_MS = 1000

/** What one probe found: the GPUs (by index) with a numeric reading. */
export interface FieldProbe {
  field: string
  usable: ReadonlySet<number>
  /** Set when the driver refused the field. */
  refused?: string
}

/**
 * Asks nvidia-smi for `index,<field>` once. A driver that does not know
 * the field exits with an error (older drivers and power.draw.instant);
 * one that knows it may still answer `[N/A]` for some GPUs.
 */
export async function probeField(
  nvidiaSmi: ToolQuery,
  field: string,
  idArgs: readonly string[]
): Promise<FieldProbe> {
  const run = await nvidiaSmi([
    `--query-gpu=index,${field}`,
    '--format=csv,noheader,nounits',
    ...idArgs
  ])
  if (run.code !== 0)
    return {
      field,
      usable: new Set(),
      refused: describeFailure('nvidia-smi', run)
    }
  const usable = new Set<number>()
  for (const line of run.stdout.split('\n')) {
    const [index, value] = line.split(',').map(cell => cell.trim())
    if (
      /^\d+$/.test(index ?? '') &&
      readNumberCell(value ?? '').kind === 'value'
    )
      usable.add(Number(index))
  }
  return { field, usable }
}

/** Fields the driver accepted (kept in the raw output too). */
export function answered(probes: readonly FieldProbe[]): string[] {
  return probes.filter(p => p.refused === undefined).map(p => p.field)
}

/**
 * The extra fields the driver accepts: all of them in one query, else
 * one query each; refused ones are left out with a warning naming them.
 */
export async function usableExtras(
  nvidiaSmi: ToolQuery,
  fields: readonly string[],
  idArgs: readonly string[]
): Promise<{ fields: string[]; warnings: string[] }> {
  const sampled: readonly string[] = [...BASE_FIELDS, ...POWER_VARIANTS]
  const wanted = fields.filter(f => !sampled.includes(f))
  if (wanted.length === 0) return { fields: [], warnings: [] }
  const together = await probeField(nvidiaSmi, wanted.join(','), idArgs)
  if (together.refused === undefined) return { fields: wanted, warnings: [] }
  const probes = await Promise.all(
    wanted.map(f => probeField(nvidiaSmi, f, idArgs))
  )
  return {
    fields: answered(probes),
    warnings: probes
      .filter(p => p.refused !== undefined)
      .map(
        p =>
          `fields: ${p.field} was refused by nvidia-smi (${p.refused}): left out`
      )
  }
}

/** The power field for one GPU: instant or average by interval, else power.draw. */
export function choosePowerField(
  index: number,
  intervalMs: number,
  probes: readonly FieldProbe[]
): SampledPowerField {
  const order: readonly SampledPowerField[] =
    intervalMs < INSTANT_BELOW_MS
      ? ['power.draw.instant', 'power.draw.average']
      : ['power.draw.average', 'power.draw.instant']
  for (const field of order) {
    if (probes.find(p => p.field === field)?.usable.has(index)) return field
  }
  return 'power.draw'
}

/** `-i 0,2` when only some GPUs are sampled, nothing for all of them. */
export function idArguments(indices: readonly number[] | undefined): string[] {
  return indices === undefined ? [] : ['-i', indices.join(',')]
}

/** The long-running sampler's arguments: ONE process, `-lms` looping. */
export function loopArguments(
  fields: readonly string[],
  intervalMs: number,
  idArgs: readonly string[]
): string[] {
  return [
    `--query-gpu=${fields.join(',')}`,
    '--format=csv,noheader,nounits',
    '-lms',
    String(intervalMs),
    ...idArgs
  ]
}
