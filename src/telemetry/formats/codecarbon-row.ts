import { readNumberCell } from '../cells.js'
import { parseTimestamp } from '../timestamps.js'

/**
 * Reads CodeCarbon `emissions.csv` rows by column name into typed records.
 * Every header generation shares the names read here (v2.0-era files
 * lack `pue`, `codecarbon_version` and `experiment_id`; 3.2+ files add
 * water and utilisation columns, which are not read).
 */

/** The components CodeCarbon splits its energy into. */
export const COMPONENT_KINDS = ['gpu', 'cpu', 'ram'] as const
export type ComponentKind = (typeof COMPONENT_KINDS)[number]

/** Columns holding each component's energy (kWh), mean power and model. */
const COMPONENT_COLUMNS = {
  gpu: { energy: 'gpu_energy', power: 'gpu_power', model: 'gpu_model' },
  cpu: { energy: 'cpu_energy', power: 'cpu_power', model: 'cpu_model' },
  ram: { energy: 'ram_energy', power: 'ram_power', model: undefined }
} as const

const ENERGY_COLUMNS = [
  'energy_consumed',
  'gpu_energy',
  'cpu_energy',
  'ram_energy'
]

/** Energy per component in kWh; null when missing or not measured. */
export type ComponentValues<T> = Record<ComponentKind, T>

/** One row as CodeCarbon meant it; energies in kWh as written. */
export interface CodeCarbonRow {
  line: number
  runId: string | undefined
  endMs: number
  durationS: number
  energyKWh: ComponentValues<number | null>
  /** Components whose energy and power both read 0: never measured. */
  unmeasured: ComponentKind[]
  models: ComponentValues<string | undefined>
  totalKWh: number | null
  emissionsKg: number | null
  countryIso3: string | undefined
  pue: number | null
}

/** Header name → position; names trimmed and lower-cased. */
export type CodeCarbonColumns = ReadonlyMap<string, number>

/** True when a split line is a header rather than a run. */
export function isHeaderLine(fields: readonly string[]): boolean {
  return fields[0]?.trim().toLowerCase() === 'timestamp'
}

/** Maps a header by name; a string says which required column is absent. */
export function readColumns(
  fields: readonly string[]
): CodeCarbonColumns | string {
  const columns = new Map<string, number>()
  fields.forEach((name, index) => {
    const key = name.trim().toLowerCase()
    if (!columns.has(key)) columns.set(key, index)
  })
  for (const required of ['timestamp', 'duration']) {
    if (!columns.has(required)) return `expected a "${required}" column`
  }
  if (!ENERGY_COLUMNS.some(name => columns.has(name))) {
    return `expected an energy column (${ENERGY_COLUMNS.join(', ')})`
  }
  return columns
}

/** Cell access by column name for one row. */
class RowCells {
  constructor(
    private readonly fields: readonly string[],
    private readonly columns: CodeCarbonColumns
  ) {}

  /** Trimmed text, or undefined when the column is absent or empty. */
  text(name: string): string | undefined {
    const index = this.columns.get(name)
    const text = index === undefined ? '' : (this.fields[index] ?? '').trim()
    return text === '' ? undefined : text
  }

  /** A strict number, null when missing; throws the reject reason. */
  number(name: string): number | null {
    const index = this.columns.get(name)
    if (index === undefined) return null
    const cell = readNumberCell(this.fields[index] ?? '')
    if (cell.kind === 'value') return cell.value
    if (cell.kind === 'missing') return null
    throw new RowProblem(`expected a number in ${name}, found "${cell.text}"`)
  }

  /** True when the cell reads exactly 0; never throws. */
  isZero(name: string): boolean {
    const index = this.columns.get(name)
    if (index === undefined) return false
    const cell = readNumberCell(this.fields[index] ?? '')
    return cell.kind === 'value' && cell.value === 0
  }

  /** Like number() but also refuses a negative value. */
  nonNegative(name: string): number | null {
    const value = this.number(name)
    if (value !== null && value < 0) {
      throw new RowProblem(`expected ${name} ≥ 0, found ${value}`)
    }
    return value
  }
}

/** Why a row is rejected; caught in readRow and never escapes it. */
class RowProblem extends Error {
  override name = 'RowProblem'
}

/**
 * Reads one row whose field count already matches the header. Returns the
 * record, or the reject reason (`expected …, found …`).
 */
export function readRow(
  fields: readonly string[],
  columns: CodeCarbonColumns,
  line: number,
  zone: string
): CodeCarbonRow | string {
  try {
    return readCells(new RowCells(fields, columns), line, zone)
  } catch (error) {
    if (error instanceof RowProblem) return error.message
    throw error
  }
}

/** The body of readRow; throws RowProblem for the first bad cell. */
function readCells(cells: RowCells, line: number, zone: string): CodeCarbonRow {
  const timestamp = cells.text('timestamp') ?? ''
  const endMs = parseTimestamp(timestamp, zone)
  if (!Number.isFinite(endMs)) {
    throw new RowProblem(
      `expected a timestamp such as 2024-06-01T12:00:00, found "${timestamp}"`
    )
  }
  const durationS = cells.nonNegative('duration')
  if (durationS === null || durationS === 0) {
    throw new RowProblem(
      `expected a duration > 0 s, found "${cells.text('duration') ?? ''}"`
    )
  }
  const components = readComponents(cells)
  const pue = cells.number('pue')
  if (pue !== null && !(pue >= 1 && pue <= 5)) {
    throw new RowProblem(
      `expected a PUE from 1 to 5 in pue (facility energy ÷ IT energy), found "${cells.text('pue') ?? ''}"`
    )
  }
  return {
    line,
    runId: cells.text('run_id'),
    endMs,
    durationS,
    ...components,
    totalKWh: cells.nonNegative('energy_consumed'),
    emissionsKg: cells.nonNegative('emissions'),
    countryIso3: cells.text('country_iso_code'),
    pue
  }
}

/** Per-component energy and model; a 0 kWh, 0 W pair means unmeasured. */
function readComponents(
  cells: RowCells
): Pick<CodeCarbonRow, 'energyKWh' | 'unmeasured' | 'models'> {
  const energyKWh: ComponentValues<number | null> = {
    gpu: null,
    cpu: null,
    ram: null
  }
  const models: ComponentValues<string | undefined> = {
    gpu: undefined,
    cpu: undefined,
    ram: undefined
  }
  const unmeasured: ComponentKind[] = []
  for (const kind of COMPONENT_KINDS) {
    const names = COMPONENT_COLUMNS[kind]
    const energy = cells.nonNegative(names.energy)
    models[kind] =
      names.model === undefined ? undefined : cells.text(names.model)
    // CodeCarbon writes 0.0 for both when it had no sensor for the part
    // (e.g. no RAPL access); no running component draws exactly 0 W.
    if (energy === 0 && cells.isZero(names.power)) {
      unmeasured.push(kind)
      continue
    }
    energyKWh[kind] = energy
  }
  return { energyKWh, unmeasured, models }
}
