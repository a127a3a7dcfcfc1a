import { describe, expect, it } from '@jest/globals'
import { crc32 } from '../../src/github/crc32.js'
import {
  ArchiveError,
  MAX_ENTRY_BYTES,
  extractZipEntry
} from '../../src/github/zip-entry.js'
import { buildZip } from './zip-writer.js'

const NAME = 'ecocompute-audit.json'
const JSON_TEXT = JSON.stringify({ schema: 'ecocompute.audit/v1', n: 1 })

/** The ArchiveError the call throws, or a failure. */
function archiveError(call: () => unknown): ArchiveError {
  try {
    call()
  } catch (error) {
    expect(error).toBeInstanceOf(ArchiveError)
    return error as ArchiveError
  }
  throw new Error('expected an ArchiveError')
}

describe('crc32', () => {
  it('matches the standard check value', () => {
    expect(crc32(Buffer.from('123456789'))).toBe(0xcbf43926)
    expect(crc32(new Uint8Array())).toBe(0)
  })
})

describe('extractZipEntry', () => {
  it('reads a stored entry by its exact name among others', () => {
    const zip = buildZip([
      { name: 'notes.txt', data: 'hello' },
      { name: NAME, data: JSON_TEXT },
      { name: 'other.json', data: '{}' }
    ])
    expect(extractZipEntry(zip, { name: NAME }).toString('utf8')).toBe(
      JSON_TEXT
    )
  })

  it('inflates a deflated entry, with an archive comment present', () => {
    const text = JSON_TEXT.repeat(500)
    const zip = buildZip(
      [{ name: NAME, data: text, method: 'deflate' }],
      'made by a test'
    )
    expect(zip.length).toBeLessThan(text.length)
    expect(extractZipEntry(zip, { name: NAME }).toString('utf8')).toBe(text)
  })

  it('takes the only .json entry when the exact name is absent', () => {
    const zip = buildZip([
      { name: 'readme.txt', data: 'x' },
      { name: 'result.json', data: JSON_TEXT, method: 'deflate' }
    ])
    expect(extractZipEntry(zip, { name: NAME }).toString('utf8')).toBe(
      JSON_TEXT
    )
  })

  it('reports a missing entry, and ambiguity between .json entries', () => {
    const none = archiveError(() =>
      extractZipEntry(buildZip([{ name: 'a.txt', data: 'x' }]), { name: NAME })
    )
    expect(none.message).toContain(`no entry ${NAME} and no .json entry`)
    const two = archiveError(() =>
      extractZipEntry(
        buildZip([
          { name: 'a.json', data: '{}' },
          { name: 'b.json', data: '{}' }
        ]),
        { name: NAME }
      )
    )
    expect(two.message).toContain('2 .json entries')
  })

  it.each([
    ['../ecocompute-audit.json'],
    ['dir/../../etc/passwd.json'],
    ['/etc/ecocompute-audit.json'],
    ['dir\\ecocompute-audit.json'],
    ['C:ecocompute-audit.json']
  ])('refuses the zip-slip name %s', name => {
    const zip = buildZip([
      { name: NAME, data: JSON_TEXT },
      { name, data: '{}' }
    ])
    const error = archiveError(() => extractZipEntry(zip, { name: NAME }))
    expect(error.message).toContain('unsafe entry name')
  })

  it('refuses a bomb by its declared size before inflating', () => {
    const zip = buildZip([
      {
        name: NAME,
        data: Buffer.alloc(1024),
        method: 'deflate',
        declaredSize: 1024 ** 3
      }
    ])
    const error = archiveError(() => extractZipEntry(zip, { name: NAME }))
    expect(error.message).toContain(`declares ${1024 ** 3} bytes`)
    expect(error.message).toContain(String(MAX_ENTRY_BYTES))
  })

  it('stops inflating at the cap when the declared size lies', () => {
    const zip = buildZip([
      {
        name: NAME,
        data: Buffer.alloc(64 * 1024),
        method: 'deflate',
        declaredSize: 100
      }
    ])
    const error = archiveError(() =>
      extractZipEntry(zip, { name: NAME, maxBytes: 1000 })
    )
    expect(error.message).toContain('inflates past the 1000 bytes allowed')
  })

  it('refuses a size that differs from the declared one', () => {
    const zip = buildZip([
      { name: NAME, data: JSON_TEXT, method: 'deflate', declaredSize: 5 }
    ])
    const error = archiveError(() => extractZipEntry(zip, { name: NAME }))
    expect(error.message).toContain('is 38 bytes, not the 5 declared')
  })

  it('refuses a corrupt CRC-32', () => {
    const zip = buildZip([{ name: NAME, data: JSON_TEXT, crc: 0x12345678 }])
    const error = archiveError(() => extractZipEntry(zip, { name: NAME }))
    expect(error.message).toContain('fails its CRC-32 check')
  })

  it('refuses bytes that are not a zip, and truncated archives', () => {
    expect(
      archiveError(() =>
        extractZipEntry(Buffer.from('not a zip at all, just text'), {
          name: NAME
        })
      ).message
    ).toContain('not a zip archive')
    const zip = buildZip([{ name: NAME, data: JSON_TEXT }])
    expect(() =>
      extractZipEntry(zip.subarray(0, zip.length - 5), { name: NAME })
    ).toThrow(ArchiveError)
    expect(() => extractZipEntry(new Uint8Array(3), { name: NAME })).toThrow(
      ArchiveError
    )
  })

  it('refuses zip64 and multi-disk archives', () => {
    const zip = buildZip([{ name: NAME, data: JSON_TEXT }])
    const zip64 = Buffer.from(zip)
    zip64.writeUInt32LE(0xffffffff, zip64.length - 22 + 16)
    expect(
      archiveError(() => extractZipEntry(zip64, { name: NAME })).message
    ).toContain('zip64')
    const multi = Buffer.from(zip)
    multi.writeUInt16LE(1, multi.length - 22 + 4)
    expect(
      archiveError(() => extractZipEntry(multi, { name: NAME })).message
    ).toContain('multi-disk')
  })

  it('refuses methods other than stored and deflate', () => {
    const zip = buildZip([{ name: NAME, data: JSON_TEXT }])
    const copy = Buffer.from(zip)
    const central = copy.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]))
    copy.writeUInt16LE(12, central + 10)
    expect(
      archiveError(() => extractZipEntry(copy, { name: NAME })).message
    ).toContain('compression method 12')
  })
})
