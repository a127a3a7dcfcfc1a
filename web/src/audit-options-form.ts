import type { AuditOptions } from '../../src/audit/audit-options.js'
import { unknownRegionProblem } from '../../src/audit/audit-choices.js'
import { USER_PUE_MAX, USER_PUE_MIN } from '../../src/calibration/index.js'
import { columnsOption } from '../../src/cli/option-values.js'
import { byId } from './dom.js'
import { readNumberText } from './number-text.js'

/** The audit's options as typed, and a message per field that is wrong. */
export interface AuditOptionsReading {
  options: AuditOptions
  errors: Map<string, string>
}

/** Reads the audit panel's option fields (ids `audit-…`). */
export function readAuditOptions(): AuditOptionsReading {
  const errors = new Map<string, string>()
  const options: AuditOptions = {}
  const region = textOf('audit-region')
  const regionProblem =
    region === undefined ? undefined : unknownRegionProblem(region)
  if (regionProblem !== undefined) errors.set('audit-region', regionProblem)
  else if (region !== undefined) options.region = region
  const pue = numberOf('audit-pue', errors, USER_PUE_MIN, USER_PUE_MAX)
  if (pue !== undefined) options.pue = pue
  const interval = numberOf('audit-interval-ms', errors, 1, 3_600_000)
  if (interval !== undefined) options.intervalMs = interval
  const zone = textOf('audit-timezone')
  if (zone !== undefined && !isZone(zone)) {
    errors.set(
      'audit-timezone',
      `"${zone}" is not an IANA zone such as UTC or Europe/Stockholm`
    )
  } else if (zone !== undefined) options.timezone = zone
  Object.assign(options, choices(), columnsOf(errors))
  return { options, errors }
}

/** The options chosen from lists: format, workload, GPU, node profile. */
function choices(): AuditOptions {
  const options: AuditOptions = {}
  const format = textOf('audit-format')
  if (format !== undefined) options.inputFormat = format
  const workload = textOf('audit-workload')
  if (workload !== undefined) options.workload = workload
  const gpu = textOf('audit-gpu')
  if (gpu !== undefined) options.gpuModel = gpu
  const profile = textOf('audit-node-profile')
  if (profile !== undefined) options.nodeProfile = profile
  return options
}

/** The column map, read as the CLI reads `--columns`. */
function columnsOf(errors: Map<string, string>): AuditOptions {
  try {
    const columns = columnsOption(textOf('audit-columns'))
    return columns === undefined ? {} : { columns }
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error)
    errors.set('audit-columns', message.replace(/^--columns /, ''))
    return {}
  }
}

/** A text or select field's trimmed value, undefined when empty. */
function textOf(id: string): string | undefined {
  const field = document.getElementById(id)
  if (!(
    field instanceof HTMLInputElement || field instanceof HTMLSelectElement
  ))
    return undefined
  const value = field.value.trim()
  return value === '' ? undefined : value
}

/** A number field inside [min, max]; a message in `errors` otherwise. */
function numberOf(
  id: string,
  errors: Map<string, string>,
  min: number,
  max: number
): number | undefined {
  const reading = readNumberText(byId(id, HTMLInputElement).value)
  if (reading.kind === 'empty') return undefined
  if (
    reading.kind === 'value' &&
    reading.value >= min &&
    reading.value <= max
  ) {
    return reading.value
  }
  const got =
    reading.kind === 'value' ? String(reading.value) : `"${reading.text}"`
  errors.set(id, `got ${got}; expected a number from ${min} to ${max}`)
  return undefined
}

/** True when Intl knows the zone. */
function isZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone })
    return true
  } catch {
    return false
  }
}
