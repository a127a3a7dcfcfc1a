import { readNumberCell } from '../cells.js'
import type { PowerField, TelemetrySink } from '../sink.js'

/**
 * Cell reading shared by the two dmon text tables (`nvidia-smi dmon` and
 * `dcgmi dmon`): both print a `#` header of column names, a unit line,
 * then whitespace-aligned rows, with optional leading Date/Time columns.
 */

/** Where the readings of a dmon row sit, as 0-based cell positions. */
export interface DmonColumns {
  /** Header name of every cell of a data row, for messages. */
  names: readonly string[]
  /** Power in W; -1 when the table has none. */
  power: number
  /** Cumulative energy counter in mJ; -1 when the table has none. */
  counter: number
  /** GPU utilisation in %; -1 when the table has none. */
  utilization: number
  /** Cells that label the row (entity, date, time): never readings. */
  labels: ReadonlySet<number>
}

/** A dmon header: where each cell of the rows below it sits. */
export interface DmonLayout extends DmonColumns {
  /** `Date` cell, -1 when absent. */
  date: number
  /** `Time` cell, -1 when absent. */
  time: number
  /** First cell naming the device (`GPU` in `GPU 0`, or the index). */
  entity: number
}

/** The readings of one dmon row. */
export interface DmonReadings {
  /** undefined: no power column; null: the cell was a sentinel. */
  powerW: number | null | undefined
  energyMJ: number | null | undefined
  percent: number | null | undefined
  /** Sum of the row's other numeric cells; NaN when there are none. */
  auxSignature: number
}

/** Leading time columns of a dmon header, as 0-based positions. */
export interface DmonTimeColumns {
  /** `Date` column, -1 when absent. */
  date: number
  /** `Time` column, -1 when absent. */
  time: number
  /** First column after the time columns. */
  next: number
}

/** Splits a row into trimmed cells: on commas when it has any, else on runs of blanks. */
export function splitDmonCells(text: string): string[] {
  const trimmed = text.trim()
  if (trimmed === '') return []
  if (trimmed.includes(',')) return trimmed.split(',').map(cell => cell.trim())
  return trimmed.split(/\s+/)
}

/** The column names of a `#` header line, without the `#`. */
export function splitDmonHeader(text: string): string[] {
  return splitDmonCells(text.trim().replace(/^#/, ''))
}

/** Finds `Date` and `Time` at the start of a header (`-o DT`, `-o T`). */
export function findTimeColumns(names: readonly string[]): DmonTimeColumns {
  let next = 0
  const take = (name: string): number => {
    if (names[next]?.toLowerCase() !== name) return -1
    next += 1
    return next - 1
  }
  const date = take('date')
  const time = take('time')
  return { date, time, next }
}

/** Reads a row's cells; returns a reason instead when it cannot be read. */
export function readDmonRow(
  cells: readonly string[],
  columns: DmonColumns
): DmonReadings | { reason: string } {
  const { names } = columns
  if (cells.length !== names.length) {
    return {
      reason: `expected ${names.length} cells (${names.join(' ')}), found ${cells.length}`
    }
  }

  let reason: string | undefined
  const read = (column: number): number | null | undefined => {
    if (column < 0) return undefined
    const cell = readNumberCell(cells[column]!)
    if (cell.kind === 'value') return cell.value
    if (cell.kind === 'invalid') {
      reason ??= `expected a number or N/A in ${names[column]}, found "${cell.text}"`
    }
    return null
  }

  const powerW = read(columns.power)
  const energyMJ = read(columns.counter)
  const percent = read(columns.utilization)
  if (reason !== undefined) return { reason }
  return {
    powerW,
    energyMJ,
    percent,
    auxSignature: sumOtherCells(cells, columns)
  }
}

/** Sum of the numeric cells that are neither labels nor power nor energy. */
function sumOtherCells(cells: readonly string[], columns: DmonColumns): number {
  let sum = Number.NaN
  cells.forEach((text, column) => {
    if (columns.labels.has(column)) return
    if (column === columns.power || column === columns.counter) return
    const cell = readNumberCell(text)
    if (cell.kind === 'value')
      sum = Number.isNaN(sum) ? cell.value : sum + cell.value
  })
  return sum
}

/** Pushes one row's readings into the sink; missing power stays null. */
export function emitDmonRow(
  sink: TelemetrySink,
  device: number,
  timeMs: number,
  readings: DmonReadings,
  line: number
): void {
  const { powerW, energyMJ, percent } = readings
  if (powerW !== undefined) {
    sink.power(device, timeMs, powerW, line, readings.auxSignature)
  }
  if (energyMJ != null) sink.counter(device, timeMs, energyMJ, line)
  if (percent != null) sink.utilization(device, timeMs, percent, line)
}

/** The field the model integrates: a counter beats power samples. */
export function powerFieldOf(columns: DmonColumns): PowerField {
  if (columns.counter >= 0) return 'energy-counter'
  if (columns.power >= 0) return 'power.draw'
  return columns.utilization >= 0 ? 'utilization' : 'none'
}
