import { describe, expect, it } from '@jest/globals'
import { truncateMarkdown } from '../../src/github/truncate-markdown.js'

const NOTE = '*cut*'

describe('truncateMarkdown', () => {
  it('returns text that fits unchanged', () => {
    expect(
      truncateMarkdown('a\nb', { maxChars: 3, maxBytes: 3 }, NOTE)
    ).toEqual({
      text: 'a\nb',
      truncated: false
    })
  })

  it('keeps whole lines, then a blank line and the note', () => {
    const text = 'line one\nline two\nline three'
    const fitted = truncateMarkdown(text, { maxChars: 26, maxBytes: 100 }, NOTE)
    expect(fitted).toEqual({
      text: 'line one\nline two\n\n*cut*',
      truncated: true
    })
  })

  it('closes an open code fence and open <details> blocks', () => {
    const text = [
      '<details><summary>all</summary>',
      '<details>',
      '````text',
      '```inner is not a close',
      ...Array.from({ length: 50 }, (_, i) => `row ${i}`)
    ].join('\n')
    const fitted = truncateMarkdown(
      text,
      { maxChars: 200, maxBytes: 1_000 },
      NOTE
    )
    expect(fitted.text.length).toBeLessThanOrEqual(200)
    expect(fitted.text).toMatch(
      /\nrow \d+\n````\n<\/details>\n<\/details>\n\n\*cut\*$/
    )
  })

  it('does not count <details> inside a code fence', () => {
    const text = ['```', '<details>', '```', 'tail '.repeat(40)].join('\n')
    const fitted = truncateMarkdown(text, { maxChars: 60, maxBytes: 100 }, NOTE)
    expect(fitted.text).not.toContain('</details>')
  })

  it('holds the byte limit with multi-byte characters', () => {
    const text = Array.from({ length: 100 }, () => '東京'.repeat(10)).join('\n')
    const fitted = truncateMarkdown(
      text,
      { maxChars: 10_000, maxBytes: 500 },
      NOTE
    )
    expect(Buffer.byteLength(fitted.text)).toBeLessThanOrEqual(500)
    expect(fitted.text.endsWith('\n\n*cut*')).toBe(true)
  })

  it('cuts one over-long line without splitting a surrogate pair or a tag', () => {
    const emoji = truncateMarkdown(
      '😀'.repeat(100),
      { maxChars: 20, maxBytes: 1_000 },
      NOTE
    )
    expect(emoji.text).toBe(`${'😀'.repeat(6)}\n\n*cut*`)
    const tag = truncateMarkdown(
      `aaaa <a href="${'x'.repeat(50)}">`,
      { maxChars: 20, maxBytes: 100 },
      NOTE
    )
    expect(tag.text).toBe('aaaa \n\n*cut*')
  })
})
