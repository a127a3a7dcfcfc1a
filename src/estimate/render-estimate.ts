import { markdownTable } from 'markdown-table'
import { formatNumber } from '../report/format-number.js'
import type { EstimateResult } from './estimate-schema.js'

/** The figures every format shows, as label and formatted value. */
function estimateLines(result: EstimateResult): [string, string][] {
  const { energy, carbon, cost } = result
  const lines: [string, string][] = [
    ['GPU-hours', formatNumber(result.gpu_hours)],
    ['GPU energy', `${formatNumber(energy.gpu_kwh)} kWh`],
    ['Facility energy', `${formatNumber(energy.facility_kwh)} kWh`],
    [
      'Carbon',
      `${formatNumber(carbon.kg)} kg CO2e at ${formatNumber(carbon.intensity_g_per_kwh)} gCO2e/kWh (${carbon.dataset})`
    ]
  ]
  if (cost.total_usd !== null)
    lines.push(['Cost', `${formatNumber(cost.total_usd)} ${cost.currency}`])
  for (const equivalent of result.equivalents)
    lines.push([
      'Equivalent',
      `${formatNumber(equivalent.value)} ${equivalent.unit} (${equivalent.kind})`
    ])
  return lines
}

/** A few lines of plain text. */
export function renderEstimateText(result: EstimateResult): string {
  const lines = estimateLines(result).map(
    ([label, value]) => `${label}: ${value}`
  )
  return `Estimate from published inputs\n${lines.map(l => `  ${l}`).join('\n')}\n`
}

/** A heading and a two-column Markdown table. */
export function renderEstimateMarkdown(result: EstimateResult): string {
  const table = markdownTable([['', 'Value'], ...estimateLines(result)], {
    align: ['l', 'r']
  })
  return `### Estimate from published inputs\n\n${table}\n`
}
