import { append, el, scrollBox } from './dom.js'
import { findUnescaped, renderInline } from './markdown-inline.js'

/**
 * The audit report's Markdown (src/report/render-markdown.ts) as DOM, for
 * the subset it writes: headings, paragraphs, pipe tables, `- ` lists
 * nested by two spaces, fenced code, and the exact lines `<details>`,
 * `<summary>…</summary>`, `</details>` and `<sub>…</sub>`. No HTML string
 * is ever parsed: every text goes in as a text node.
 */
export function renderMarkdownDom(markdown: string): DocumentFragment {
  const root = document.createDocumentFragment()
  const parents: Node[] = [root]
  const lines = markdown.replace(/\r\n?/g, '\n').split('\n')
  let i = 0
  while (i < lines.length) {
    const parent = parents[parents.length - 1]!
    i = readBlock(lines, i, parent, parents)
  }
  return root
}

/** Reads the block starting at line `i` into `parent`; returns the next line. */
function readBlock(
  lines: readonly string[],
  i: number,
  parent: Node,
  parents: Node[]
): number {
  const line = lines[i]!
  const trimmed = line.trim()
  if (trimmed === '') return i + 1
  if (trimmed === '<details>') {
    const details = el('details')
    parent.appendChild(details)
    parents.push(details)
    return i + 1
  }
  if (trimmed === '</details>') {
    if (parents.length > 1) parents.pop()
    return i + 1
  }
  const wrapped = /^<(summary|sub)>(.*)<\/\1>$/.exec(trimmed)
  if (wrapped !== null) {
    const inner = renderInline(wrapped[2]!)
    const node =
      wrapped[1] === 'summary'
        ? el('summary', {}, inner)
        : el('p', {}, [el('small', {}, inner)])
    parent.appendChild(node)
    return i + 1
  }
  const heading = /^(#{1,6})\s+(.*)$/.exec(line)
  if (heading !== null) {
    // The report starts at ##; the page's own h1 and h2 sit above it.
    const level = Math.min(6, heading[1]!.length + 1)
    const tag = `h${level}` as 'h3'
    parent.appendChild(el(tag, {}, renderInline(heading[2]!)))
    return i + 1
  }
  if (trimmed.startsWith('```')) return readFence(lines, i, parent)
  if (isTableStart(lines, i)) return readTable(lines, i, parent)
  if (/^\s*- /.test(line)) return readList(lines, i, parent)
  return readParagraph(lines, i, parent)
}

/** A fenced block, shown as literal code. */
function readFence(lines: readonly string[], i: number, parent: Node): number {
  const body: string[] = []
  let next = i + 1
  while (next < lines.length && !lines[next]!.trim().startsWith('```')) {
    body.push(lines[next]!)
    next++
  }
  parent.appendChild(el('pre', {}, [el('code', {}, [body.join('\n')])]))
  return next + 1
}

/** Consecutive plain lines as one paragraph, joined by spaces. */
function readParagraph(
  lines: readonly string[],
  i: number,
  parent: Node
): number {
  const parts: string[] = []
  let next = i
  while (next < lines.length && isParagraphLine(lines, next)) {
    parts.push(lines[next]!.trim())
    next++
  }
  if (parts.length === 0) {
    parts.push(lines[i]!.trim())
    next = i + 1
  }
  parent.appendChild(el('p', {}, renderInline(parts.join(' '))))
  return next
}

/** True when line `i` continues a paragraph. */
function isParagraphLine(lines: readonly string[], i: number): boolean {
  const line = lines[i]!
  const trimmed = line.trim()
  return (
    trimmed !== '' &&
    !/^(#{1,6}\s|```|<\/?details>|<summary>|<sub>)/.test(trimmed) &&
    !/^\s*- /.test(line) &&
    !isTableStart(lines, i)
  )
}

/** A `- ` list; deeper indentation (two spaces a level) nests. */
function readList(lines: readonly string[], i: number, parent: Node): number {
  const stack: { depth: number; list: HTMLUListElement }[] = []
  let next = i
  for (; next < lines.length; next++) {
    const item = /^(\s*)- (.*)$/.exec(lines[next]!)
    if (item === null) break
    const depth = Math.floor(item[1]!.length / 2)
    while (stack.length > 0 && stack[stack.length - 1]!.depth > depth)
      stack.pop()
    let top = stack[stack.length - 1]
    if (top === undefined || top.depth < depth) {
      const list = el('ul')
      const host = top?.list.lastElementChild ?? parent
      host.appendChild(list)
      top = { depth, list }
      stack.push(top)
    }
    append(top.list, [el('li', {}, renderInline(item[2]!))])
  }
  return next
}

/** True when line `i` is a table header followed by its alignment row. */
function isTableStart(lines: readonly string[], i: number): boolean {
  const header = lines[i]?.trim() ?? ''
  const rule = lines[i + 1]?.trim() ?? ''
  return header.startsWith('|') && /^\|(\s*:?-+:?\s*\|)+$/.test(rule)
}

/** A pipe table with its column alignment. */
function readTable(lines: readonly string[], i: number, parent: Node): number {
  const aligns = splitRow(lines[i + 1]!).map(alignOf)
  const head = el('thead', {}, [row(splitRow(lines[i]!), aligns, 'th')])
  const body = el('tbody')
  let next = i + 2
  while (next < lines.length && lines[next]!.trim().startsWith('|')) {
    body.appendChild(row(splitRow(lines[next]!), aligns, 'td'))
    next++
  }
  const table = el('table', {}, [head, body])
  parent.appendChild(scrollBox('Report table', table))
  return next
}

/** One table row of cells. */
function row(
  cells: readonly string[],
  aligns: readonly string[],
  tag: 'th' | 'td'
): HTMLTableRowElement {
  return el(
    'tr',
    {},
    cells.map((cell, index) =>
      el(
        tag,
        {
          class: `align-${aligns[index] ?? 'left'}`,
          scope: tag === 'th' ? 'col' : undefined
        },
        renderInline(cell)
      )
    )
  )
}

/** `:-`, `-:`, `:-:` to left, right, center. */
function alignOf(rule: string): string {
  const left = rule.startsWith(':')
  const right = rule.endsWith(':')
  if (left && right) return 'center'
  return right ? 'right' : 'left'
}

/** The cells of `| a | b \| c |`, split on pipes that are not escaped. */
function splitRow(line: string): string[] {
  const inner = line.trim().replace(/^\|/, '')
  const cells: string[] = []
  let start = 0
  for (
    let bar = findUnescaped(inner, '|', 0);
    bar !== -1;
    bar = findUnescaped(inner, '|', start)
  ) {
    cells.push(inner.slice(start, bar).trim())
    start = bar + 1
  }
  const rest = inner.slice(start).trim()
  if (rest !== '') cells.push(rest)
  return cells
}
