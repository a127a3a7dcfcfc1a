import type { Assumption, AuditResult } from '../audit/audit-schema.js'
import { escapeTableCell } from './escape-markdown.js'
import { NOT_KNOWN, formatNumber, isKnown } from './format-number.js'
import { joinBlocks, moreLine, renderTable } from './markdown-blocks.js'

/**
 * Assumptions listed in full up to this many; a multi-node run adds three
 * per node, and 40 rows keep the section under about 15,000 characters.
 */
export const MAX_ASSUMPTION_ROWS = 40

const HEADER = ['Assumption', 'Value', 'Range', 'Chosen by', 'Source']

/** Every value the computation used, its range, who chose it and why. */
export function renderAssumptions(result: AuditResult): string {
  const entries = Object.entries(result.assumptions)
  if (entries.length === 0) {
    return '### Assumptions\n\nThe result lists no assumptions.'
  }
  const shown = entries.slice(0, MAX_ASSUMPTION_ROWS)
  const rows = shown.map(([name, assumption]) => row(name, assumption))
  return joinBlocks([
    '### Assumptions',
    renderTable(HEADER, rows, ['l', 'r', 'r', 'l', 'l']),
    moreLine(entries.length - shown.length, 'assumptions')
  ])
}

/** One assumption's cells; names, text values and sources are escaped. */
function row(name: string, assumption: Assumption): string[] {
  return [
    escapeTableCell(name, 60),
    valueCell(assumption.value),
    rangeCell(assumption),
    assumption.is_default ? '**default**' : 'user',
    escapeTableCell(assumption.source, 160)
  ]
}

/** A number formatted, text escaped, null as a dash (the source says why). */
function valueCell(value: Assumption['value']): string {
  if (value === null) return `${NOT_KNOWN} (none)`
  if (typeof value === 'number') return formatNumber(value)
  return escapeTableCell(value, 80)
}

/** `low–high` when both bounds are known. */
function rangeCell(assumption: Assumption): string {
  const { low, high } = assumption
  if (!isKnown(low) || !isKnown(high)) return NOT_KNOWN
  return `${formatNumber(low)}–${formatNumber(high)}`
}
