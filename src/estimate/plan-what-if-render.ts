/**
 * The what-ifs for people: one line each in text, a table with their
 * sources in Markdown. Both print a change the same way, three
 * significant figures; the JSON keeps full precision.
 */
import { escapeTableCell } from '../report/escape-markdown.js'
import {
  formatChangePercent,
  formatRange,
  NOT_KNOWN
} from '../report/format-number.js'
import { joinBlocks, renderTable } from '../report/markdown-blocks.js'
import type { WhatIfCase, WhatIfComparison } from './plan-what-ifs.js'

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

/** One line per what-if with its four changes. */
export function whatIfText(comparison: WhatIfComparison): string[] {
  return [
    'What-ifs (change against the baseline):',
    ...comparison.cases.map(
      c =>
        `  ${c.title}: time ${formatWhatIfChange(c.change.hours_pct)}, energy ${formatWhatIfChange(c.change.energy_pct)}, carbon ${formatWhatIfChange(c.change.carbon_pct)}, cost ${formatWhatIfChange(c.change.cost_pct)}`
    ),
    ...comparison.skipped.map(s => `  ${s.title}: not applicable (${s.reason})`)
  ]
}

/**
 * A what-if's change as the text and Markdown both print it: three
 * significant figures with a sign (`-5.75 %`), a dash when null.
 */
export function formatWhatIfChange(value: number | null): string {
  return value === null ? NOT_KNOWN : formatChangePercent(value)
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
    [
      c.change.hours_pct,
      c.change.energy_pct,
      c.change.carbon_pct,
      c.change.cost_pct
    ]
      .map(formatWhatIfChange)
      .join(' / ')
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
