import type { AuditResult } from '../../src/audit/audit-schema.js'
import { el, replaceChildren } from './dom.js'
import { withoutLinkBreakers } from './markdown-inline.js'

/** The report's Assumptions table, by its header row. */
const ASSUMPTIONS_HEADER = 'Assumption|Value|Range|Chosen by|Source'

/**
 * A bound on a source shown in full: the bundled sources run to about 300
 * characters; anything longer is not one of ours and is cut.
 */
const MAX_SOURCE_CHARS = 1000

/** Where a long URL may wrap: after these characters (`/`, `-`, `.`…). */
const URL_BREAKS = /(?<=[/\-_.?&=])/

/**
 * Puts each assumption's source back in full in the report's Assumptions
 * table. The Markdown report caps table cells (a URL ends in `…`, useless
 * to copy); the page has the result itself, so it shows the source whole,
 * as text (never as a link), with break points after URL separators so a
 * long URL wraps instead of widening the table.
 */
export function showFullSources(root: ParentNode, result: AuditResult): void {
  for (const table of root.querySelectorAll('table')) {
    if (headerOf(table) !== ASSUMPTIONS_HEADER) continue
    table.classList.add('assumption-sources')
    for (const row of table.tBodies[0]?.rows ?? []) {
      const name = row.cells[0]?.textContent ?? ''
      const source = result.assumptions[name]?.source
      const cell = row.cells[4]
      if (source !== undefined && cell !== undefined)
        replaceChildren(cell, sourceNodes(source))
    }
  }
}

/** The header cells of a table, joined by `|`. */
function headerOf(table: HTMLTableElement): string {
  const cells = table.tHead?.rows[0]?.cells ?? []
  return [...cells].map(cell => cell.textContent?.trim() ?? '').join('|')
}

/** A source as text nodes, a `<wbr>` after each URL separator. */
function sourceNodes(source: string): Node[] {
  const points = [...withoutLinkBreakers(source)]
  const text =
    points.length > MAX_SOURCE_CHARS
      ? `${points.slice(0, MAX_SOURCE_CHARS).join('')}…`
      : points.join('')
  return text
    .split(/(https?:\/\/\S+)/)
    .flatMap((part, index) =>
      index % 2 === 0
        ? [document.createTextNode(part)]
        : part
            .split(URL_BREAKS)
            .flatMap((piece, at) => [
              ...(at === 0 ? [] : [el('wbr')]),
              document.createTextNode(piece)
            ])
    )
}
