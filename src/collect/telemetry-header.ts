import type { RunMetadata } from './collect-config.js'
import type { GpuDevicePlan } from './gpu-plan.js'
import { isoTime } from './spool-writer.js'

/** Writer name and version in every header (package.json's version). */
export const COLLECTOR_NAME = 'ecocompute-collect 0.1.0'

/** The value of the header's `schema` field (docs/telemetry-format.md). */
const TELEMETRY_SCHEMA = 'ecocompute.telemetry/v1'

/** One device as the header declares it (docs/telemetry-format.md). */
export interface HeaderDevice {
  key: string
  kind: 'gpu' | 'cpu' | 'ram' | 'node'
  uuid?: string
  pci_bus_id?: string
  index?: number
  name?: string
  power_limit_w?: number
  /** A utilisation-only CPU's thread count, which sizes its estimate. */
  logical_cpus?: number
  power_field?: string
  energy_wrap_mj?: number
}

/** What the header says, known when sampling starts. */
export interface HeaderFacts {
  host: string
  startedMs: number
  intervalMs: number
  driverVersion: string | undefined
  run: RunMetadata
  devices: HeaderDevice[]
  /** The tools and files read, e.g. `nvidia-smi … -lms 500`. */
  sources: string[]
}

/**
 * The header record, written first once sampling has ended so that it
 * can hold the end time. `ended`, `gpu_models` and `sources` extend v1
 * additively (readers ignore fields they do not know).
 */
export function headerRecord(
  facts: HeaderFacts,
  endedMs: number
): Record<string, unknown> {
  const { run } = facts
  const gpuModels = [
    ...new Set(
      facts.devices.filter(d => d.kind === 'gpu').map(d => d.name ?? 'unknown')
    )
  ]
  const optional = {
    driver_version: facts.driverVersion,
    runner: run.runner,
    workflow: run.workflow,
    job: run.job,
    matrix_key: run.matrixKey,
    run_attempt: run.runAttempt
  }
  return {
    schema: TELEMETRY_SCHEMA,
    kind: 'header',
    host: facts.host,
    started: isoTime(facts.startedMs),
    ended: isoTime(Math.max(endedMs, facts.startedMs)),
    interval_ms: facts.intervalMs,
    collector: COLLECTOR_NAME,
    ...Object.fromEntries(
      Object.entries(optional).filter(([, v]) => v !== undefined)
    ),
    gpu_models: gpuModels,
    sources: facts.sources,
    devices: facts.devices
  }
}

/** A sampled GPU as a header device. */
export function gpuHeaderDevice({
  key,
  gpu,
  powerField
}: GpuDevicePlan): HeaderDevice {
  const device: HeaderDevice = {
    key,
    kind: 'gpu',
    index: gpu.index,
    power_field: powerField
  }
  if (gpu.uuid !== undefined) device.uuid = gpu.uuid
  if (gpu.pciBusId !== undefined) device.pci_bus_id = gpu.pciBusId
  if (gpu.name !== undefined) device.name = gpu.name
  if (gpu.powerLimitW !== undefined) device.power_limit_w = gpu.powerLimitW
  return device
}
