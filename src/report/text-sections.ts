import type {
  Assumption,
  AuditResult,
  Device,
  Warning
} from '../audit/audit-schema.js'
import { safeText } from './escape-text.js'
import {
  formatCount,
  formatNumber,
  formatPercent,
  formatRange
} from './format-number.js'
import { groupWarnings, warningPlace } from './group-warnings.js'
import { countWarnings } from './report-words.js'

/** Devices listed before the rest are counted. */
export const MAX_TEXT_DEVICES = 50

/** Warnings written out; the brief terminal view of the Markdown list. */
export const MAX_TEXT_WARNINGS = 10

/** Defaults named; a multi-node run adds three per node. */
export const MAX_TEXT_DEFAULTS = 30

/** One line per device: id, name, level, energy, power and coverage. */
export function deviceLines(result: AuditResult): string[] {
  const { devices } = result
  if (devices.length === 0) return ['Devices: none read']
  const shown = devices.slice(0, MAX_TEXT_DEVICES)
  const left = devices.length - shown.length
  const title = `Devices (${formatCount(devices.length)})`
  return [
    deviceColumns([
      title,
      'name',
      'lvl',
      'energy kWh (low–high)',
      'mean/max W',
      'coverage'
    ]),
    ...shown.map(deviceLine),
    ...(left > 0 ? [`  …and ${formatCount(left)} more devices`] : [])
  ]
}

/** Column widths of the device lines; they add up to 97 of 100 columns. */
const DEVICE_WIDTHS = [24, 18, 3, 22, 12, 8]

/** Pads cells into the device columns, two spaces apart. */
function deviceColumns(cells: readonly string[]): string {
  return cells
    .map((cell, i) => cell.padEnd(DEVICE_WIDTHS[i] ?? 0))
    .join('  ')
    .trimEnd()
}

/** A device on one line; file text cleaned and cut to its column. */
function deviceLine(device: Device): string {
  const power =
    device.mean_w === null
      ? 'no power'
      : `${formatNumber(device.mean_w)}/${formatNumber(device.max_w)}`
  return deviceColumns([
    `  ${safeText(device.id, 22)}`,
    deviceName(device),
    device.level,
    formatRange(device.energy_kwh, device.low_kwh, device.high_kwh, ''),
    power,
    formatPercent(device.coverage)
  ])
}

/** The printed name, else the catalogue id chosen with --gpu. */
function deviceName(device: Device): string {
  if (device.name !== null) return safeText(device.name, 18)
  if (device.hardware_id !== null)
    return safeText(`(${device.hardware_id})`, 18)
  return 'name not known'
}

/** The first warnings, spread over their codes, and how many there were. */
export function warningLines(result: AuditResult): string[] {
  if (result.warnings.length === 0) return []
  const groups = groupWarnings(result.warnings, MAX_TEXT_WARNINGS)
  const shown = groups.flatMap(group => group.warnings.slice(0, group.shown))
  const codes = groups.map(g => `${g.code} ${formatCount(g.count)}`)
  const total = countWarnings(result)
  const left = total - shown.reduce((sum, w) => sum + (w.count ?? 1), 0)
  return [
    `Warnings (${formatCount(total)}): ${codes.join(', ')}`,
    ...shown.map(warningLine),
    ...(left > 0 ? [`  …and ${formatCount(left)} more warnings`] : [])
  ]
}

/** `code — file:line: message (×n)`, file text cleaned of controls. */
function warningLine(warning: Warning): string {
  const place = warningPlace(warning, file => safeText(file, 80))
  const message = safeText(warning.message, 400)
  const where = place === undefined ? '' : `${place}: `
  const count = warning.count ?? 1
  const times = count > 1 ? ` (×${formatCount(count)})` : ''
  return `  ${warning.code} — ${where}${message}${times}`
}

/** Each assumption the user did not choose, on one line with its source. */
export function defaultLines(result: AuditResult): string[] {
  const defaults = Object.entries(result.assumptions).filter(
    ([, assumption]) => assumption.is_default
  )
  if (defaults.length === 0) return []
  const shown = defaults.slice(0, MAX_TEXT_DEFAULTS)
  const left = defaults.length - shown.length
  return [
    'Defaults used (set them to be explicit):',
    ...shown.map(([name, assumption]) => defaultLine(name, assumption)),
    ...(left > 0 ? [`  …and ${formatCount(left)} more defaults`] : [])
  ]
}

/** `name = value; source`, a number with its range when it has one. */
function defaultLine(name: string, assumption: Assumption): string {
  const { value, low, high, source } = assumption
  const shown =
    typeof value === 'number'
      ? formatRange(value, low, high, '')
      : safeText(value ?? 'none', 80)
  return `  ${safeText(name, 30)} = ${shown}; ${safeText(source, 300)}`
}
