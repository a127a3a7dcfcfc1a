import { cleanText } from './escape-text.js'

/**
 * Escaping of untrusted text (anything read from a telemetry file or from
 * an audit JSON a fork uploaded) for GitHub-flavoured Markdown. The result
 * is inline text: it never opens a block, a link, an HTML tag, a code span,
 * emphasis or math, never mentions a user or references an issue, and
 * never turns into an autolink. Callers must not put it inside a code span
 * (backslashes show literally there) nor at the start of a line.
 */

/** Default cap on escaped text, in UTF-16 units, ellipsis excluded. */
const DEFAULT_MAX_LENGTH = 200

/** Table cells are capped harder so a wide table stays readable. */
const CELL_MAX_LENGTH = 80

/** Characters replaced; anything else is written as it is. */
const REPLACEMENTS: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  '\\': '\\\\',
  '|': '\\|',
  '*': '\\*',
  _: '\\_',
  '`': '\\`',
  '[': '\\[',
  ']': '\\]',
  '#': '\\#',
  '!': '\\!',
  '~': '\\~',
  // GitHub renders $…$ as LaTeX, which can restyle the whole comment.
  $: '\\$'
}

/**
 * A zero-width joiner breaks the patterns GitHub links after rendering:
 * `@user` mentions (and e-mail autolinks), `#123` issue references,
 * `scheme://` and `www.` autolinks. The text still reads the same.
 */
const JOINER = '\u200d'

/** Inserts a joiner into every mention, reference and autolink trigger. */
function neutraliseLinks(text: string): string {
  return text
    .replace(/@(?=[\p{L}\p{N}_-])/gu, `@${JOINER}`)
    .replace(/#(?=\p{N})/gu, `#${JOINER}`)
    .replace(/(?<=[\p{L}\p{N}])(?=:\/\/)/gu, JOINER)
    .replace(/\b(www)\./giu, `$1${JOINER}.`)
}

/**
 * Escapes code point by code point and stops before the output would pass
 * `maxLength`, so an escape sequence is never cut in half.
 */
function escapeWithin(text: string, maxLength: number): string {
  let output = ''
  for (const point of text) {
    const escaped = REPLACEMENTS[point] ?? point
    if (output.length + escaped.length > maxLength) return `${output}…`
    output += escaped
  }
  return output
}

/**
 * Makes untrusted text safe as inline Markdown: controls stripped, lines
 * joined, punctuation and HTML escaped, mentions and autolinks broken,
 * length capped with an ellipsis.
 */
export function escapeMarkdown(
  text: string,
  maxLength = DEFAULT_MAX_LENGTH
): string {
  return escapeWithin(neutraliseLinks(cleanText(text)), maxLength)
}

/**
 * Escapes untrusted text for one Markdown table cell (the `|` that would
 * split the cell included), capped at a table-friendly length.
 */
export function escapeTableCell(
  text: string,
  maxLength = CELL_MAX_LENGTH
): string {
  const escaped = escapeMarkdown(text, maxLength)
  // An empty cell would be fine for GFM, but reads as a rendering fault.
  return escaped === '' ? ' ' : escaped
}
