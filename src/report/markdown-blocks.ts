import { markdownTable } from 'markdown-table'
import { formatCount } from './format-number.js'

/**
 * Markdown building blocks shared by the report's sections. Every string
 * passed in here is already escaped or written by us.
 */

/** Column alignment for markdown-table: left, right or centre. */
export type Align = 'l' | 'r' | 'c'

/**
 * A GFM table with compact delimiters: padding to align columns would
 * spend comment characters on spaces nobody sees once rendered.
 */
export function renderTable(
  header: readonly string[],
  rows: readonly (readonly string[])[],
  align: readonly Align[]
): string {
  return markdownTable([header, ...rows], { align, alignDelimiters: false })
}

/** A collapsed block; the blank lines let GitHub render Markdown inside. */
export function renderDetails(summary: string, body: string): string {
  return `<details>\n<summary>${summary}</summary>\n\n${body}\n\n</details>`
}

/** A bullet list, or undefined when there is nothing to list. */
export function renderBullets(items: readonly string[]): string | undefined {
  return items.length === 0 ? undefined : items.map(i => `- ${i}`).join('\n')
}

/** The line that says how many items a list left out, if any. */
export function moreLine(
  left: number,
  noun: string,
  where = 'the audit JSON'
): string | undefined {
  if (left <= 0) return undefined
  return `…and ${formatCount(left)} more ${noun}, in ${where}.`
}

/** Joins the defined parts of a section with blank lines between them. */
export function joinBlocks(blocks: readonly (string | undefined)[]): string {
  return blocks.filter(b => b !== undefined && b !== '').join('\n\n')
}
