import { readFile } from 'node:fs/promises'
import { join } from 'node:path'

/** Cumulative CPU time of the whole host, in clock ticks. */
export interface CpuTimes {
  busyTicks: number
  totalTicks: number
}

/**
 * Reads the aggregate `cpu` line of /proc/stat (proc(5)): user, nice,
 * system, idle, iowait, irq, softirq, steal, guest, guest_nice. Idle time
 * is idle + iowait; guest time is already inside user and nice, so it is
 * not added again. Undefined when the file or line is unusable.
 */
export async function readCpuTimes(
  procRoot: string
): Promise<CpuTimes | undefined> {
  let text: string
  try {
    text = await readFile(join(procRoot, 'stat'), 'utf8')
  } catch {
    return undefined
  }
  const line = text.split('\n').find(l => /^cpu\s/.test(l))
  const ticks = (line ?? '').trim().split(/\s+/).slice(1, 9).map(Number)
  if (ticks.length < 4 || !ticks.every(t => Number.isSafeInteger(t) && t >= 0))
    return undefined
  const total = ticks.reduce((sum, t) => sum + t, 0)
  const idle = (ticks[3] ?? 0) + (ticks[4] ?? 0)
  return { busyTicks: total - idle, totalTicks: total }
}

/** Busy share between two readings in %, null when no time passed. */
export function utilizationPct(
  before: CpuTimes,
  after: CpuTimes
): number | null {
  const totalTicks = after.totalTicks - before.totalTicks
  const busyTicks = after.busyTicks - before.busyTicks
  if (totalTicks <= 0 || busyTicks < 0) return null
  return Math.min(100, Math.round((1000 * busyTicks) / totalTicks) / 10)
}

/** The CPU model from /proc/cpuinfo (`model name`), if it names one. */
export async function readCpuModel(
  procRoot: string
): Promise<string | undefined> {
  try {
    const text = await readFile(join(procRoot, 'cpuinfo'), 'utf8')
    const line = text.split('\n').find(l => /^model name\s*:/.test(l))
    const model = line?.slice(line.indexOf(':') + 1).trim()
    return model === '' ? undefined : model
  } catch {
    return undefined
  }
}

/** Logical CPUs: the `cpuN` lines of /proc/stat; undefined when unreadable. */
export async function readLogicalCpus(
  procRoot: string
): Promise<number | undefined> {
  try {
    const text = await readFile(join(procRoot, 'stat'), 'utf8')
    const count = text.split('\n').filter(l => /^cpu\d+\s/.test(l)).length
    return count > 0 ? count : undefined
  } catch {
    return undefined
  }
}
