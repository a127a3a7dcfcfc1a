import { readNumberCell } from '../cells.js'
import type { DeviceIdentity, DeviceKind } from '../sink.js'

/**
 * Header mapping and row reading for Zeus window logs, by column name.
 * Zeus writes `gpuN_energy` per monitored GPU; `cpuN_energy` and
 * `dramN_energy` follow its Measurement fields (CPU package and DRAM per
 * RAPL zone) for logs that carry them. Other columns are ignored.
 */

const ENERGY_COLUMN = /^(gpu|cpu|dram)(\d+)_energy$/
const KIND_OF_PREFIX = { gpu: 'gpu', cpu: 'cpu', dram: 'ram' } as const

/** One energy column: where it is and the device it measures. */
export interface ZeusEnergyColumn {
  position: number
  name: string
  kind: DeviceKind
  /** Zeus's device index (the PyTorch-visible index for GPUs). */
  index: string
  /** GPU N is key `N`; CPU and DRAM zones are `cpuN` and `dramN`. */
  key: string
}

/** Positions of the columns a window row is read from. */
export interface ZeusColumns {
  startTime: number
  elapsedTime: number
  energies: ZeusEnergyColumn[]
  count: number
}

/** One window as Zeus measured it: seconds and J per device. */
export interface ZeusRow {
  startS: number
  elapsedS: number
  energies: { column: ZeusEnergyColumn; energyJ: number }[]
}

/** Maps a header by name; a string says what it lacks. */
export function readZeusColumns(
  fields: readonly string[]
): ZeusColumns | string {
  const names = fields.map(name => name.trim())
  const startTime = names.indexOf('start_time')
  const elapsedTime = names.indexOf('elapsed_time')
  if (startTime === -1) return 'expected a "start_time" column'
  if (elapsedTime === -1) return 'expected an "elapsed_time" column'

  const energies = names.flatMap((name, position) => {
    const match = ENERGY_COLUMN.exec(name)
    if (match === null) return []
    const prefix = match[1] as keyof typeof KIND_OF_PREFIX
    const index = match[2]!
    const key = prefix === 'gpu' ? index : `${prefix}${index}`
    return [{ position, name, kind: KIND_OF_PREFIX[prefix], index, key }]
  })
  if (energies.length === 0) return 'expected a gpuN_energy column'
  return { startTime, elapsedTime, energies, count: fields.length }
}

/** The identity registered for one energy column. */
export function zeusDevice(
  column: ZeusEnergyColumn,
  node: string | undefined
): DeviceIdentity {
  return {
    key: column.key,
    kind: column.kind,
    index: column.index,
    node,
    powerField: 'energy-window'
  }
}

/** Reads a row whose field count matches; a string is the reject reason. */
export function readZeusRow(
  fields: readonly string[],
  columns: ZeusColumns
): ZeusRow | string {
  const startS = readSeconds(fields[columns.startTime], 'start_time')
  if (typeof startS === 'string') return startS
  const elapsedS = readSeconds(fields[columns.elapsedTime], 'elapsed_time')
  if (typeof elapsedS === 'string') return elapsedS

  const energies: ZeusRow['energies'] = []
  for (const column of columns.energies) {
    const raw = (fields[column.position] ?? '').trim()
    const cell = readNumberCell(raw)
    // An empty cell is a device Zeus did not measure in this window.
    if (cell.kind === 'missing') continue
    if (cell.kind === 'invalid' || cell.value < 0) {
      return `expected ${column.name} in J ≥ 0, found "${raw}"`
    }
    energies.push({ column, energyJ: cell.value })
  }
  return { startS, elapsedS, energies }
}

/** A non-negative number of seconds, or the reject reason. */
function readSeconds(raw: string | undefined, name: string): number | string {
  const text = (raw ?? '').trim()
  const cell = readNumberCell(text)
  if (cell.kind === 'value' && cell.value >= 0) return cell.value
  return `expected ${name} in s ≥ 0, found "${text}"`
}
