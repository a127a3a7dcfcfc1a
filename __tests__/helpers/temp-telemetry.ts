import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { AuditOptions } from '../../src/audit/audit-options.js'
import type { AuditResult, Device } from '../../src/audit/audit-schema.js'
import { runAudit } from '../../src/audit/run-audit.js'
import { expectSaneResult } from './audit-invariants.js'

/** J in one kWh. */
export const J_PER_KWH = 3_600_000

/** Telemetry files written into one fresh temp folder. */
export class TempTelemetry {
  readonly dir = mkdtempSync(join(tmpdir(), 'eco-'))

  /** Writes `content` (text or bytes) as `name`; returns its path. */
  write(name: string, content: string | Buffer): string {
    const path = join(this.dir, name)
    writeFileSync(path, content)
    return path
  }

  /** Deletes the folder and everything in it. */
  remove(): void {
    rmSync(this.dir, { recursive: true, force: true })
  }
}

/** runAudit, then the checks every result must pass. */
export async function auditChecked(
  paths: readonly string[],
  options: AuditOptions = {}
): Promise<AuditResult> {
  const result = await runAudit(paths, options)
  expectSaneResult(result)
  return result
}

/** The device whose id ends with `suffix` (e.g. `/0`); throws if none. */
export function deviceOf(result: AuditResult, suffix: string): Device {
  const found = result.devices.find(d => d.id.endsWith(suffix))
  if (found === undefined) {
    const ids = result.devices.map(d => d.id).join(', ')
    throw new Error(`no device ending in "${suffix}" among ${ids}`)
  }
  return found
}

/** A device's energy in J. */
export function deviceJ(device: Device): number {
  return device.energy_kwh * J_PER_KWH
}

/** One EcoCompute JSON Lines file: header, then records, LF-separated. */
export function jsonlText(
  devices: readonly Record<string, unknown>[],
  records: readonly Record<string, unknown>[],
  header: Record<string, unknown> = {}
): string {
  const first = {
    schema: 'ecocompute.telemetry/v1',
    kind: 'header',
    ...header,
    devices
  }
  return [first, ...records].map(r => JSON.stringify(r)).join('\n') + '\n'
}

/** nvidia-smi's `YYYY/MM/DD HH:MM:SS.mmm` for epoch ms (printed in UTC). */
export function smiTime(timeMs: number): string {
  const iso = new Date(timeMs).toISOString()
  return `${iso.slice(0, 10).replaceAll('-', '/')} ${iso.slice(11, 23)}`
}
