import { readNumberCell } from '../telemetry/cells.js'
import { parseTimestamp } from '../telemetry/timestamps.js'

/** One `--format=csv,noheader,nounits` row of the sampler's query. */
export interface SmiRow {
  /** nvidia-smi's timestamp, read as UTC (the child runs with TZ=UTC). */
  timeMs: number
  index: number
  cells: string[]
  /** The row says the GPU is gone (`[GPU is lost]`, `[GPU requires reset]`). */
  lostMarker: string | undefined
}

/** What one line of nvidia-smi's output is. */
export type SmiLine =
  | { kind: 'row'; row: SmiRow }
  | { kind: 'handle-error'; busId: string; reason: string }
  | { kind: 'other'; text: string }

/**
 * Cells that mean the board stopped answering, as opposed to a field it
 * does not support (DESIGN §4 sentinels; bug case B11's variant).
 */
const LOST_MARKERS = new Set(['[GPU is lost]', '[GPU requires reset]'])

/**
 * nvidia-smi's per-device failure line, e.g. `Unable to determine the
 * device handle for GPU 0000:3B:00.0: Unknown Error` (bug case F-B11).
 */
const HANDLE_ERROR =
  /device handle for GPU ([0-9A-Fa-f]{4,8}:[0-9A-Fa-f]{2}:[0-9A-Fa-f]{2}\.[0-9A-Fa-f]): (.+)$/

/** Classifies one output line of a query with `fieldCount` fields. */
export function classifySmiLine(line: string, fieldCount: number): SmiLine {
  const handle = HANDLE_ERROR.exec(line)
  if (handle)
    return {
      kind: 'handle-error',
      busId: handle[1]!,
      reason: handle[2]!.trim()
    }
  const cells = line.split(',').map(cell => cell.trim())
  if (cells.length !== fieldCount || !/^\d+$/.test(cells[1] ?? '')) {
    return { kind: 'other', text: line }
  }
  const timeMs = parseTimestamp(cells[0] ?? '')
  if (!Number.isFinite(timeMs)) return { kind: 'other', text: line }
  const lostMarker = cells.find(cell => LOST_MARKERS.has(cell))
  return {
    kind: 'row',
    row: { timeMs, index: Number(cells[1]), cells, lostMarker }
  }
}

/** A numeric cell, or null for a sentinel or anything not a number. */
export function numberOrNull(cell: string | undefined): number | null {
  const read = readNumberCell(cell ?? '')
  return read.kind === 'value' ? read.value : null
}

/**
 * `00000000:3B:00.0` (nvidia-smi's query) and `0000:3B:00.0` (its error
 * lines) name the same bus: compare without the domain's leading zeros.
 */
export function normaliseBusId(busId: string): string {
  return busId.toLowerCase().replace(/^0+(?=[0-9a-f]*:)/, '')
}
