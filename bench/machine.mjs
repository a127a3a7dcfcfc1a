// The machine the figures were measured on, for the report.
import os from 'node:os'

/** CPU model and count, memory, OS and Node version. */
export function describeMachine() {
  const cpus = os.cpus()
  return {
    cpuModel: cpus[0]?.model.trim() ?? 'unknown',
    cpuCount: cpus.length,
    memoryGiB: os.totalmem() / 2 ** 30,
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    node: process.version
  }
}
