import { numericTimeToMs } from '../timestamps.js'
import { parseStrictNumber } from '../cells.js'
import type { ByteChunks, ParseOptions, TelemetryFormat } from '../format.js'
import { InputError } from '../input-error.js'
import { readLines } from '../lines.js'
import type { DeviceIdentity, TelemetrySink, WarningCode } from '../sink.js'
import { dcgmReadingOf, isDcgmBlank } from './dcgm-fields.js'
import {
  ExporterDevices,
  type ExporterReading,
  type ExporterSample
} from './exporter-devices.js'
import { ScrapeCounter } from './exporter-scrapes.js'
import { requireIntervalMs } from './interval-option.js'
import { type PromSample, parseSampleLine } from './prometheus-line.js'

const SAMPLE_IN_HEAD = /^DCGM_FI_\w+[{\s]/m
const COMMENT_IN_HEAD = /^#\s*(?:HELP|TYPE)\s+DCGM_FI_/m
const HELP_LINE = /^#\s*HELP\s+(\S+)/
const INTERVAL_HINT = 'the scrape interval, for samples without a timestamp'

interface ExporterState {
  readonly options: ParseOptions
  readonly scrapes: ScrapeCounter
  readonly devices: ExporterDevices
  samples: number
  readonly warned: Set<WarningCode>
}

/** dcgm-exporter's Prometheus text, one or more scrapes, MIG deduplicated. */
export const dcgmExporterFormat: TelemetryFormat = {
  name: 'dcgm-exporter',
  description:
    'dcgm-exporter Prometheus text, one or more scrapes (DCGM_FI_DEV_POWER_USAGE, …TOTAL_ENERGY_CONSUMPTION)',
  detect(head: string): number {
    if (SAMPLE_IN_HEAD.test(head)) return 0.95
    return COMMENT_IN_HEAD.test(head) ? 0.9 : 0
  },
  parse: parseDcgmExporter
}

/** Streams the scrapes into the sink, one device per physical GPU. */
async function parseDcgmExporter(
  input: ByteChunks,
  sink: TelemetrySink,
  options: ParseOptions
): Promise<void> {
  const state: ExporterState = {
    options,
    scrapes: new ScrapeCounter(),
    devices: new ExporterDevices(sink),
    samples: 0,
    warned: new Set()
  }
  for await (const { text, line } of readLines(input, options.file)) {
    const trimmed = text.trim()
    if (trimmed === '') continue
    if (trimmed.startsWith('#')) readComment(trimmed, state)
    else readSampleLine(trimmed, line, state, sink)
  }
  state.devices.flush()

  if (state.samples === 0) {
    const example = 'DCGM_FI_DEV_POWER_USAGE{gpu="0",UUID="GPU-…"} 71.2'
    throw new InputError(
      `no metric samples found, such as ${example}`,
      options.file
    )
  }
  if (!state.devices.any) {
    sink.warn(
      'no-data',
      'no DCGM_FI_DEV_POWER_USAGE, DCGM_FI_DEV_TOTAL_ENERGY_CONSUMPTION or DCGM_FI_DEV_GPU_UTIL samples'
    )
  }
}

/** `# HELP` lines may mark a new scrape; other comments say nothing. */
function readComment(text: string, state: ExporterState): void {
  const metric = HELP_LINE.exec(text)?.[1]
  if (metric !== undefined && state.scrapes.help(metric)) {
    state.devices.flush()
  }
}

/** Reads one sample line, keeping it when it is a reading we use. */
function readSampleLine(
  text: string,
  line: number,
  state: ExporterState,
  sink: TelemetrySink
): void {
  const parsed = parseSampleLine(text)
  if ('reason' in parsed) return sink.reject(line, parsed.reason)
  state.samples += 1
  if (state.scrapes.sample(parsed.seriesKey) > 0) state.devices.flush()

  const reading = exporterReadingOf(parsed.name)
  if (reading === undefined) return
  const sample = readSample(parsed, reading, line, state)
  if ('reason' in sample) return sink.reject(line, sample.reason)
  if (!state.devices.take(sample)) warnCopy(parsed, state, sink, line)
}

/** Power, energy and utilisation metrics; every other one is skipped. */
function exporterReadingOf(metric: string): ExporterReading | undefined {
  if (!metric.startsWith('DCGM_FI_')) return undefined
  const reading = dcgmReadingOf(metric)
  // The instant gauge would interleave with POWER_USAGE as a second series.
  return reading === 'power-instant' ? undefined : reading
}

/** GPU, time and value of a sample, or why it cannot be used. */
function readSample(
  parsed: PromSample,
  reading: ExporterReading,
  line: number,
  state: ExporterState
): ExporterSample | { reason: string } {
  const identity = identityOf(parsed.labels, state.options)
  if (identity === undefined) {
    return { reason: 'expected a UUID, pci_bus_id or gpu label, found none' }
  }
  const number = parseStrictNumber(parsed.valueText)
  if (parsed.valueText !== 'NaN' && Number.isNaN(number)) {
    return {
      reason: `expected a number as the value, found "${parsed.valueText}"`
    }
  }
  const value =
    Number.isNaN(number) || isDcgmBlank(number, reading) ? null : number

  const stamp = parsed.timestampText
  if (stamp === undefined) {
    const intervalMs = requireIntervalMs(state.options, line, INTERVAL_HINT)
    return {
      identity,
      reading,
      timeMs: state.scrapes.current * intervalMs,
      value,
      line
    }
  }
  const timeMs = parseStrictNumber(stamp)
  if (Number.isNaN(timeMs)) {
    return {
      reason: `expected a timestamp in ms after the value, found "${stamp}"`
    }
  }
  // Prometheus timestamps are ms; epochToMs also reads s or µs by size.
  return { identity, reading, timeMs: numericTimeToMs(timeMs, 1), value, line }
}

/**
 * The physical GPU a series belongs to: its UUID, which every MIG
 * instance of it shares, else its PCI bus id or index on its host.
 */
function identityOf(
  labels: ReadonlyMap<string, string>,
  options: ParseOptions
): Omit<DeviceIdentity, 'powerField'> | undefined {
  const uuid = labels.get('UUID') ?? labels.get('uuid')
  const pciBusId = labels.get('pci_bus_id')
  const index = labels.get('gpu')
  const node = labels.get('Hostname') ?? options.node
  const local = pciBusId ?? index
  if (uuid === undefined && local === undefined) return undefined

  const key = uuid ?? (node === undefined ? local! : `${node}/${local}`)
  const identity: Omit<DeviceIdentity, 'powerField'> = { key, kind: 'gpu' }
  if (uuid !== undefined) identity.uuid = uuid
  if (pciBusId !== undefined) identity.pciBusId = pciBusId
  if (index !== undefined) identity.index = index
  const name = labels.get('modelName')
  if (name !== undefined) identity.name = name
  if (node !== undefined) identity.node = node
  return identity
}

/** Says once that MIG copies (or other duplicates) were dropped. */
function warnCopy(
  parsed: PromSample,
  state: ExporterState,
  sink: TelemetrySink,
  line: number
): void {
  const mig = parsed.labels.has('GPU_I_ID')
  const code: WarningCode = mig ? 'mig-instance' : 'duplicate-sample'
  if (state.warned.has(code)) return
  state.warned.add(code)
  const message = mig
    ? `${parsed.name} is exported once per MIG instance with the parent GPU's value: each physical GPU (UUID) is counted once`
    : `${parsed.name} has more than one series for one GPU at one time: the first is read, the others are dropped`
  sink.warn(code, message, line)
}
