import { readFile, readdir } from 'node:fs/promises'
import { join } from 'node:path'

/** One RAPL energy counter the collector records. */
export interface RaplZone {
  /** Device key in the telemetry: `cpu0` for package 0, `ram0` for its DRAM. */
  key: string
  kind: 'cpu' | 'ram'
  /** The zone's own name (`package-0`, `dram`) and folder. */
  zoneName: string
  folder: string
  /** `max_energy_range_uj` in mJ: where the counter wraps to 0. */
  wrapRangeMJ: number | undefined
}

/** The zones to read, or why none can be. */
export interface RaplDiscovery {
  zones: RaplZone[]
  problem?: string
}

/** Top-level zones (`intel-rapl:0`) and their sub-zones (`intel-rapl:0:1`). */
const TOP_ZONE = /^intel-rapl:(\d+)$/
const SUB_ZONE = /^intel-rapl:(\d+):\d+$/

/**
 * Finds the RAPL counters under a powercap root (Linux powercap
 * framework, Documentation/power/powercap/powercap.rst). Only packages
 * (cpu) and their `dram` sub-zones (ram) are kept: `core` and `uncore`
 * are parts of the package, and `psys` covers the package too, so
 * reading them as well would count energy twice.
 */
export async function discoverRapl(root: string): Promise<RaplDiscovery> {
  let names: string[]
  try {
    names = (await readdir(root)).sort()
  } catch {
    return {
      zones: [],
      problem: `${root} is not readable (no powercap interface)`
    }
  }
  const zones: RaplZone[] = []
  for (const folder of names) {
    const zone = await describeZone(root, folder)
    if (zone !== undefined) zones.push(zone)
  }
  if (zones.length === 0)
    return { zones, problem: `no RAPL package zone under ${root}` }
  const unreadable = await firstUnreadable(zones)
  if (unreadable === undefined) return { zones }
  return {
    zones: [],
    // Since Linux 5.10 energy_uj is readable by root only, after the
    // PLATYPUS power side channel (CVE-2020-8694).
    problem: `${join(unreadable.folder, 'energy_uj')} is not readable (${unreadable.reason}; root only since Linux 5.10, CVE-2020-8694)`
  }
}

/** A package or DRAM zone, undefined for anything else. */
async function describeZone(
  root: string,
  folder: string
): Promise<RaplZone | undefined> {
  const top = TOP_ZONE.exec(folder)
  const sub = SUB_ZONE.exec(folder)
  const socket = top?.[1] ?? sub?.[1]
  if (socket === undefined) return undefined
  const path = join(root, folder)
  const zoneName = (await readText(join(path, 'name')))?.trim()
  const kind =
    top && zoneName?.startsWith('package')
      ? 'cpu'
      : sub && zoneName === 'dram'
        ? 'ram'
        : undefined
  if (kind === undefined || zoneName === undefined) return undefined
  const rangeUJ = Number(
    (await readText(join(path, 'max_energy_range_uj')))?.trim()
  )
  return {
    key: `${kind}${socket}`,
    kind,
    zoneName,
    folder: path,
    wrapRangeMJ: rangeUJ > 0 ? rangeUJ / 1000 : undefined
  }
}

/** The first zone whose counter cannot be read, and why. */
async function firstUnreadable(
  zones: readonly RaplZone[]
): Promise<{ folder: string; reason: string } | undefined> {
  for (const zone of zones) {
    try {
      await readFile(join(zone.folder, 'energy_uj'), 'utf8')
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? 'error'
      return { folder: zone.folder, reason: code }
    }
  }
  return undefined
}

/** Reads one counter in mJ; null when the read fails or is not a number. */
export async function readZoneMJ(zone: RaplZone): Promise<number | null> {
  const text = await readText(join(zone.folder, 'energy_uj'))
  const trimmed = text?.trim() ?? ''
  return /^\d+$/.test(trimmed) ? Number(trimmed) / 1000 : null
}

/** A file's text, undefined when it cannot be read. */
async function readText(path: string): Promise<string | undefined> {
  try {
    return await readFile(path, 'utf8')
  } catch {
    return undefined
  }
}
