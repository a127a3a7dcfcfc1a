/**
 * Keeps a Markdown body inside a pull-request comment's limits. GitHub
 * refuses comments over 65,536 characters and, in practice, some bodies
 * near 262,144 bytes; 60,000 characters and 200,000 bytes leave margin
 * (limits measured by other actions, see DESIGN section 6).
 */

/** Default largest body in UTF-16 code units, which is what GitHub counts. */
export const MAX_COMMENT_CHARS = 60_000

/** Largest body in UTF-8 bytes. */
export const MAX_COMMENT_BYTES = 200_000

/** TextEncoder exists in Node and in browsers, where the web page runs. */
const ENCODER = new TextEncoder()

/** Characters kept free for the truncation note. */
const NOTE_RESERVE = 300

/**
 * Joins sections with blank lines, keeping whole sections in order while
 * they fit, then a note saying the rest was cut, then the footer (which
 * always stays). The sections are written to fit; this is the last guard.
 */
export function fitSections(
  sections: readonly (string | undefined)[],
  footer: string,
  maxChars = MAX_COMMENT_CHARS
): string {
  const present = sections.filter((s): s is string => s !== undefined)
  const whole = [...present, footer].join('\n\n')
  if (fits(whole, maxChars, MAX_COMMENT_BYTES)) return whole
  // The note and footer are ours, but the footer holds escaped file text.
  const charLimit = maxChars - footer.length - NOTE_RESERVE
  const byteLimit =
    MAX_COMMENT_BYTES - ENCODER.encode(footer).length - 3 * NOTE_RESERVE
  const kept: string[] = []
  for (const section of present) {
    const candidate = [...kept, section].join('\n\n')
    if (!fits(candidate, charLimit, byteLimit)) break
    kept.push(section)
  }
  const left = present.length - kept.length
  const note =
    `*Report shortened: ${left} of ${present.length} sections did not fit ` +
    'in a comment. The full result is in the audit JSON.*'
  return [...kept, note, footer].join('\n\n')
}

/**
 * True when text is within both limits. The byte limit is the comment's
 * whatever `maxChars` is: it is below every other place the report goes
 * (job summary 1 MiB), so it always applies.
 */
function fits(text: string, maxChars: number, maxBytes: number): boolean {
  if (text.length > maxChars) return false
  return ENCODER.encode(text).length <= maxBytes
}
