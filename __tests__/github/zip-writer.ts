import { deflateRawSync } from 'node:zlib'
import { crc32 } from '../../src/github/crc32.js'

/** One file for the test zip writer; overrides fake a hostile archive. */
export interface ZipFile {
  name: string
  data: Uint8Array | string
  method?: 'stored' | 'deflate'
  /** Declared uncompressed size instead of the real one. */
  declaredSize?: number
  /** Declared CRC-32 instead of the real one. */
  crc?: number
}

/** A minimal zip (no zip64, one disk) of the files, for tests only. */
export function buildZip(files: ZipFile[], comment = ''): Buffer {
  const locals: Buffer[] = []
  const centrals: Buffer[] = []
  let offset = 0
  for (const file of files) {
    const data = Buffer.from(file.data)
    const method = file.method === 'deflate' ? 8 : 0
    const body = method === 8 ? deflateRawSync(data) : data
    const name = Buffer.from(file.name, 'utf8')
    const crc = file.crc ?? crc32(data)
    const size = file.declaredSize ?? data.length
    const local = Buffer.alloc(30)
    local.writeUInt32LE(0x04034b50, 0)
    local.writeUInt16LE(20, 4)
    local.writeUInt16LE(0x0800, 6)
    local.writeUInt16LE(method, 8)
    local.writeUInt32LE(crc, 14)
    local.writeUInt32LE(body.length, 18)
    local.writeUInt32LE(size, 22)
    local.writeUInt16LE(name.length, 26)
    const central = Buffer.alloc(46)
    central.writeUInt32LE(0x02014b50, 0)
    central.writeUInt16LE(20, 4)
    central.writeUInt16LE(20, 6)
    central.writeUInt16LE(0x0800, 8)
    central.writeUInt16LE(method, 10)
    central.writeUInt32LE(crc, 16)
    central.writeUInt32LE(body.length, 20)
    central.writeUInt32LE(size, 24)
    central.writeUInt16LE(name.length, 28)
    central.writeUInt32LE(offset, 42)
    locals.push(local, name, body)
    centrals.push(central, name)
    offset += local.length + name.length + body.length
  }
  const directory = Buffer.concat(centrals)
  const text = Buffer.from(comment, 'utf8')
  const end = Buffer.alloc(22)
  end.writeUInt32LE(0x06054b50, 0)
  end.writeUInt16LE(files.length, 8)
  end.writeUInt16LE(files.length, 10)
  end.writeUInt32LE(directory.length, 12)
  end.writeUInt32LE(offset, 16)
  end.writeUInt16LE(text.length, 20)
  return Buffer.concat([...locals, directory, end, text])
}
