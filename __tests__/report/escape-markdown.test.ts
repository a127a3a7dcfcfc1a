import { describe, expect, it } from '@jest/globals'
import {
  escapeMarkdown,
  escapeTableCell
} from '../../src/report/escape-markdown.js'

const JOINER = '\u200d'

/** Characters of escaped text that are not preceded by a backslash. */
function unescaped(text: string, character: string): number {
  let count = 0
  for (let i = 0; i < text.length; i += 1) {
    if (text[i] !== character) continue
    let slashes = 0
    for (let j = i - 1; j >= 0 && text[j] === '\\'; j -= 1) slashes += 1
    if (slashes % 2 === 0) count += 1
  }
  return count
}

describe('escapeMarkdown', () => {
  it('leaves plain names as they are', () => {
    expect(escapeMarkdown('NVIDIA H100 80GB HBM3')).toBe(
      'NVIDIA H100 80GB HBM3'
    )
    expect(escapeMarkdown('node-a/GPU-1a2b.csv')).toBe('node-a/GPU-1a2b.csv')
  })

  it('turns HTML into entities so no tag reaches the page', () => {
    expect(escapeMarkdown('<img src=x onerror=alert(1)>')).toBe(
      '&lt;img src=x onerror=alert(1)&gt;'
    )
    expect(escapeMarkdown('a & b "c"')).toBe('a &amp; b &quot;c&quot;')
    expect(escapeMarkdown('&lt;')).toBe('&amp;lt;')
  })

  it('escapes every pipe so a cell cannot split a table', () => {
    const escaped = escapeTableCell('| broken | table')
    expect(escaped).toBe('\\| broken \\| table')
    expect(unescaped(escaped, '|')).toBe(0)
  })

  it('escapes emphasis, code, link, heading, image and math characters', () => {
    expect(escapeMarkdown('*a* _b_ `c` [d] #e !f ~g~ $h$ \\i')).toBe(
      '\\*a\\* \\_b\\_ \\`c\\` \\[d\\] \\#e \\!f \\~g\\~ \\$h\\$ \\\\i'
    )
  })

  it('escapes code fences so they cannot open a code block', () => {
    const escaped = escapeMarkdown('```js\nalert(1)\n```')
    expect(escaped).toBe('\\`\\`\\`js alert(1) \\`\\`\\`')
    expect(unescaped(escaped, '`')).toBe(0)
  })

  it('breaks a javascript: link by escaping its brackets', () => {
    const escaped = escapeMarkdown('[click](javascript:alert(1))')
    expect(escaped).toBe('\\[click\\](javascript:alert(1))')
    expect(escapeMarkdown('](javascript:alert(1))')).toBe(
      '\\](javascript:alert(1))'
    )
  })

  it('neutralises mentions and e-mail autolinks with a joiner', () => {
    expect(escapeMarkdown('@octocat')).toBe(`@${JOINER}octocat`)
    expect(escapeMarkdown('cc @github/security')).toBe(
      `cc @${JOINER}github/security`
    )
    expect(escapeMarkdown('root@example.com')).toBe(`root@${JOINER}example.com`)
    expect(escapeMarkdown('a @ b')).toBe('a @ b')
  })

  it('neutralises issue references and URL autolinks', () => {
    expect(escapeMarkdown('fixes #123')).toBe(`fixes \\#${JOINER}123`)
    expect(escapeMarkdown('https://evil.example/x')).toBe(
      `https${JOINER}://evil.example/x`
    )
    expect(escapeMarkdown('see www.evil.example')).toBe(
      `see www${JOINER}.evil.example`
    )
  })

  it('collapses newlines and strips control characters', () => {
    expect(escapeMarkdown('GPU 0\n## Owned\r\n\tx')).toBe(
      'GPU 0 \\#\\# Owned x'
    )
    expect(escapeMarkdown('a\u0000b\u001b[31mc\u007f')).toBe('ab\\[31mc')
    expect(escapeMarkdown('abc\u202edcba')).toBe('abcdcba')
    expect(escapeMarkdown('  padded  ')).toBe('padded')
  })

  it('caps the length with an ellipsis, never cutting an escape', () => {
    const long = escapeMarkdown('x'.repeat(10_000))
    expect(long).toBe(`${'x'.repeat(200)}…`)
    const hostile = escapeMarkdown('<'.repeat(10_000))
    expect(hostile).toBe(`${'&lt;'.repeat(50)}…`)
    expect(escapeMarkdown('ab<', 5)).toBe('ab…')
    expect(escapeMarkdown('abc', 3)).toBe('abc')
  })

  it('never splits an emoji when it caps', () => {
    expect(escapeMarkdown('😀😀😀', 3)).toBe('😀…')
  })
})

describe('escapeTableCell', () => {
  it('caps cells harder than running text', () => {
    expect(escapeTableCell('y'.repeat(10_000))).toBe(`${'y'.repeat(80)}…`)
    expect(escapeTableCell('y'.repeat(100), 120)).toBe('y'.repeat(100))
  })

  it('writes a space for an empty cell', () => {
    expect(escapeTableCell('')).toBe(' ')
    expect(escapeTableCell('\n\n')).toBe(' ')
  })
})
