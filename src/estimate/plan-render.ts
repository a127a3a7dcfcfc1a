/**
 * The planning estimate for people: a few lines of text, or Markdown
 * tables with every assumption and its source, and the what-ifs next to
 * the baseline.
 */
import type { Assumption } from '../audit/audit-schema.js'
import { escapeTableCell } from '../report/escape-markdown.js'
import {
  formatChangePercent,
  formatNumber,
  formatRange,
  NOT_KNOWN
} from '../report/format-number.js'
import { joinBlocks, renderTable } from '../report/markdown-blocks.js'
import type { PlanEstimate } from './plan-schema.js'
import type { WhatIfCase, WhatIfComparison } from './plan-what-ifs.js'

/** Headline figures as label and `value (low–high) unit`. */
export function planHeadline(estimate: PlanEstimate): [string, string][] {
  const { plan, energy, carbon, cost } = estimate
  const range = (
    b: { value: number; low: number; high: number },
    unit: string
  ): string => formatRange(b.value, b.low, b.high, unit)
  return [
    [
      'Compute',
      `${formatFlops(plan.flops)} FLOPs (${plan.flops_per_param_token} per parameter per token)`
    ],
    [
      'Hardware',
      `${plan.gpus} × ${plan.gpu_name}, ${formatNumber(plan.peak_tflops)} TFLOP/s ${plan.peak} peak`
    ],
    ['MFU', range(scale100(plan.mfu), '%')],
    [
      'Time',
      `${range(plan.hours, 'h')}, ${formatRange(plan.hours.value / 24, plan.hours.low / 24, plan.hours.high / 24, 'days')}`
    ],
    ['GPU-hours', range(plan.gpu_hours, '')],
    ['Power per GPU', range(plan.gpu_power_w, 'W')],
    [
      'Facility energy',
      formatRange(energy.facility_kwh, energy.low_kwh, energy.high_kwh, 'kWh')
    ],
    [
      'Carbon',
      `${formatRange(carbon.kg, carbon.low_kg, carbon.high_kg, 'kg CO2e')} at ${formatNumber(carbon.intensity_g_per_kwh)} gCO2e/kWh (${carbon.region})`
    ],
    [
      'Cost',
      cost.total_usd === null
        ? `${NOT_KNOWN} (no price given)`
        : formatRange(
            cost.total_usd,
            cost.low_usd,
            cost.high_usd,
            cost.currency
          )
    ],
    ...estimate.equivalents.map((e): [string, string] => [
      'Equivalent',
      `${formatNumber(e.value)} ${e.unit} (${e.kind})`
    ])
  ]
}

function scale100(b: { value: number; low: number; high: number }): {
  value: number
  low: number
  high: number
} {
  return { value: b.value * 100, low: b.low * 100, high: b.high * 100 }
}

/** FLOPs in exponent form with three significant figures: `8.4e22`. */
export function formatFlops(flops: number): string {
  const [mantissa = '', exponent = ''] = flops.toExponential(2).split('e')
  return `${mantissa.replace(/\.?0+$/, '')}e${exponent.replace('+', '')}`
}

/** Plain text: the headline, the notes, the defaults used. */
export function renderPlanText(
  estimate: PlanEstimate,
  comparison?: WhatIfComparison
): string {
  const lines = [
    'Planning estimate',
    ...planHeadline(estimate).map(([label, value]) => `  ${label}: ${value}`)
  ]
  const defaults = Object.entries(estimate.assumptions).filter(
    ([, a]) => a.is_default && a.value !== null
  )
  lines.push(
    `Defaults used (see --format markdown or json for sources): ${defaults.map(([name, a]) => `${name} ${valueText(a)}`).join(', ')}`
  )
  for (const note of estimate.plan.notes) lines.push(`Note: ${note}`)
  if (comparison !== undefined) lines.push('', ...whatIfText(comparison))
  return `${lines.join('\n')}\n`
}

function valueText(a: Assumption): string {
  return typeof a.value === 'number' ? formatNumber(a.value) : String(a.value)
}

/** One line per what-if with its four changes. */
function whatIfText(comparison: WhatIfComparison): string[] {
  return [
    'What-ifs (change against the baseline):',
    ...comparison.cases.map(
      c =>
        `  ${c.title}: time ${pct(c.change.hours_pct)}, energy ${pct(c.change.energy_pct)}, carbon ${pct(c.change.carbon_pct)}, cost ${pct(c.change.cost_pct)}`
    ),
    ...comparison.skipped.map(s => `  ${s.title}: not applicable (${s.reason})`)
  ]
}

function pct(value: number | null): string {
  return value === null ? NOT_KNOWN : formatChangePercent(value)
}

/** Markdown: headline table, notes, assumptions, what-ifs. */
export function renderPlanMarkdown(
  estimate: PlanEstimate,
  comparison?: WhatIfComparison,
  heading = '### Planning estimate'
): string {
  return `${joinBlocks([
    heading,
    renderTable(['', 'Value (low–high)'], planHeadline(estimate), ['l', 'r']),
    estimate.plan.notes
      .map(note => `- ${escapeTableCell(note, 600)}`)
      .join('\n'),
    renderPlanAssumptions(estimate),
    comparison === undefined ? undefined : renderWhatIfTable(comparison)
  ])}\n`
}

/**
 * A source for a table cell or list item: it cannot end the cell, open a
 * tag, a link or a code span, yet its URLs stay links (escapeTableCell
 * breaks them, rightly, for text read from files).
 */
export function sourceCell(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .replace(/[\\|<>[\]`]/g, char => `\\${char}`)
    .trim()
}

/** `low–high`, or a dash when there is no spread to show. */
function rangeCell({ low, high }: Assumption): string {
  if (low === undefined || low === null || high === undefined || high === null)
    return NOT_KNOWN
  return low === high ? NOT_KNOWN : `${formatNumber(low)}–${formatNumber(high)}`
}

/** Every assumption with its range, who chose it and its source. */
export function renderPlanAssumptions(estimate: PlanEstimate): string {
  const rows = Object.entries(estimate.assumptions).map(([name, a]) => [
    name,
    a.value === null
      ? `${NOT_KNOWN} (none)`
      : escapeTableCell(valueText(a), 80),
    rangeCell(a),
    a.is_default ? 'default' : 'given',
    sourceCell(a.source)
  ])
  return joinBlocks([
    '#### Assumptions',
    renderTable(['Assumption', 'Value', 'Range', 'Chosen', 'Source'], rows, [
      'l',
      'r',
      'r',
      'l',
      'l'
    ])
  ])
}

/** The what-ifs as a table of results and changes, then their sources. */
export function renderWhatIfTable(comparison: WhatIfComparison): string {
  const row = (c: WhatIfCase): string[] => [
    escapeTableCell(c.title, 80),
    formatRange(
      c.estimate.hours,
      c.estimate.plan.hours.low,
      c.estimate.plan.hours.high,
      'h'
    ),
    formatRange(
      c.estimate.energy.facility_kwh,
      c.estimate.energy.low_kwh,
      c.estimate.energy.high_kwh,
      'kWh'
    ),
    formatRange(
      c.estimate.carbon.kg,
      c.estimate.carbon.low_kg,
      c.estimate.carbon.high_kg,
      'kg'
    ),
    `${pct(c.change.hours_pct)} / ${pct(c.change.energy_pct)} / ${pct(c.change.carbon_pct)} / ${pct(c.change.cost_pct)}`
  ]
  const header = [
    'What-if',
    'Time',
    'Facility energy',
    'Carbon',
    'Change: time / energy / carbon / cost'
  ]
  const skipped = comparison.skipped.map(
    s =>
      `- ${escapeTableCell(s.title, 80)}: not applicable (${escapeTableCell(s.reason, 200)})`
  )
  const sources = comparison.cases.map(
    c => `- **${escapeTableCell(c.title, 80)}**: ${sourceCell(c.source)}`
  )
  return joinBlocks([
    '#### What-ifs',
    renderTable(header, comparison.cases.map(row), ['l', 'r', 'r', 'r', 'r']),
    skipped.join('\n'),
    sources.join('\n')
  ])
}
