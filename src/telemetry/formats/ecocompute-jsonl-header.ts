import type { ParseOptions } from '../format.js'
import { InputError } from '../input-error.js'
import type { DeviceIdentity, TelemetrySink } from '../sink.js'
import {
  HeaderRecord,
  TELEMETRY_SCHEMA,
  describeProblems,
  type DeviceRecord
} from './ecocompute-jsonl-schema.js'

/** A parsed line that is a JSON object. */
export type JsonObject = Record<string, unknown>

/** A device from the header with its sink handle. */
export interface KnownDevice {
  handle: number
  record: DeviceRecord
}

/** Parses one line; a string says what it was instead of an object. */
export function parseJsonLine(text: string): JsonObject | string {
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch (error) {
    return `invalid JSON (${(error as Error).message})`
  }
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
    return value as JsonObject
  }
  return `a JSON ${Array.isArray(value) ? 'array' : typeof value}`
}

/**
 * Validates the first record and registers its devices. Without a good
 * header no sample can be placed, so every problem here is fatal.
 */
export function readHeader(
  record: JsonObject | string,
  line: number,
  sink: TelemetrySink,
  options: ParseOptions
): Map<string, KnownDevice> {
  const fail = (problem: string): InputError =>
    new InputError(problem, options.file, line)
  if (typeof record === 'string') {
    throw fail(`expected a ${TELEMETRY_SCHEMA} header record, found ${record}`)
  }
  if (typeof record.schema === 'string' && record.schema !== TELEMETRY_SCHEMA) {
    throw fail(`expected schema ${TELEMETRY_SCHEMA}, found "${record.schema}"`)
  }
  const header = HeaderRecord.safeParse(record)
  if (!header.success) {
    const problems = describeProblems(header.error)
    throw fail(
      `expected a ${TELEMETRY_SCHEMA} header record first: ${problems}`
    )
  }

  const node = header.data.host ?? options.node
  const known = new Map<string, KnownDevice>()
  for (const device of header.data.devices) {
    const handle = sink.device(identityOf(device, node))
    known.set(device.key, { handle, record: device })
  }
  return known
}

/** The sink identity of a header device. */
function identityOf(
  device: DeviceRecord,
  node: string | undefined
): DeviceIdentity {
  return {
    key: device.key,
    kind: device.kind,
    uuid: device.uuid,
    pciBusId: device.pci_bus_id,
    index: device.index === undefined ? undefined : String(device.index),
    name: device.name,
    node,
    powerLimitW: device.power_limit_w,
    logicalCpus: device.logical_cpus,
    powerField: device.power_field ?? 'power.draw'
  }
}

/** `device 1 (NVIDIA H100 80GB HBM3)` for messages. */
export function describeDevice(device: DeviceRecord): string {
  const name = device.name === undefined ? '' : ` (${device.name})`
  return `device ${device.key}${name}`
}
