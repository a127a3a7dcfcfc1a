/**
 * Cleaning of text that came from telemetry files before it reaches a
 * terminal or a Markdown body. File text is untrusted: an escape sequence
 * could rewrite the terminal, and bidirectional overrides can make a name
 * read differently from what it is ("Trojan Source", CVE-2021-42574).
 */

/** Line breaks and tabs: become one space so a value stays on its line. */
const LINE_BREAKS = /[\t\n\v\f\r\u0085\u2028\u2029]/g

/** C0 and C1 controls, DEL, bidi embeddings, overrides and isolates. */
// eslint-disable-next-line no-control-regex -- matching controls is the point
const CONTROLS = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g

/** Removes control characters; line breaks and tabs become spaces. */
export function stripControl(text: string): string {
  return text.replace(LINE_BREAKS, ' ').replace(CONTROLS, '')
}

/** Strips controls and collapses runs of spaces, trimming both ends. */
export function cleanText(text: string): string {
  return stripControl(text).replace(/ {2,}/g, ' ').trim()
}

/**
 * Shortens text to at most `maxLength` characters (code points, so an
 * emoji is never cut in half), ending with an ellipsis when cut.
 */
export function clipText(text: string, maxLength: number): string {
  const points = Array.from(text)
  if (points.length <= maxLength) return text
  return `${points.slice(0, Math.max(0, maxLength - 1)).join('')}…`
}

/** File text made safe and short for one terminal line. */
export function safeText(text: string, maxLength = 80): string {
  return clipText(cleanText(text), maxLength)
}

/**
 * Breaks a line longer than `width` at spaces, continuing with a hanging
 * indent, so nothing is cut off; a word longer than a line is split.
 */
export function wrapLine(
  line: string,
  width: number,
  indent = '      '
): string[] {
  const lines: string[] = []
  let rest = line
  while (rest.length > width) {
    const space = rest.lastIndexOf(' ', width)
    const cut = space > indent.length + 10 ? space : width
    lines.push(rest.slice(0, cut).trimEnd())
    rest = indent + rest.slice(cut).trimStart()
  }
  lines.push(rest)
  return lines
}
