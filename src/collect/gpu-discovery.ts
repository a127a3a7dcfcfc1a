import { readNumberCell } from '../telemetry/cells.js'
import { type ToolQuery, type ToolRun, firstLine } from './run-tool.js'

/** One GPU as nvidia-smi lists it before sampling starts. */
export interface ListedGpu {
  index: number
  uuid: string | undefined
  name: string | undefined
  pciBusId: string | undefined
  powerLimitW: number | undefined
}

/** The GPUs nvidia-smi lists, or why there are none. */
export interface GpuListing {
  gpus: ListedGpu[]
  driverVersion: string | undefined
  /** Set when nvidia-smi is missing or failed: a message for the user. */
  problem?: string
}

/** Fields of the one-shot listing, in this order. */
const LIST_FIELDS = [
  'index',
  'uuid',
  'name',
  'pci.bus_id',
  'power.limit',
  'driver_version'
] as const

/**
 * nvidia-smi's exit codes (nvidia-smi(1), "RETURN VALUE"), said in the
 * user's terms.
 */
const EXIT_MEANINGS: Record<number, string> = {
  2: 'an argument or flag was refused',
  3: 'the operation is not supported on this GPU',
  4: 'insufficient permissions',
  6: 'no GPU found',
  9: 'the NVIDIA driver is not loaded',
  12: 'the NVML library was not found',
  15: 'a GPU has fallen off the bus',
  255: 'an NVIDIA driver error'
}

/** Lists the GPUs with one nvidia-smi query; never throws. */
export async function listGpus(
  nvidiaSmi: ToolQuery | undefined
): Promise<GpuListing> {
  if (nvidiaSmi === undefined) {
    return {
      gpus: [],
      driverVersion: undefined,
      problem: 'nvidia-smi is not on PATH (no NVIDIA driver tools here)'
    }
  }
  const run = await nvidiaSmi([
    `--query-gpu=${LIST_FIELDS.join(',')}`,
    '--format=csv,noheader,nounits'
  ])
  if (run.code !== 0)
    return {
      gpus: [],
      driverVersion: undefined,
      problem: describeFailure('nvidia-smi', run)
    }
  const rows = run.stdout.split('\n').map(parseListRow)
  const gpus = rows.filter((row): row is ListedGpu => row !== undefined)
  const driverVersion = driverOf(run.stdout)
  if (gpus.length > 0) return { gpus, driverVersion }
  return {
    gpus,
    driverVersion,
    problem: `nvidia-smi listed no GPU (${firstLine(run)})`
  }
}

/** `nvidia-smi failed: <first line> (exit code 4: insufficient permissions)`. */
export function describeFailure(tool: string, run: ToolRun): string {
  if (run.timedOutMs !== undefined)
    return `${tool} did not answer within ${run.timedOutMs / 1000} s (a hung driver or GPU, or a cold driver without persistence mode)`
  if (run.code === null)
    return `${tool} did not run: ${run.failure ?? firstLine(run)}`
  const meaning = EXIT_MEANINGS[run.code]
  const why = meaning === undefined ? '' : `: ${meaning}`
  return `${tool} failed: ${firstLine(run)} (exit code ${run.code}${why})`
}

/** One `index, uuid, name, bus, limit, driver` row, or undefined. */
function parseListRow(line: string): ListedGpu | undefined {
  const cells = line.split(',').map(cell => cell.trim())
  if (cells.length !== LIST_FIELDS.length) return undefined
  const [index, uuid, name, bus, limit] = cells
  if (!/^\d+$/.test(index ?? '')) return undefined
  const limitCell = readNumberCell(limit ?? '')
  return {
    index: Number(index),
    uuid: textCell(uuid),
    name: textCell(name),
    pciBusId: textCell(bus),
    powerLimitW:
      limitCell.kind === 'value' && limitCell.value > 0
        ? limitCell.value
        : undefined
  }
}

/** A text cell, or undefined for a sentinel such as `[N/A]`. */
function textCell(cell: string | undefined): string | undefined {
  if (cell === undefined || cell === '') return undefined
  return readNumberCell(cell).kind === 'missing' ? undefined : cell
}

/** The driver version of the first row that gives one. */
function driverOf(stdout: string): string | undefined {
  for (const line of stdout.split('\n')) {
    const cells = line.split(',').map(cell => cell.trim())
    const driver = textCell(cells[LIST_FIELDS.length - 1])
    if (cells.length === LIST_FIELDS.length && driver) return driver
  }
  return undefined
}
