import { accessSync, constants } from 'node:fs'
import { hostname } from 'node:os'
import { delimiter, join } from 'node:path'
import { CollectError } from './collect-error.js'

/**
 * The collector's one configuration module: every environment variable
 * the collector reads is read here, once, into a frozen object. Inputs
 * (action inputs or CLI flags) are checked by the functions below too.
 */

/** Default sampling interval in ms: the DESIGN §2 example's 500 ms. */
export const DEFAULT_INTERVAL_MS = 500

/**
 * Shortest and longest interval accepted. 10 ms is about the fastest
 * cadence seen in real nvidia-smi logs (7–8 ms, shared/telemetry-real
 * file 1); past a minute the audit's gap rule (5 s to 300 s) would start
 * calling ordinary intervals gaps.
 */
export const INTERVAL_LIMITS_MS = { min: 10, max: 60_000 } as const

/** Ways to choose GPUs: `auto` honours CUDA_VISIBLE_DEVICES. */
export const GPU_MODES = ['auto', 'all', 'none'] as const

/** Which GPUs to sample: a mode, or nvidia-smi indices and UUIDs. */
export type GpuChoice =
  | { mode: (typeof GPU_MODES)[number] }
  | { mode: 'list'; ids: readonly string[] }

/** Where the run happened, for the telemetry header. */
export interface RunMetadata {
  runner?: string
  workflow?: string
  job?: string
  matrixKey?: string
  runAttempt?: number
}

/** Everything one sampler needs; plain data, so it can go to a file. */
export interface SamplerConfig {
  name: string
  intervalMs: number
  outDir: string
  /** Node name for the header and the file names. */
  host: string
  gpus: GpuChoice
  /** Extra nvidia-smi query fields, kept in the raw output only. */
  extraFields: readonly string[]
  environment: CollectEnvironment
  run: RunMetadata
}

/** The facts the collector takes from its environment. */
export interface CollectEnvironment {
  platform: NodeJS.Platform
  /** Resolved path, undefined when the tool is not on PATH. */
  nvidiaSmiPath: string | undefined
  dcgmiPath: string | undefined
  /** undefined: not set (all GPUs visible); '' hides every GPU. */
  cudaVisibleDevices: string | undefined
  cudaDeviceOrder: string | undefined
  /** Test hook ECOCOMPUTE_POWERCAP_ROOT; default /sys/class/powercap. */
  powercapRoot: string
  /** Test hook ECOCOMPUTE_PROC_ROOT; default /proc. */
  procRoot: string
  /** ECOCOMPUTE_HOST, else Slurm's SLURMD_NODENAME, else the hostname. */
  host: string
  /** ECOCOMPUTE_DEBUG set: the CLI prints debug lines. */
  debug: boolean
  run: RunMetadata
  /** RUNNER_TEMP, where the action keeps its folder. */
  runnerTemp: string | undefined
}

/** Reads the collector's environment variables once. */
export function readCollectEnvironment(
  env: NodeJS.ProcessEnv = process.env
): Readonly<CollectEnvironment> {
  const text = (name: string): string | undefined => env[name] || undefined
  return Object.freeze({
    platform: process.platform,
    nvidiaSmiPath: findOnPath('nvidia-smi', env.PATH),
    dcgmiPath: findOnPath('dcgmi', env.PATH),
    cudaVisibleDevices: env.CUDA_VISIBLE_DEVICES,
    cudaDeviceOrder: text('CUDA_DEVICE_ORDER'),
    powercapRoot: text('ECOCOMPUTE_POWERCAP_ROOT') ?? '/sys/class/powercap',
    procRoot: text('ECOCOMPUTE_PROC_ROOT') ?? '/proc',
    // Slurm sets SLURMD_NODENAME in every task (srun(1), "OUTPUT
    // ENVIRONMENT VARIABLES"); a container's hostname is often a random id.
    host: text('ECOCOMPUTE_HOST') ?? text('SLURMD_NODENAME') ?? hostname(),
    debug: text('ECOCOMPUTE_DEBUG') !== undefined,
    run: {
      runner: text('RUNNER_NAME'),
      workflow: text('GITHUB_WORKFLOW'),
      job: text('GITHUB_JOB'),
      runAttempt: attemptOf(text('GITHUB_RUN_ATTEMPT'))
    },
    runnerTemp: text('RUNNER_TEMP')
  })
}

/** The first executable `name` on PATH, or undefined. */
export function findOnPath(
  name: string,
  path: string | undefined
): string | undefined {
  for (const folder of (path ?? '').split(delimiter)) {
    if (folder === '') continue
    const candidate = join(folder, name)
    try {
      accessSync(candidate, constants.X_OK)
      return candidate
    } catch {
      // Not here; keep looking.
    }
  }
  return undefined
}

/** GITHUB_RUN_ATTEMPT as a positive integer, else undefined. */
function attemptOf(text: string | undefined): number | undefined {
  const value = Number(text)
  return Number.isSafeInteger(value) && value >= 1 ? value : undefined
}

/** The interval input or flag in ms, or a CollectError naming it. */
export function intervalOption(name: string, text: string | undefined): number {
  if (text === undefined) return DEFAULT_INTERVAL_MS
  const value = /^\d+$/.test(text.trim()) ? Number(text) : Number.NaN
  const { min, max } = INTERVAL_LIMITS_MS
  if (value >= min && value <= max) return value
  throw new CollectError(
    `${name} must be a whole number of milliseconds from ${min} to ${max}, got "${text}"`
  )
}

/** `auto`, `all`, `none`, or indices and UUIDs separated by commas. */
export function gpuChoiceOption(
  name: string,
  text: string | undefined
): GpuChoice {
  const trimmed = (text ?? 'auto').trim()
  const mode = GPU_MODES.find(m => m === trimmed)
  if (mode !== undefined) return { mode }
  const ids = trimmed.split(',').map(id => id.trim())
  if (ids.every(id => /^(\d+|(GPU|MIG)-[\w-]+)$/.test(id))) {
    return { mode: 'list', ids }
  }
  throw new CollectError(
    `${name} must be auto, all, none, or nvidia-smi indices and GPU UUIDs separated by commas (0,1 or GPU-5f0d…), got "${text}"`
  )
}

/** nvidia-smi field names: lower case, digits, `.` and `_`. */
export function fieldsOption(name: string, text: string | undefined): string[] {
  if (text === undefined) return []
  const fields = text
    .split(',')
    .map(field => field.trim())
    .filter(Boolean)
  const bad = fields.find(field => !/^[a-z][a-z0-9_.]{0,63}$/.test(field))
  if (bad === undefined) return fields
  throw new CollectError(
    `${name} must be nvidia-smi --query-gpu field names separated by commas (e.g. clocks.mem,fan.speed), got "${bad}"`
  )
}

/** A file-name-safe telemetry name, or a CollectError. */
export function nameOption(name: string, text: string | undefined): string {
  const value = (text ?? 'telemetry').trim()
  if (/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/.test(value)) return value
  throw new CollectError(
    `${name} must be 1–64 letters, digits, ".", "_" or "-", starting with a letter or digit, got "${text}"`
  )
}
