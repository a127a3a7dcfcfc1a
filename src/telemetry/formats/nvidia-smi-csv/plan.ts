import { InputError } from '../../input-error.js'
import type { PowerField } from '../../sink.js'
import { parseTimestamp } from '../../timestamps.js'
import { splitSimple } from './split-simple.js'
import {
  CANONICAL_FIELDS,
  type CanonicalField,
  type HeaderColumn,
  looksLikeHeader,
  readHeader
} from './header.js'
import { chooseIdentityColumn } from './identity-column.js'

/** Everything the row reader needs to know about a file's columns. */
export interface ColumnPlan {
  hasHeader: boolean
  columnCount: number
  timestamp: number
  power: number
  powerField: PowerField
  /** Multiplier from the file's power unit to W. */
  powerScale: number
  utilization: number | undefined
  powerLimit: number | undefined
  name: number | undefined
  uuid: number | undefined
  pciBusId: number | undefined
  /** Column that tells GPUs apart; undefined = position within a frame. */
  identity: number | undefined
  identityField: CanonicalField | undefined
  headerText: string | undefined
  notes: string[]
}

const POWER_PREFERENCE_FAST: CanonicalField[] = [
  'power.draw.instant',
  'power.draw',
  'power.draw.average'
]
const POWER_PREFERENCE_SLOW: CanonicalField[] = [
  'power.draw.average',
  'power.draw',
  'power.draw.instant'
]

/**
 * Works out the column plan from the first lines of a file and the user's
 * `--columns` map (canonical field → header name or 0-based position).
 */
export function planColumns(
  headLines: readonly string[],
  file: string,
  overrides: ReadonlyMap<string, string | number> | undefined
): ColumnPlan {
  const firstCells = splitSimple(headLines[0] ?? '')
  const header = readHeader(firstCells)
  const hasHeader =
    looksLikeHeader(header) ||
    (overrides !== undefined &&
      !cellIsTime(firstCells[0]) &&
      headerHasAny(header, overrides))
  const columns = hasHeader ? header : unnamedColumns(firstCells.length)
  const dataLines = hasHeader ? headLines.slice(1) : headLines
  const rows = dataLines.filter(l => l.trim() !== '').map(splitSimple)

  const find = fieldFinder(columns, overrides, file)
  const timestamp = find('timestamp') ?? inferTimestampColumn(rows)
  if (timestamp === undefined) throw missingColumn(file, 'timestamp', hasHeader)

  const power = choosePower(find, rows, hasHeader)
  if (power === undefined) throw missingColumn(file, 'power.draw', hasHeader)

  const named = new Set(
    [...(overrides?.keys() ?? [])].filter((field): field is CanonicalField =>
      (CANONICAL_FIELDS as readonly string[]).includes(field)
    )
  )
  const identity = chooseIdentityColumn(find, rows, timestamp, named)
  return {
    hasHeader,
    columnCount: columns.length,
    timestamp,
    power: power.position,
    powerField: power.field,
    powerScale: powerScale(columns[power.position]?.unit, file),
    utilization: find('utilization.gpu'),
    powerLimit: find('power.limit'),
    name: find('name'),
    uuid: find('uuid'),
    pciBusId: find('pci.bus_id'),
    identity: identity?.position,
    identityField: identity?.field,
    headerText: hasHeader ? headLines[0] : undefined,
    notes: identity?.notes ?? []
  }
}

/** Looks a canonical field up in the overrides first, then the header. */
function fieldFinder(
  columns: readonly HeaderColumn[],
  overrides: ReadonlyMap<string, string | number> | undefined,
  file: string
): (field: CanonicalField) => number | undefined {
  return field => {
    const override = overrides?.get(field)
    if (override === undefined) {
      return columns.find(column => column.field === field)?.position
    }
    if (typeof override === 'number') {
      if (override < columns.length) return override
      throw new InputError(
        `--columns maps ${field} to column ${override}, but the file has ${columns.length} columns (0 to ${columns.length - 1})`,
        file,
        1
      )
    }
    const named = columns.find(column => column.raw === override)
    if (named) return named.position
    throw new InputError(
      `--columns maps ${field} to "${override}", but the header has no such column; header columns: ${columns.map(c => c.raw).join(', ')}`,
      file,
      1
    )
  }
}

/** The power column to integrate, preferring instant for fast sampling. */
function choosePower(
  find: (field: CanonicalField) => number | undefined,
  rows: readonly string[][],
  hasHeader: boolean
): { position: number; field: PowerField } | undefined {
  const fast = medianStepMs(rows, find('timestamp')) < 1000
  const order = fast ? POWER_PREFERENCE_FAST : POWER_PREFERENCE_SLOW
  for (const field of order) {
    const position = find(field)
    if (position !== undefined) return { position, field: field as PowerField }
  }
  if (hasHeader) return undefined
  const inferred = inferWattColumn(rows)
  return inferred === undefined
    ? undefined
    : { position: inferred, field: 'power.draw' }
}

/** Median time step of the head rows in ms (Infinity when unknown). */
function medianStepMs(
  rows: readonly string[][],
  column: number | undefined
): number {
  if (column === undefined) return Number.POSITIVE_INFINITY
  const times = rows
    .map(r => parseTimestamp(r[column] ?? ''))
    .filter(Number.isFinite)
  const distinct = [...new Set(times)].sort((a, b) => a - b)
  const steps = distinct.slice(1).map((t, i) => t - distinct[i]!)
  if (steps.length === 0) return Number.POSITIVE_INFINITY
  return steps.sort((a, b) => a - b)[Math.floor(steps.length / 2)]!
}

/** In a header-less file, the first column whose cells are timestamps. */
function inferTimestampColumn(rows: readonly string[][]): number | undefined {
  const first = rows[0] ?? []
  const index = first.findIndex(cell => cellIsTime(cell))
  return index === -1 ? undefined : index
}

/** In a header-less file, the single column whose cells end in ` W`. */
function inferWattColumn(rows: readonly string[][]): number | undefined {
  const first = rows[0] ?? []
  const candidates = first
    .map((_, i) => i)
    .filter(i =>
      rows.every(
        r =>
          /^\s*-?[\d.]+\s*W\s*$/.test(r[i] ?? '') ||
          /^\s*\[.*\]\s*$/.test(r[i] ?? '')
      )
    )
  return candidates.length === 1 ? candidates[0] : undefined
}

/** True when a cell reads as a timestamp. */
function cellIsTime(cell: string | undefined): boolean {
  return cell !== undefined && Number.isFinite(parseTimestamp(cell))
}

/** True when any override names a header column. */
function headerHasAny(
  header: readonly HeaderColumn[],
  overrides: ReadonlyMap<string, string | number>
): boolean {
  return [...overrides.values()].some(
    v => typeof v === 'string' && header.some(c => c.raw === v)
  )
}

/** Placeholder columns for a file without a header. */
function unnamedColumns(count: number): HeaderColumn[] {
  return Array.from({ length: count }, (_, position) => ({
    position,
    raw: String(position),
    field: undefined,
    unit: undefined
  }))
}

/** W per unit of the file's power column. */
function powerScale(unit: string | undefined, file: string): number {
  if (unit === undefined || unit === 'w') return 1
  if (unit === 'mw') return 1e-3
  if (unit === 'kw') return 1e3
  throw new InputError(
    `power column has unit [${unit}]; expected W, mW or kW`,
    file,
    1
  )
}

/** The error for a column the file lacks, with the way out. */
function missingColumn(
  file: string,
  field: string,
  hasHeader: boolean
): InputError {
  const where = hasHeader
    ? 'the header names no'
    : 'this file has no header and no recognisable'
  return new InputError(
    `${where} ${field} column; name it with --columns, e.g. --columns timestamp=0,power.draw=6`,
    file,
    1
  )
}
