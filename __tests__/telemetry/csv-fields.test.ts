import { describe, expect, it } from '@jest/globals'
import { splitCsvLine } from '../../src/telemetry/csv-fields.js'

describe('splitCsvLine', () => {
  it('splits a line without quotes on every comma, keeping blanks', () => {
    expect(splitCsvLine('a, b ,,c')).toEqual(['a', ' b ', '', 'c'])
  })

  it('returns one empty field for an empty line and keeps a trailing empty field', () => {
    expect(splitCsvLine('')).toEqual([''])
    expect(splitCsvLine('a,')).toEqual(['a', ''])
    expect(splitCsvLine('"a",')).toEqual(['a', ''])
  })

  it('unquotes a quoted field that holds commas', () => {
    const line = '2024-06-01T10:00:00,"Intel(R) Xeon(R), 8 cores",0.5'
    expect(splitCsvLine(line)).toEqual([
      '2024-06-01T10:00:00',
      'Intel(R) Xeon(R), 8 cores',
      '0.5'
    ])
  })

  it('reads a doubled quote inside a quoted field as one quote', () => {
    expect(splitCsvLine('"say ""hi""",x')).toEqual(['say "hi"', 'x'])
    expect(splitCsvLine('""""')).toEqual(['"'])
    expect(splitCsvLine('"",""')).toEqual(['', ''])
  })

  it('reads a quoted header as its bare names', () => {
    expect(splitCsvLine('"timestamp","power_w"')).toEqual([
      'timestamp',
      'power_w'
    ])
  })

  it('drops blanks around a quoted field, as after ", " separators', () => {
    expect(splitCsvLine('a, "b" ,c')).toEqual(['a', 'b', 'c'])
  })

  it('keeps a quote inside an unquoted field as a literal character', () => {
    expect(splitCsvLine('5" disk,x')).toEqual(['5" disk', 'x'])
  })

  it('returns null when a quoted field never closes', () => {
    expect(splitCsvLine('a,"b,c')).toBeNull()
    expect(splitCsvLine('"')).toBeNull()
  })

  it('returns null when text follows a closing quote', () => {
    expect(splitCsvLine('"ab"c,d')).toBeNull()
  })

  it('splits a 40-field line 100 000 times in well under a second', () => {
    const line = Array.from({ length: 40 }, (_, i) =>
      i === 20 ? '"AMD EPYC, 64-Core"' : String(i * 1.5)
    ).join(',')
    const started = performance.now()
    for (let i = 0; i < 100_000; i++) splitCsvLine(line)
    expect(performance.now() - started).toBeLessThan(2000)
    expect(splitCsvLine(line)).toHaveLength(40)
  })
})
