import { z } from 'zod'
import { DEVICE_KINDS } from '../sink.js'

/**
 * `ecocompute.telemetry/v1`: EcoCompute's own telemetry, one JSON object
 * per line. A header names the devices; then one compact sample per
 * device per reading, optional events and an optional footer. Units are
 * in the field names. Readers ignore fields they do not know, so writers
 * may add some without a new version; docs/telemetry-format.md is the
 * user's description and schemas/ holds the JSON Schema made from this.
 */

/** The value of the header's `schema` field for this version. */
export const TELEMETRY_SCHEMA = 'ecocompute.telemetry/v1'

/** Where a device's `p_w` comes from (nvidia-smi / NVML field names). */
export const SAMPLED_POWER_FIELDS = [
  'power.draw',
  'power.draw.instant',
  'power.draw.average'
] as const

/** Event names; `lost` means the device stopped answering. */
export const EVENT_NAMES = ['lost', 'note'] as const

/** ISO 8601 with seconds and a `Z` or ±hh:mm offset: never a bare local time. */
const ISO_WITH_OFFSET =
  /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,9})?(?:Z|[+-]\d{2}:\d{2})$/

/** 1e11 ms is March 1973: anything smaller was written in seconds. */
const EARLIEST_EPOCH_MS = 1e11

const Time = z
  .union(
    [
      z.string().regex(ISO_WITH_OFFSET, {
        error:
          'expected ISO 8601 time with Z or an offset, e.g. 2026-03-01T12:00:00.250Z'
      }),
      z.number().min(EARLIEST_EPOCH_MS, {
        error:
          'expected Unix epoch milliseconds, found a number too small (seconds?)'
      })
    ],
    { error: 'expected ISO 8601 text or Unix epoch milliseconds' }
  )
  .describe('ISO 8601 text with Z or an offset, or Unix epoch milliseconds')

const DeviceKey = z
  .string()
  .min(1)
  .max(200)
  .describe('A device key declared in the header')

const Text = z.string().min(1)

/** One device as the header declares it. */
export const DeviceRecord = z.looseObject({
  key: DeviceKey.describe('Unique in the file; samples name it in `d`'),
  kind: z.enum(DEVICE_KINDS),
  uuid: Text.optional().describe('GPU-… or MIG-… UUID from NVML'),
  pci_bus_id: Text.optional().describe('e.g. 00000000:3B:00.0'),
  index: z.number().int().nonnegative().optional(),
  name: Text.optional().describe('Model name, e.g. NVIDIA H100 80GB HBM3'),
  power_limit_w: z.number().positive().optional(),
  logical_cpus: z
    .number()
    .int()
    .positive()
    .max(100_000)
    .optional()
    .describe(
      'Logical CPUs of a cpu device; sizes its estimate from utilisation'
    ),
  power_field: z
    .enum(SAMPLED_POWER_FIELDS)
    .optional()
    .describe('Source of p_w; power.draw when absent'),
  energy_wrap_mj: z
    .number()
    .positive()
    .optional()
    .describe('Range of the e_mj counter when it wraps, in mJ')
})

/** The first record: what was measured, where and how often. */
export const HeaderRecord = z.looseObject({
  schema: z.literal(TELEMETRY_SCHEMA),
  kind: z.literal('header'),
  devices: z
    .array(DeviceRecord)
    .min(1)
    .refine(
      devices => new Set(devices.map(d => d.key)).size === devices.length,
      {
        error: 'expected unique device keys'
      }
    ),
  host: Text.optional().describe('Host or node name'),
  started: Time.optional(),
  interval_ms: z.number().positive().optional().describe('Sampling interval'),
  collector: Text.optional().describe('Writer name and version'),
  driver_version: Text.optional(),
  runner: Text.optional(),
  workflow: Text.optional(),
  job: Text.optional(),
  matrix_key: Text.optional(),
  run_attempt: z.number().int().positive().optional(),
  ended: Time.optional().describe('When sampling ended'),
  gpu_models: z.array(Text).optional().describe('GPU models sampled'),
  sources: z
    .array(Text)
    .optional()
    .describe('The tools and files the readings came from')
})

/** One reading of one device; `null` is a missing reading, never 0. */
export const SampleRecord = z
  .looseObject({
    kind: z.literal('sample').optional().describe('May be left out'),
    t: Time,
    d: DeviceKey,
    p_w: z.number().nullable().optional().describe('Power in W'),
    e_mj: z
      .number()
      .nonnegative()
      .nullable()
      .optional()
      .describe('Cumulative energy counter in mJ'),
    u_pct: z
      .number()
      .min(0)
      .max(100)
      .nullable()
      .optional()
      .describe('Utilisation in %'),
    temp_c: z.number().nullable().optional().describe('Temperature in °C')
  })
  .refine(
    sample =>
      [sample.p_w, sample.e_mj, sample.u_pct].some(v => v !== undefined),
    { error: 'expected at least one of p_w, e_mj, u_pct' }
  )

/** Something that happened to a device or the collector. */
export const EventRecord = z
  .looseObject({
    kind: z.literal('event'),
    t: Time,
    event: z.enum(EVENT_NAMES),
    d: DeviceKey.optional(),
    message: z.string().optional()
  })
  .refine(event => event.event !== 'lost' || event.d !== undefined, {
    error: 'expected d, the device that was lost',
    path: ['d']
  })

/** The last record, written when the collector stops cleanly. */
export const FooterRecord = z.looseObject({
  kind: z.literal('footer'),
  t: Time,
  samples: z
    .number()
    .int()
    .nonnegative()
    .optional()
    .describe('Sample records written')
})

/** Any one line of the file. */
export const TelemetryRecord = z.union([
  HeaderRecord,
  SampleRecord,
  EventRecord,
  FooterRecord
])

export type DeviceRecord = z.infer<typeof DeviceRecord>
export type HeaderRecord = z.infer<typeof HeaderRecord>
export type SampleRecord = z.infer<typeof SampleRecord>
export type EventRecord = z.infer<typeof EventRecord>
export type FooterRecord = z.infer<typeof FooterRecord>

/** zod problems on one line: `path: message; path: message`. */
export function describeProblems(error: z.ZodError): string {
  return error.issues
    .map(issue => `${formatPath(issue.path)}: ${issue.message}`)
    .join('; ')
}

/** `['devices', 0, 'kind']` → `devices[0].kind`; empty → `record`. */
function formatPath(path: readonly PropertyKey[]): string {
  if (path.length === 0) return 'record'
  return path
    .map((part, index) => {
      if (typeof part === 'number') return `[${part}]`
      return index === 0 ? String(part) : `.${String(part)}`
    })
    .join('')
}
