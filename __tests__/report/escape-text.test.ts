import { describe, expect, it } from '@jest/globals'
import {
  cleanText,
  clipText,
  safeText,
  stripControl
} from '../../src/report/escape-text.js'

describe('stripControl', () => {
  it('removes terminal escape sequences and other controls', () => {
    expect(stripControl('\u001b[2J\u001b]0;pwned\u0007GPU')).toBe(
      '[2J]0;pwnedGPU'
    )
    expect(stripControl('a\u0000b\u0008c\u007fd\u009be')).toBe('abcde')
  })

  it('turns line breaks and tabs into spaces', () => {
    expect(stripControl('a\nb\r\nc\td\u2028e')).toBe('a b  c d e')
  })

  it('removes bidirectional overrides that disguise text', () => {
    expect(stripControl('ok\u202e\u2066txt.exe\u2069')).toBe('oktxt.exe')
  })

  it('keeps printable Unicode', () => {
    expect(stripControl('Réseau 東京 😀 –')).toBe('Réseau 東京 😀 –')
  })
})

describe('cleanText, clipText and safeText', () => {
  it('collapses runs of spaces and trims', () => {
    expect(cleanText('  a \n\n b  ')).toBe('a b')
  })

  it('clips to the limit with an ellipsis counted in it', () => {
    expect(clipText('abcdef', 4)).toBe('abc…')
    expect(clipText('abcd', 4)).toBe('abcd')
    expect(clipText('😀😀😀', 2)).toBe('😀…')
  })

  it('makes file text safe and short for one line', () => {
    expect(safeText(`x\n${'y'.repeat(10_000)}`, 10)).toBe('x yyyyyyy…')
  })
})
