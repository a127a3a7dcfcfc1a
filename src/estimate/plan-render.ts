/**
 * The planning estimate for people: a few lines of text, or Markdown
 * tables with every assumption and its source, and the what-ifs next to
 * the baseline.
 */
import type { Assumption } from '../audit/audit-schema.js'
import { escapeTableCell } from '../report/escape-markdown.js'
import {
  formatNumber,
  formatRange,
  NOT_KNOWN
} from '../report/format-number.js'
import { joinBlocks, renderTable } from '../report/markdown-blocks.js'
import type { PlanEstimate } from './plan-schema.js'
import type { WhatIfComparison } from './plan-what-ifs.js'
import {
  renderWhatIfTable,
  sourceCell,
  whatIfText
} from './plan-what-if-render.js'

export { renderWhatIfTable, sourceCell }

/** Headline figures as label and `value (low–high) unit`. */
export function planHeadline(estimate: PlanEstimate): [string, string][] {
  const { plan, energy, carbon, cost } = estimate
  const range = (
    b: { value: number; low: number; high: number },
    unit: string
  ): string => formatRange(b.value, b.low, b.high, unit)
  // Serving counts the hours the GPUs are busy, not the days served.
  const busy = plan.kind === 'inference' ? ' (busy GPU time)' : ''
  return [
    [
      'Compute',
      `${formatFlops(plan.flops)} FLOPs (${plan.flops_per_param_token} per parameter per token)`
    ],
    [
      'Hardware',
      `${plan.gpus} × ${plan.gpu_name}, ${formatNumber(plan.peak_tflops)} TFLOP/s ${peakLabel(plan)}`
    ],
    ['MFU', range(scale100(plan.mfu), '%')],
    [
      `Time${busy}`,
      `${range(plan.hours, 'h')}, ${formatRange(plan.hours.value / 24, plan.hours.low / 24, plan.hours.high / 24, 'days')}`
    ],
    [`GPU-hours${busy}`, range(plan.gpu_hours, '')],
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

/** What the peak is: never a sparse or given figure called dense. */
function peakLabel(plan: PlanEstimate['plan']): string {
  switch (plan.peak_basis) {
    case 'dense':
      return 'dense peak'
    case 'sparse':
      return 'sparse peak (datasheet, 2:4 sparsity)'
    case 'given':
      return plan.peak === 'sparse' ? 'sparse peak (given)' : 'peak (given)'
  }
}

/**
 * True only when no quantity of the estimate has a range: every input it
 * used is fixed. A figure that prints as 0 or whose bounds round alike is
 * not enough to say so.
 */
export function everyInputFixed(estimate: PlanEstimate): boolean {
  const { plan, energy, carbon, cost } = estimate
  const spans: [number | null, number | null][] = [
    [plan.hours.low, plan.hours.high],
    [plan.gpu_hours.low, plan.gpu_hours.high],
    [plan.gpu_power_w.low, plan.gpu_power_w.high],
    [energy.low_kwh, energy.high_kwh],
    [carbon.low_kg, carbon.high_kg],
    [cost.low_usd, cost.high_usd]
  ]
  return spans.every(([low, high]) => low === high)
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
  const named = defaults.map(([name, a]) => `${name} ${valueText(a)}`)
  lines.push(
    `Defaults used (see --format markdown or json for sources): ${named.length === 0 ? 'none' : named.join(', ')}`
  )
  if (everyInputFixed(estimate))
    lines.push('No ranges: every input the estimate used is fixed.')
  for (const note of estimate.plan.notes) lines.push(`Note: ${note}`)
  if (comparison !== undefined) lines.push('', ...whatIfText(comparison))
  return `${lines.join('\n')}\n`
}

function valueText(a: Assumption): string {
  return typeof a.value === 'number' ? formatNumber(a.value) : String(a.value)
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
