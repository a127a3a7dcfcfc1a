import { el } from './dom.js'

/**
 * Inline Markdown of the audit report to DOM nodes: `**strong**`,
 * `` `code` ``, backslash escapes, the few entities the report's escaper
 * writes, and `[text](https://…)` links. Everything else, HTML included,
 * stays literal text: no string from a file ever becomes markup.
 */

/** Entities the report's escaper writes (src/report/escape-markdown.ts). */
const ENTITIES: Readonly<Record<string, string>> = {
  '&amp;': '&',
  '&lt;': '<',
  '&gt;': '>',
  '&quot;': '"',
  '&#39;': "'",
  '&nbsp;': '\u00a0'
}

/** ASCII punctuation that a backslash escapes (CommonMark §2.4). */
const ESCAPABLE = /[!-/:-@[-`{-~]/

/**
 * The zero-width joiners src/report/escape-markdown.ts puts after `@` and
 * `#` and before `://` and `www.`, so that GitHub does not turn file text
 * into mentions or links. A DOM text node never becomes a link, and a
 * joiner left in a copied URL breaks it, so they are dropped here.
 */
const LINK_BREAKERS = /(?<=[@#])\u200d|\u200d(?=:\/\/)|(?<=www)\u200d(?=\.)/giu

/** Text as shown: the report's link-breaking joiners removed. */
export function withoutLinkBreakers(text: string): string {
  return text.replace(LINK_BREAKERS, '')
}

/** Inline Markdown `text` as DOM nodes. */
export function renderInline(text: string): Node[] {
  const nodes: Node[] = []
  let plain = ''
  const flush = (): void => {
    if (plain !== '')
      nodes.push(document.createTextNode(withoutLinkBreakers(plain)))
    plain = ''
  }
  let i = 0
  while (i < text.length) {
    const special = readSpecial(text, i)
    if (special === undefined) {
      plain += text[i]
      i++
      continue
    }
    if (typeof special.node === 'string') plain += special.node
    else {
      flush()
      nodes.push(special.node)
    }
    i = special.end
  }
  flush()
  return nodes
}

/** A construct starting at `i`, as text or a node, and where it ends. */
function readSpecial(
  text: string,
  i: number
): { node: Node | string; end: number } | undefined {
  const char = text[i]
  if (char === '\\' && ESCAPABLE.test(text[i + 1] ?? '')) {
    return { node: text[i + 1]!, end: i + 2 }
  }
  if (char === '&') return readEntity(text, i)
  if (char === '*' && text.startsWith('**', i)) return readStrong(text, i)
  if (char === '`') return readCode(text, i)
  if (char === '[') return readLink(text, i)
  return undefined
}

/** One of ENTITIES. */
function readEntity(
  text: string,
  i: number
): { node: string; end: number } | undefined {
  const semicolon = text.indexOf(';', i)
  if (semicolon === -1 || semicolon - i > 6) return undefined
  const decoded = ENTITIES[text.slice(i, semicolon + 1)]
  return decoded === undefined
    ? undefined
    : { node: decoded, end: semicolon + 1 }
}

/** `**…**`, its content rendered inline. */
function readStrong(
  text: string,
  i: number
): { node: Node; end: number } | undefined {
  const close = findUnescaped(text, '**', i + 2)
  if (close === -1 || close === i + 2) return undefined
  const strong = el('strong', {}, renderInline(text.slice(i + 2, close)))
  return { node: strong, end: close + 2 }
}

/** `` `…` ``, its content literal. */
function readCode(
  text: string,
  i: number
): { node: Node; end: number } | undefined {
  const close = text.indexOf('`', i + 1)
  if (close === -1) return undefined
  const code = withoutLinkBreakers(text.slice(i + 1, close))
  return { node: el('code', {}, [code]), end: close + 1 }
}

/** `[text](url)` with an http(s) URL; anything else stays text. */
function readLink(
  text: string,
  i: number
): { node: Node; end: number } | undefined {
  const match = /^\[([^\]]*)\]\((https?:\/\/[^\s)]+)\)/.exec(text.slice(i))
  if (match === null) return undefined
  const link = el(
    'a',
    { href: match[2], rel: 'noopener noreferrer' },
    renderInline(match[1]!)
  )
  return { node: link, end: i + match[0].length }
}

/** Index of `token` at or after `from` not preceded by a backslash. */
export function findUnescaped(
  text: string,
  token: string,
  from: number
): number {
  for (let i = from; i < text.length; i++) {
    if (text[i] === '\\') {
      i++
      continue
    }
    if (text.startsWith(token, i)) return i
  }
  return -1
}
