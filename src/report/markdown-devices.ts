import type { AuditResult, Device } from '../audit/audit-schema.js'
import { escapeTableCell } from './escape-markdown.js'
import {
  NOT_KNOWN,
  formatCount,
  formatNumber,
  formatPercent,
  formatQuantity,
  formatRange
} from './format-number.js'
import {
  joinBlocks,
  moreLine,
  renderDetails,
  renderTable
} from './markdown-blocks.js'
import { DASH_MEANING } from './report-words.js'

/**
 * Rows shown before the table is collapsed and cut: 50 rows of at most
 * ~400 characters keep the device table near 20,000 of the comment's
 * 60,000 characters whatever the fleet size.
 */
export const MAX_DEVICE_ROWS = 50

const HEADER = [
  'Device',
  'Name',
  'Level',
  'Field',
  'Samples',
  'Coverage',
  'Energy kWh (low–high)',
  'Mean W',
  'Max W',
  'Gaps'
]

/** The per-device table, collapsed and cut beyond MAX_DEVICE_ROWS rows. */
export function renderDevices(result: AuditResult): string {
  const { devices } = result
  if (devices.length === 0) return '### Devices\n\nNo device was read.'
  const shown = devices.slice(0, MAX_DEVICE_ROWS)
  const align = ['l', 'l', 'c', 'l', 'r', 'r', 'r', 'r', 'r', 'r'] as const
  const table = joinBlocks([
    renderTable(HEADER, shown.map(deviceRow), align),
    moreLine(devices.length - shown.length, 'devices'),
    `${DASH_MEANING}.`
  ])
  if (devices.length <= MAX_DEVICE_ROWS) return `### Devices\n\n${table}`
  const summary =
    `Devices: ${formatCount(devices.length)} ` +
    `(first ${formatCount(shown.length)} shown)`
  return `### Devices\n\n${renderDetails(summary, table)}`
}

/** One device's cells; every string from the file is escaped. */
function deviceRow(device: Device): string[] {
  return [
    escapeTableCell(device.id),
    device.name === null ? NOT_KNOWN : escapeTableCell(device.name, 60),
    device.level,
    device.field,
    formatCount(device.samples),
    formatPercent(device.coverage),
    formatRange(device.energy_kwh, device.low_kwh, device.high_kwh, ''),
    formatNumber(device.mean_w),
    formatNumber(device.max_w),
    gapsCell(device)
  ]
}

/** Gap count and the energy filled in for them. */
function gapsCell(device: Device): string {
  if (device.gap_count === 0) return '0'
  const filledKWh = device.gaps.reduce((sum, gap) => sum + gap.filled_kwh, 0)
  const filled = formatQuantity(filledKWh, 'kWh')
  // The gap list may be cut shorter than the count; say so, not a sum.
  const listed = device.gaps.length < device.gap_count ? ' in listed gaps' : ''
  return `${formatCount(device.gap_count)} (${filled} filled${listed})`
}
