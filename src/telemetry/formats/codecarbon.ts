import { splitCsvLine } from '../csv-fields.js'
import type { ByteChunks, ParseOptions, TelemetryFormat } from '../format.js'
import { InputError } from '../input-error.js'
import { refuseRow, rejectFieldCount, splitOrRefuse } from './csv-row-checks.js'
import { readLines } from '../lines.js'
import type { DeviceKind, TelemetrySink } from '../sink.js'
import { assertTimeZone } from '../timestamps.js'
import {
  COMPONENT_KINDS,
  isHeaderLine,
  readColumns,
  readRow,
  type CodeCarbonColumns,
  type CodeCarbonRow
} from './codecarbon-row.js'
import { CumulativeRuns, type RunIncrement } from './codecarbon-runs.js'

/** CodeCarbon writes kWh; the sink takes J. */
const J_PER_KWH = 3.6e6

/** A CodeCarbon timestamp that carries its own UTC offset (none do today). */
const HAS_OFFSET = /(?:Z|[+-]\d{2}:?\d{2})$/

/**
 * CodeCarbon `emissions.csv`: one row per run (or per flush of a run),
 * each already holding energy in kWh over [timestamp − duration,
 * timestamp]. Energies are passed on as measured windows, never
 * integrated again; a `pue` other than 1 is reported as already applied,
 * and it is in every energy column, components included.
 */
export const codecarbonFormat: TelemetryFormat = {
  name: 'codecarbon',
  description:
    'CodeCarbon emissions.csv, any header generation: energy per run in kWh',
  detect: detectCodecarbon,
  parse: parseCodecarbon
}

/** Sure when the header names CodeCarbon's own energy columns. */
function detectCodecarbon(head: string): number {
  const firstLine = head.split('\n').find(line => line.trim() !== '')
  const fields = splitCsvLine(firstLine?.trim() ?? '')
  if (fields === null) return 0
  const names = new Set(fields.map(name => name.trim().toLowerCase()))
  const needed = ['emissions', 'energy_consumed', 'duration']
  if (!needed.every(name => names.has(name))) return 0
  return names.has('run_id') || names.has('project_name') ? 1 : 0.9
}

/** Streams the file; throws InputError when it has no usable header. */
async function parseCodecarbon(
  input: ByteChunks,
  sink: TelemetrySink,
  options: ParseOptions
): Promise<void> {
  assertTimeZone(options.timezone ?? 'UTC')
  const reader = new CodeCarbonReader(sink, options)
  for await (const { text, line } of readLines(input, options.file)) {
    reader.read(text, line)
  }
  if (!reader.hasHeader()) {
    throw new InputError(
      'expected a CodeCarbon header (timestamp,…,duration,emissions,…), found no line',
      options.file
    )
  }
}

/** Per-file state: the header in force, runs, devices, one-time notes. */
class CodeCarbonReader {
  private columns: CodeCarbonColumns | undefined
  private fieldCount = 0
  private readonly runs = new CumulativeRuns()
  private readonly devices = new Map<string, number>()
  private readonly devicesPerKind = new Map<DeviceKind, number>()
  private readonly puesReported = new Set<number>()
  private readonly notes = new Set<string>()

  constructor(
    private readonly sink: TelemetrySink,
    private readonly options: ParseOptions
  ) {}

  /** True once a header has been read. */
  hasHeader(): boolean {
    return this.columns !== undefined
  }

  /** Reads one line: blank, header or run. */
  read(text: string, line: number): void {
    const trimmed = text.trim()
    if (trimmed === '') return
    const fields = splitOrRefuse(trimmed, line, this.refuse.bind(this))
    if (fields === undefined) return
    if (this.columns === undefined || isHeaderLine(fields)) {
      this.readHeader(fields, line)
      return
    }
    if (rejectFieldCount(this.sink, line, fields, this.fieldCount)) return
    this.readRun(fields, line, this.columns)
  }

  /** The first header is required; a later one (files appended) replaces it. */
  private readHeader(fields: string[], line: number): void {
    const columns = readColumns(fields)
    if (typeof columns === 'string') {
      this.refuse(line, `${columns} in the CodeCarbon header`)
      return
    }
    this.columns = columns
    this.fieldCount = fields.length
  }

  /** Rejects a line, or throws when no header has been read yet. */
  private refuse(line: number, reason: string): void {
    const headerRead = this.columns !== undefined
    refuseRow(this.sink, this.options.file, line, reason, headerRead)
  }

  /** Validates a row, turns it into an increment and reports it. */
  private readRun(
    fields: string[],
    line: number,
    columns: CodeCarbonColumns
  ): void {
    const zone = this.options.timezone ?? 'UTC'
    const row = readRow(fields, columns, line, zone)
    if (typeof row === 'string') {
      this.sink.reject(line, row)
      return
    }
    const increment = this.runs.increment(row)
    if (typeof increment === 'string') {
      this.sink.reject(line, increment)
      return
    }
    this.noteOnce(row, fields, columns)
    if (increment === null) {
      this.sink.warn(
        'duplicate-sample',
        `run ${row.runId ?? ''} repeated unchanged: skipped`,
        line
      )
      return
    }
    this.emitEnergy(row, increment)
    this.emitFacts(row, increment)
  }

  /**
   * One energy window per measured component; a file that gives only the
   * total (`energy_consumed`) gets one window for the whole machine.
   */
  private emitEnergy(row: CodeCarbonRow, increment: RunIncrement): void {
    const parts = COMPONENT_KINDS.filter(k => increment.energyKWh[k] !== null)
    if (parts.length === 0 && increment.totalKWh !== null) {
      const device = this.deviceFor('node', undefined)
      this.sink.energyWindow(
        device,
        increment.startMs,
        increment.endMs,
        increment.totalKWh * J_PER_KWH,
        row.line
      )
      return
    }
    for (const kind of COMPONENT_KINDS) {
      const energyKWh = increment.energyKWh[kind]
      if (energyKWh === null) continue
      const device = this.deviceFor(kind, row.models[kind])
      this.sink.energyWindow(
        device,
        increment.startMs,
        increment.endMs,
        energyKWh * J_PER_KWH,
        row.line
      )
    }
  }

  /** Run totals per row; country and PUE once per distinct value. */
  private emitFacts(row: CodeCarbonRow, increment: RunIncrement): void {
    const line = row.line
    if (increment.totalKWh !== null) {
      const energyJ = increment.totalKWh * J_PER_KWH
      this.sink.fileFact({ kind: 'it-energy', energyJ, line })
    }
    if (increment.emissionsKg !== null) {
      this.sink.fileFact({ kind: 'emissions', kg: increment.emissionsKg, line })
    }
    if (row.countryIso3 !== undefined && this.firstTime('country')) {
      this.sink.fileFact({ kind: 'country', iso3: row.countryIso3, line })
    }
    if (row.pue !== null && row.pue !== 1 && !this.puesReported.has(row.pue)) {
      this.puesReported.add(row.pue)
      this.sink.fileFact({ kind: 'pue-applied', pue: row.pue, line })
    }
  }

  /**
   * The device for one component. CodeCarbon aggregates all GPUs (and all
   * CPUs) into one figure, so there is one device per kind; a file that
   * mixes machines gets one more device per further model name.
   */
  private deviceFor(kind: DeviceKind, model: string | undefined): number {
    const id = `${kind}\n${model ?? ''}`
    const known = this.devices.get(id)
    if (known !== undefined) return known

    const count = this.devicesPerKind.get(kind) ?? 0
    this.devicesPerKind.set(kind, count + 1)
    const handle = this.sink.device({
      key: count === 0 ? kind : `${kind}:${model ?? count}`,
      kind,
      name: model,
      node: this.options.node,
      powerField: 'energy-window'
    })
    this.devices.set(id, handle)
    return handle
  }

  /** Warnings that concern the whole file, each given once. */
  private noteOnce(
    row: CodeCarbonRow,
    fields: string[],
    columns: CodeCarbonColumns
  ): void {
    for (const kind of row.unmeasured) {
      if (!this.firstTime(`unmeasured-${kind}`)) continue
      this.sink.warn(
        'missing-power',
        `${kind}_energy and ${kind}_power read 0: CodeCarbon had no ${kind} sensor, so ${kind} energy is missing, not 0`,
        row.line
      )
    }
    const timestamp = fields[columns.get('timestamp') ?? 0]?.trim() ?? ''
    const zoneGiven = this.options.timezone !== undefined
    if (!zoneGiven && !HAS_OFFSET.test(timestamp) && this.firstTime('zone')) {
      this.sink.warn(
        'timezone-assumed',
        'CodeCarbon timestamps are local time without an offset: read as UTC; set timezone to the zone of the machine that ran CodeCarbon',
        row.line
      )
    }
  }

  /** True the first time `note` is asked about. */
  private firstTime(note: string): boolean {
    if (this.notes.has(note)) return false
    this.notes.add(note)
    return true
  }
}
