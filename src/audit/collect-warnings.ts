import type { Warning } from './audit-schema.js'
import type { CarbonChoice } from './calibration-adapter.js'
import { coverageOf } from './device-json.js'
import { extent, groupBy } from './group-by.js'
import type { DeviceRecord } from './device-records.js'
import type { FileReading } from './read-source.js'
import type { SetAsideCopy } from './repeated-devices.js'
import { formatCount, formatQuantity } from '../report/format-number.js'

/**
 * Every warning of the audit in one list: files that failed, rows
 * rejected (the first ones quoted with their line, then a count), parser
 * notes, device findings and region fallbacks.
 */
export function collectWarnings(
  readings: readonly FileReading[],
  devices: readonly DeviceRecord[],
  carbon: CarbonChoice,
  pueNote: string | undefined,
  windowOf: (device: DeviceRecord) => number
): Warning[] {
  const warnings: Warning[] = []
  for (const reading of readings) {
    warnings.push(...fileWarnings(reading), ...statedEmissions(reading))
  }
  warnings.push(...partialCoverage(devices, windowOf))
  for (const device of devices) warnings.push(...deviceWarnings(device))
  warnings.push(
    ...unknownModels(devices),
    ...repeatedDevices(devices),
    ...ambiguousDevices(devices)
  )
  for (const note of carbon.notes)
    warnings.push({ code: 'region-fallback', message: note })
  if (pueNote !== undefined)
    warnings.push({ code: 'pue-already-applied', message: pueNote })
  return warnings
}

/** Warnings of one file. */
function fileWarnings(reading: FileReading): Warning[] {
  const file = reading.file
  if (!('sink' in reading)) {
    const message = withoutFile(reading.error, file)
    return [{ code: 'rejected-file', message, file }]
  }
  const sink = reading.sink
  const warnings: Warning[] = sink.rejected.map(({ line, reason }) => ({
    code: 'rejected-row' as const,
    message: reason,
    file,
    line
  }))
  const unquoted = sink.rejectedCount - sink.rejected.length
  if (unquoted > 0) {
    warnings.push({
      code: 'rejected-row',
      message: `${unquoted} more rejected row(s) not listed`,
      file,
      count: unquoted
    })
  }
  for (const warning of sink.warnings) {
    warnings.push({
      ...warning,
      file,
      ...(warning.line === undefined ? {} : { line: warning.line })
    })
  }
  return warnings
}

/** Findings and catalogue notes of one device. */
function deviceWarnings(device: DeviceRecord): Warning[] {
  const warnings: Warning[] = device.outcome.findings.map(finding => ({
    code: finding.code,
    message: finding.message,
    file: device.file,
    device: device.id
  }))
  return warnings
}

/** Coverage below this is worth a warning. */
const PARTIAL_COVERAGE = 0.95

/**
 * One warning naming the devices measured over part of their window
 * only: the run's, or their job's for devices from a job's artifact.
 */
function partialCoverage(
  devices: readonly DeviceRecord[],
  windowOf: (device: DeviceRecord) => number
): Warning[] {
  const partial = devices.filter(
    device =>
      windowOf(device) > 0 &&
      coverageOf(device, windowOf(device)) < PARTIAL_COVERAGE
  )
  if (partial.length === 0) return []
  const percents = partial.map(device =>
    Math.round(coverageOf(device, windowOf(device)) * 100)
  )
  const { min, max } = extent(percents)
  const range = min === max ? `${min} %` : `${min}–${max} %`
  const seconds = extent(partial.map(windowOf))
  const windowS = seconds.max.toFixed(1)
  const whose = partial.some(d => d.job !== undefined)
    ? `their job's window (up to ${windowS} s)`
    : `the run's ${windowS} s window`
  return [
    {
      code: 'partial-coverage',
      message: `${listIds(partial)} measured ${range} of ${whose}: time before a device's first or after its last reading, and unfilled gaps, are not extrapolated`,
      ...(partial.length > 1
        ? { count: partial.length }
        : { device: partial[0]!.id })
    }
  ]
}

/** The carbon a recording tool stated itself, shown beside ours. */
function statedEmissions(reading: FileReading): Warning[] {
  if (!('sink' in reading)) return []
  const stated = reading.sink.facts.flatMap(fact =>
    fact.kind === 'emissions' ? [fact.kg] : []
  )
  if (stated.length === 0) return []
  const kg = stated.reduce((total, value) => total + value, 0)
  return [
    {
      code: 'other',
      message: `the file states ${kg.toPrecision(3)} kg CO2e, computed by the recording tool with its own grid intensity and PUE; this audit recomputes carbon from the region's dataset`,
      file: reading.file
    }
  ]
}

/** One warning per distinct catalogue note, naming the devices it covers. */
function unknownModels(devices: readonly DeviceRecord[]): Warning[] {
  const unknown = devices.filter(device => device.hardwareNote !== undefined)
  const byNote = groupBy(unknown, device => device.hardwareNote!)
  return [...byNote.entries()].map(([note, covered]) => ({
    // A CPU's note says how its power was estimated, not a missing model.
    code:
      covered[0]!.identity.kind === 'gpu'
        ? ('unknown-gpu' as const)
        : ('level-fallback' as const),
    message: covered.length > 1 ? `${listIds(covered)}: ${note}` : note,
    file: covered[0]!.file,
    ...(covered.length > 1
      ? { count: covered.length }
      : { device: covered[0]!.id })
  }))
}

/**
 * One warning per board that several files reported over the same time:
 * it is counted once, and the copies set aside are named with their
 * energy so a reader can check the choice.
 */
function repeatedDevices(devices: readonly DeviceRecord[]): Warning[] {
  return devices
    .filter(device => device.setAside.length > 0)
    .map(device => ({
      code: 'duplicate-device' as const,
      message: `${device.id} is also in ${device.setAside.map(describeCopy).join('; ')}: the same board over the same time, so it is counted once, from ${device.file}`,
      device: device.id
    }))
}

/**
 * One warning per id that several files report over overlapping times
 * without a UUID or bus id: they may be two machines' GPU 0, or one log
 * twice, so both are counted and the reader is told.
 */
function ambiguousDevices(devices: readonly DeviceRecord[]): Warning[] {
  const anonymous = devices.filter(
    d => d.identity.uuid === undefined && d.identity.pciBusId === undefined
  )
  const byId = groupBy(anonymous, device => device.id.replace(/#\d+$/, ''))
  return [...byId.entries()]
    .filter(([, copies]) => copies.length > 1 && anyOverlap(copies))
    .map(([id, copies]) => ({
      code: 'duplicate-device' as const,
      message: `${id} is in ${copies.length} files over overlapping times (${copies.map(d => d.file).join(', ')}) with no UUID or bus id to tell them apart: each is counted; if they are one GPU, its energy is counted more than once`,
      device: id
    }))
}

/** Whether any two devices' windows overlap. */
function anyOverlap(devices: readonly DeviceRecord[]): boolean {
  const sorted = [...devices].sort(
    (a, b) => a.outcome.firstMs - b.outcome.firstMs
  )
  return sorted.some(
    (device, i) =>
      i > 0 && device.outcome.firstMs <= sorted[i - 1]!.outcome.lastMs
  )
}

/** A copy set aside: its file, energy, overlap and any time outside it. */
function describeCopy(copy: SetAsideCopy): string {
  const kWh = formatQuantity(copy.energyJ / 3.6e6, 'kWh')
  const outside =
    copy.outsideS >= 1
      ? `; its ${formatCount(Math.round(copy.outsideS))} s outside that window are not counted`
      : ''
  return `${copy.file} (${kWh} set aside, ${formatCount(Math.round(copy.overlapS))} s overlap${outside})`
}

/** Up to five device ids, then a count. */
function listIds(devices: readonly DeviceRecord[]): string {
  const shown = devices
    .slice(0, 5)
    .map(device => device.id)
    .join(', ')
  return devices.length > 5 ? `${shown} and ${devices.length - 5} more` : shown
}

/** `FILE:12: why` → `line 12: why`, `FILE: why` → `why`: the file is shown apart. */
function withoutFile(message: string, file: string): string {
  if (!message.startsWith(`${file}:`)) return message
  const rest = message.slice(file.length + 1)
  const line = /^(\d+): /.exec(rest)
  return line
    ? `line ${line[1]}: ${rest.slice(line[0].length)}`
    : rest.trimStart()
}
