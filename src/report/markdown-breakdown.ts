import type { AuditResult, Device } from '../audit/audit-schema.js'
import { groupBy } from '../audit/group-by.js'
import { escapeTableCell } from './escape-markdown.js'
import {
  NOT_KNOWN,
  formatCount,
  formatPercent,
  formatRange
} from './format-number.js'
import { moreLine, joinBlocks, renderTable } from './markdown-blocks.js'

/** Groups shown before the rest are counted in one line. */
const MAX_GROUP_ROWS = 30

const HEADER = ['Job', 'Node', 'Devices', 'GPU-side kWh (low–high)', 'Share']

/**
 * Energy per job and node, for audits merged from several matrix legs
 * or nodes; nothing when everything ran in one job on one node. Shares
 * are of the devices' own energy, before host power and PUE.
 */
export function renderBreakdown(result: AuditResult): string | undefined {
  const groups = groupBy(result.devices, groupKey)
  if (groups.size < 2) return undefined
  const totalKWh = sum(result.devices, d => d.energy_kwh)
  const rows = [...groups.values()]
    .sort((a, b) => sum(b, d => d.energy_kwh) - sum(a, d => d.energy_kwh))
    .map(devices => groupRow(devices, totalKWh))
  const shown = rows.slice(0, MAX_GROUP_ROWS)
  return joinBlocks([
    '### By job and node',
    renderTable(HEADER, shown, ['l', 'l', 'r', 'r', 'r']),
    moreLine(rows.length - shown.length, 'groups')
  ])
}

/** Job and node together: one row per pair. */
function groupKey(device: Device): string {
  return JSON.stringify([device.job, device.node])
}

/** One group's cells; job and node names came from files, so escaped. */
function groupRow(devices: readonly Device[], totalKWh: number): string[] {
  const first = devices[0]!
  const kWh = sum(devices, d => d.energy_kwh)
  return [
    first.job === null ? NOT_KNOWN : escapeTableCell(first.job, 60),
    first.node === null ? NOT_KNOWN : escapeTableCell(first.node, 60),
    formatCount(devices.length),
    formatRange(
      kWh,
      sum(devices, d => d.low_kwh),
      sum(devices, d => d.high_kwh),
      ''
    ),
    totalKWh > 0 ? formatPercent(kWh / totalKWh) : NOT_KNOWN
  ]
}

/** Sum of a number over devices. */
function sum(devices: readonly Device[], value: (d: Device) => number): number {
  return devices.reduce((total, device) => total + value(device), 0)
}
