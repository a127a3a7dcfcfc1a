import { inflateRawSync } from 'node:zlib'
import { crc32 } from './crc32.js'

/**
 * Reads one file out of a zip archive held in memory (a downloaded
 * workflow artifact). The archive is untrusted: names that could escape
 * a directory are refused, the output is capped before and while it is
 * inflated (a zip bomb cannot expand), and the CRC-32 is checked. Only
 * what artifacts use is supported: stored and deflated entries, no
 * zip64, one disk.
 */

/** The archive is malformed, unsupported or unsafe; the message says how. */
export class ArchiveError extends Error {
  override name = 'ArchiveError'
}

/** Largest entry extracted, in bytes: 10 MiB. */
export const MAX_ENTRY_BYTES = 10 * 1024 * 1024

/** Which entry to read and how large it may be. */
export interface ZipEntryOptions {
  /**
   * The entry's exact name; when absent from the archive, the only
   * `*.json` entry is taken instead.
   */
  name: string
  /** Largest uncompressed size accepted. Default MAX_ENTRY_BYTES. */
  maxBytes?: number
}

/** One central-directory record. */
interface CentralEntry {
  name: string
  method: number
  flags: number
  crc: number
  compressedSize: number
  size: number
  localOffset: number
}

const EOCD_SIGNATURE = 0x06054b50
const CENTRAL_SIGNATURE = 0x02014b50
const LOCAL_SIGNATURE = 0x04034b50
const ZIP64_LOCATOR_SIGNATURE = 0x07064b50
const EOCD_SIZE = 22
const CENTRAL_SIZE = 46
const LOCAL_SIZE = 30
/** The end record may be followed by a comment of up to 65,535 bytes. */
const MAX_COMMENT = 0xffff
const STORED = 0
const DEFLATED = 8

/** The named entry's bytes; ArchiveError for anything wrong. */
export function extractZipEntry(
  archive: Uint8Array,
  options: ZipEntryOptions
): Buffer {
  const zip = Buffer.from(archive.buffer, archive.byteOffset, archive.length)
  const maxBytes = options.maxBytes ?? MAX_ENTRY_BYTES
  const entries = readCentralDirectory(zip)
  for (const entry of entries) checkName(entry.name)
  const entry = chooseEntry(entries, options.name)
  return readEntry(zip, entry, maxBytes)
}

/** The central directory's records, after locating the end record. */
function readCentralDirectory(zip: Buffer): CentralEntry[] {
  const end = findEndRecord(zip)
  if (end >= 20 && zip.readUInt32LE(end - 20) === ZIP64_LOCATOR_SIGNATURE) {
    throw new ArchiveError('zip64 archives are not supported')
  }
  const disk = zip.readUInt16LE(end + 4)
  const cdDisk = zip.readUInt16LE(end + 6)
  const onDisk = zip.readUInt16LE(end + 8)
  const total = zip.readUInt16LE(end + 10)
  const cdSize = zip.readUInt32LE(end + 12)
  const cdOffset = zip.readUInt32LE(end + 16)
  if (total === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff)
    throw new ArchiveError('zip64 archives are not supported')
  if (disk !== 0 || cdDisk !== 0 || onDisk !== total)
    throw new ArchiveError('multi-disk archives are not supported')
  if (cdOffset + cdSize > end)
    throw new ArchiveError('the central directory lies outside the archive')
  const entries: CentralEntry[] = []
  let at = cdOffset
  for (let i = 0; i < total; i++) {
    if (at + CENTRAL_SIZE > end || zip.readUInt32LE(at) !== CENTRAL_SIGNATURE)
      throw new ArchiveError(`central directory record ${i + 1} is corrupt`)
    const nameLength = zip.readUInt16LE(at + 28)
    const extraLength = zip.readUInt16LE(at + 30)
    const commentLength = zip.readUInt16LE(at + 32)
    const next = at + CENTRAL_SIZE + nameLength + extraLength + commentLength
    if (next > end)
      throw new ArchiveError(`central directory record ${i + 1} is truncated`)
    entries.push({
      flags: zip.readUInt16LE(at + 8),
      method: zip.readUInt16LE(at + 10),
      crc: zip.readUInt32LE(at + 16),
      compressedSize: zip.readUInt32LE(at + 20),
      size: zip.readUInt32LE(at + 24),
      localOffset: zip.readUInt32LE(at + 42),
      name: zip.toString(
        'utf8',
        at + CENTRAL_SIZE,
        at + CENTRAL_SIZE + nameLength
      )
    })
    at = next
  }
  return entries
}

/** Offset of the end-of-central-directory record, searched from the end. */
function findEndRecord(zip: Buffer): number {
  const lowest = Math.max(0, zip.length - EOCD_SIZE - MAX_COMMENT)
  for (let at = zip.length - EOCD_SIZE; at >= lowest; at--) {
    if (
      zip.readUInt32LE(at) === EOCD_SIGNATURE &&
      at + EOCD_SIZE + zip.readUInt16LE(at + 20) === zip.length
    ) {
      return at
    }
  }
  throw new ArchiveError('not a zip archive (no end of central directory)')
}

/** Refuses names that could write outside a directory (zip-slip). */
function checkName(name: string): void {
  const unsafe =
    name.includes('\\') ||
    name.includes('\0') ||
    name.startsWith('/') ||
    /^[A-Za-z]:/.test(name) ||
    name.split('/').includes('..')
  if (unsafe)
    throw new ArchiveError(`unsafe entry name ${JSON.stringify(name)}`)
}

/** The entry with the exact name, else the only `*.json` file entry. */
function chooseEntry(entries: CentralEntry[], name: string): CentralEntry {
  const exact = entries.filter(e => e.name === name)
  if (exact.length > 1)
    throw new ArchiveError(
      `the archive has ${exact.length} entries named ${name}`
    )
  if (exact[0]) return exact[0]
  const json = entries.filter(e => e.name.toLowerCase().endsWith('.json'))
  if (json.length === 1 && json[0]) return json[0]
  const found =
    json.length === 0 ? 'no .json entry' : `${json.length} .json entries`
  throw new ArchiveError(`the archive has no entry ${name} and ${found}`)
}

/** The entry's checked, uncompressed bytes. */
function readEntry(zip: Buffer, entry: CentralEntry, maxBytes: number): Buffer {
  const label = JSON.stringify(entry.name)
  if (entry.flags & 0x1) throw new ArchiveError(`entry ${label} is encrypted`)
  if (entry.size > maxBytes) {
    throw new ArchiveError(
      `entry ${label} declares ${entry.size} bytes, more than the ${maxBytes} allowed`
    )
  }
  const at = entry.localOffset
  if (at + LOCAL_SIZE > zip.length || zip.readUInt32LE(at) !== LOCAL_SIGNATURE)
    throw new ArchiveError(`entry ${label} has no valid local header`)
  const start =
    at + LOCAL_SIZE + zip.readUInt16LE(at + 26) + zip.readUInt16LE(at + 28)
  const stop = start + entry.compressedSize
  if (stop > zip.length)
    throw new ArchiveError(`entry ${label} runs past the end of the archive`)
  const data = decompress(zip.subarray(start, stop), entry, label, maxBytes)
  if (data.length !== entry.size) {
    throw new ArchiveError(
      `entry ${label} is ${data.length} bytes, not the ${entry.size} declared`
    )
  }
  if (crc32(data) !== entry.crc)
    throw new ArchiveError(`entry ${label} fails its CRC-32 check`)
  return data
}

/** Stored bytes as they are; deflated bytes inflated under the cap. */
function decompress(
  raw: Buffer,
  entry: CentralEntry,
  label: string,
  maxBytes: number
): Buffer {
  if (entry.method === STORED) return Buffer.from(raw)
  if (entry.method !== DEFLATED) {
    throw new ArchiveError(
      `entry ${label} uses compression method ${entry.method}; only stored and deflate are supported`
    )
  }
  try {
    return inflateRawSync(raw, { maxOutputLength: maxBytes })
  } catch (error) {
    const code = (error as { code?: unknown }).code
    if (code === 'ERR_BUFFER_TOO_LARGE') {
      throw new ArchiveError(
        `entry ${label} inflates past the ${maxBytes} bytes allowed`
      )
    }
    throw new ArchiveError(`entry ${label} cannot be inflated`)
  }
}
