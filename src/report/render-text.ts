import type { AuditResult } from '../audit/audit-schema.js'
import { safeText, wrapLine } from './escape-text.js'
import {
  formatChangePercent,
  formatCount,
  formatDuration,
  formatQuantity,
  formatRange
} from './format-number.js'
import {
  COST_NOT_COMPUTED,
  LEVEL_COVERAGE,
  costUnit,
  levelCounts
} from './report-words.js'
import { defaultLines, deviceLines, warningLines } from './text-sections.js'

/** Terminal width the summary is written for. */
export const TEXT_COLUMNS = 100

/**
 * Renders an audit result as a plain-text terminal summary of at most
 * 100 columns, with control characters stripped from file text.
 */
export function renderText(result: AuditResult): string {
  const blocks = [
    headlineLines(result),
    deviceLines(result),
    warningLines(result),
    defaultLines(result)
  ].filter(block => block.length > 0)
  const lines = blocks.flatMap((block, i) => (i === 0 ? block : ['', ...block]))
  return `${lines.flatMap(line => wrapLine(line, TEXT_COLUMNS)).join('\n')}\n`
}

/** Level, energy, carbon, cost, window, data and the comparison. */
function headlineLines(result: AuditResult): string[] {
  const { energy, carbon, grounding } = result
  const facility = formatRange(
    energy.facility_kwh,
    energy.low_kwh,
    energy.high_kwh,
    'kWh'
  )
  const emitted = formatRange(
    carbon.kg,
    carbon.low_kg,
    carbon.high_kg,
    'kg CO2e'
  )
  const intensity = formatQuantity(carbon.intensity_g_per_kwh, 'gCO2e/kWh')
  const count = result.devices.length
  const devices = `${formatCount(count)} device${count === 1 ? '' : 's'}`
  const levels = levelCounts(result) || 'none'
  const year = carbon.year ?? 'year not stated'
  const licence = safeText(carbon.licence, 400) || 'not stated in the result'
  return [
    `Sustainability audit: grounding ${grounding.level}, ${LEVEL_COVERAGE[grounding.level]}`,
    `  Energy  ${facility} at the facility`,
    `          ${formatQuantity(energy.it_kwh, 'kWh')} IT energy before PUE, of which GPUs ${formatQuantity(energy.gpu_kwh, 'kWh')}`,
    `  Carbon  ${emitted} in ${safeText(carbon.region, 30)}, ${intensity}`,
    `  Cost    ${costText(result)}`,
    `  Window  ${formatDuration(result.window.duration_s)} on ${devices} (${levels})`,
    `  Data    ${safeText(carbon.dataset, 400)}, ${year}`,
    `  Licence ${licence}`,
    ...comparisonLines(result)
  ]
}

/** Total cost with bounds, or why there is none. */
function costText(result: AuditResult): string {
  const { cost } = result
  if (cost.total_usd === null) return COST_NOT_COMPUTED
  const unit = safeText(costUnit(result), 8)
  return formatRange(cost.total_usd, cost.low_usd, cost.high_usd, unit)
}

/** The change against the base branch and its verdict. */
function comparisonLines(result: AuditResult): string[] {
  const { comparison } = result
  if (comparison === undefined) return []
  const change = formatChangePercent(comparison.change_percent)
  return [
    `  vs base ${change} carbon, verdict ${comparison.verdict}, ` +
      `against ${safeText(comparison.baseline_source, 50)}`
  ]
}
