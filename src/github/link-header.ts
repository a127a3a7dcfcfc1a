/**
 * Reads the `Link` response header GitHub uses for pagination, e.g.
 * `<https://api.github.com/repositories/1/issues/2/comments?page=2>;
 * rel="next", <…?page=4>; rel="last"`.
 */

/** The URL of the `rel="next"` page, or undefined on the last page. */
export function nextPageUrl(link: string | null): string | undefined {
  if (!link) return undefined
  for (const part of splitLinks(link)) {
    const match = /^\s*<([^>]*)>\s*;(.*)$/.exec(part)
    if (!match) continue
    const rels = /\brel\s*=\s*"?([^";]+)"?/i.exec(match[2] ?? '')
    const names = (rels?.[1] ?? '').toLowerCase().split(/\s+/)
    if (names.includes('next')) return match[1]
  }
  return undefined
}

/** Splits on commas that separate links, not commas inside `<…>`. */
function splitLinks(link: string): string[] {
  const parts: string[] = []
  let depth = 0
  let start = 0
  for (let i = 0; i < link.length; i++) {
    const char = link[i]
    if (char === '<') depth++
    else if (char === '>') depth = Math.max(0, depth - 1)
    else if (char === ',' && depth === 0) {
      parts.push(link.slice(start, i))
      start = i + 1
    }
  }
  parts.push(link.slice(start))
  return parts
}
