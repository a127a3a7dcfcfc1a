import type { AuditResult, Comparison } from '../audit/audit-schema.js'
import { escapeMarkdown, escapeTableCell } from './escape-markdown.js'
import {
  NOT_KNOWN,
  formatChangePercent,
  formatCount,
  formatDuration,
  formatQuantity,
  formatRange
} from './format-number.js'
import {
  joinBlocks,
  moreLine,
  renderBullets,
  renderTable
} from './markdown-blocks.js'
import {
  COST_NOT_COMPUTED,
  LEVEL_COVERAGE,
  costUnit,
  levelCounts
} from './report-words.js'

/** The opening sentence: energy, carbon, where, how long, how grounded. */
export function renderHeadline(result: AuditResult): string {
  const { energy, carbon } = result
  const devices = result.devices.length
  return (
    `This run used **${formatQuantity(energy.facility_kwh, 'kWh')}** ` +
    `at the facility and emitted ` +
    `**${formatQuantity(carbon.kg, 'kg CO2e')}** in ` +
    `${escapeMarkdown(carbon.region, 60)} over ` +
    `${formatDuration(result.window.duration_s)} on ` +
    `${formatCount(devices)} ${devices === 1 ? 'device' : 'devices'}; ` +
    `grounding level **${result.grounding.level}** ` +
    `(${LEVEL_COVERAGE[result.grounding.level]}).`
  )
}

/** Energy, carbon and cost with bounds, and the change against base. */
export function renderHeadlineTable(result: AuditResult): string {
  const { energy, carbon, comparison } = result
  const rows = [
    [
      'Energy (facility)',
      formatRange(energy.facility_kwh, energy.low_kwh, energy.high_kwh, 'kWh')
    ],
    [
      'Carbon',
      formatRange(carbon.kg, carbon.low_kg, carbon.high_kg, 'kg CO2e')
    ],
    ['Cost', costCell(result)]
  ]
  const header = ['Metric', 'Value (low–high)']
  if (comparison === undefined) return renderTable(header, rows, ['l', 'r'])
  const change = formatChangePercent(comparison.change_percent)
  const vsBase = [NOT_KNOWN, `${change} · **${comparison.verdict}**`, NOT_KNOWN]
  return renderTable(
    [...header, 'vs base'],
    rows.map((row, i) => [...row, vsBase[i] ?? NOT_KNOWN]),
    ['l', 'r', 'r']
  )
}

/** The total cost with bounds, or why there is none. */
function costCell(result: AuditResult): string {
  const { cost } = result
  if (cost.total_usd === null) return COST_NOT_COMPUTED
  const unit = escapeTableCell(costUnit(result), 12)
  return formatRange(cost.total_usd, cost.low_usd, cost.high_usd, unit)
}

/** What the comparison with the base branch was made on and decided. */
export function renderComparison(result: AuditResult): string | undefined {
  const { comparison } = result
  if (comparison === undefined) return undefined
  if (comparison.comparable === null) return renderNoBaseline(comparison)
  const change =
    comparison.change_percent === null
      ? `${NOT_KNOWN} (no comparable change)`
      : formatChangePercent(comparison.change_percent)
  const reasons = comparison.reasons
    .slice(0, 5)
    .map(reason => escapeMarkdown(reason))
  const because = reasons.length > 0 ? ` Reasons: ${reasons.join('; ')}.` : ''
  return (
    `**vs base:** carbon ${change}, verdict **${comparison.verdict}**, ` +
    `against ${escapeMarkdown(comparison.baseline_source)}.${because} ` +
    'Only carbon is compared with the base.'
  )
}

/**
 * Without a baseline the reasons already hold its source: say it once,
 * then any budget that still applied.
 */
function renderNoBaseline(comparison: Comparison): string {
  const others = comparison.reasons
    .slice(1, 5)
    .map(reason => escapeMarkdown(reason))
  const why =
    others.length > 0
      ? `: ${others.join('; ')}`
      : ', set by on-missing-baseline'
  return (
    `**vs base:** no baseline: ${escapeMarkdown(comparison.baseline_source)}. ` +
    `Verdict **${comparison.verdict}**${why}.`
  )
}

/** Reasons listed before the rest are only counted (one per L1 device). */
const MAX_REASONS = 10

/**
 * The grounding line: the level, what the energy covers, how many devices
 * reached each level, the measured GPUs' own subtotal, and the reasons a
 * device or node stayed at a lower level.
 */
export function renderGrounding(result: AuditResult): string {
  const { grounding, energy } = result
  const perLevel = levelCounts(result)
  const line =
    `**Grounding ${grounding.level}:** ${LEVEL_COVERAGE[grounding.level]}. ` +
    (perLevel === '' ? 'No devices. ' : `Devices by level: ${perLevel}. `) +
    `Measured GPUs alone: ${formatQuantity(energy.measured_gpu_kwh, 'kWh')}; ` +
    `all GPUs: ${formatQuantity(energy.gpu_kwh, 'kWh')}; ` +
    `IT before PUE: ${formatQuantity(energy.it_kwh, 'kWh')}.`
  const reasons = grounding.reasons.slice(0, MAX_REASONS)
  return joinBlocks([
    line,
    renderBullets(reasons.map(reason => escapeMarkdown(reason))),
    moreLine(grounding.reasons.length - reasons.length, 'reasons')
  ])
}
