/** The fields of a tar header block and of pax records, parsed strictly: anything malformed is a TarFormatError. */
export class TarFormatError extends Error {}

export const BLOCK = 512

export function text(block: Buffer, start: number, length: number): string {
  const end = block.indexOf(0, start)
  return block.toString('utf8', start, end === -1 || end > start + length ? start + length : end)
}

/** An octal field (NUL or space terminated), or GNU's base-256 form when the top bit is set. */
export function numberField(block: Buffer, start: number, length: number, field: string): number {
  const end = start + length
  const first = block[start]
  if (first & 0x80) {
    if (first !== 0x80) throw new TarFormatError(`a negative or oversized ${field}`)
    let value = 0
    for (let i = start + 1; i < end; i++) value = value * 256 + block[i]
    if (!Number.isSafeInteger(value)) throw new TarFormatError(`an oversized ${field}`)
    return value
  }
  // Read from the bytes (a header has seven of these fields): spaces, octal digits, then NULs or spaces.
  let i = start
  while (i < end && block[i] === 0x20) i++
  let value = 0
  for (; i < end && block[i] >= 0x30 && block[i] <= 0x37; i++) value = value * 8 + (block[i] - 0x30)
  for (; i < end; i++) if (block[i] !== 0 && block[i] !== 0x20) throw new TarFormatError(`a malformed ${field}`)
  return value
}

export function checksumMatches(block: Buffer): boolean {
  const stored = numberField(block, 148, 8, 'header checksum')
  let unsigned = 0
  let signed = 0
  for (let i = 0; i < BLOCK; i++) {
    const byte = i >= 148 && i < 156 ? 0x20 : block[i]
    unsigned += byte
    signed += byte > 127 ? byte - 256 : byte
  }
  return stored === unsigned || stored === signed
}

export function isZeroBlock(block: Buffer): boolean {
  for (let i = 0; i < BLOCK; i++) if (block[i] !== 0) return false
  return true
}

/** What pax records set for the next entry. Values are bytes; only the fields used are decoded. */
export interface Overrides {
  path?: string
  linkpath?: string
  size?: number
  uid?: number
  gid?: number
  mtime?: number
  xattrs: Map<string, Buffer>
  sparse?: boolean
}

function decimal(value: Buffer, key: string, fraction = false): number {
  const digits = value.toString('latin1')
  if (!(fraction ? /^-?\d+(?:\.\d+)?$/ : /^\d+$/).test(digits)) throw new TarFormatError(`a malformed pax ${key}`)
  const number = Number(digits)
  if (!Number.isFinite(number) || (!fraction && !Number.isSafeInteger(number)))
    throw new TarFormatError(`an oversized pax ${key}`)
  return number
}

/** Parses pax records, `LENGTH KEY=VALUE\n`, where LENGTH counts the whole record in bytes. */
export function parsePaxRecords(body: Buffer, into: Overrides): void {
  let at = 0
  while (at < body.length) {
    if (body[at] === 0) break // padding some writers leave after the last record
    const space = body.indexOf(0x20, at)
    const length = space === -1 ? NaN : Number(body.toString('latin1', at, space))
    if (!Number.isSafeInteger(length) || length <= space - at + 1 || at + length > body.length)
      throw new TarFormatError('a malformed pax record')
    const record = body.subarray(space + 1, at + length)
    if (record[record.length - 1] !== 0x0a) throw new TarFormatError('a pax record without its newline')
    const equals = record.indexOf(0x3d)
    if (equals <= 0) throw new TarFormatError('a pax record without a key')
    const key = record.toString('utf8', 0, equals)
    const value = record.subarray(equals + 1, record.length - 1)
    applyPaxRecord(key, value, into)
    at += length
  }
}

function applyPaxRecord(key: string, value: Buffer, into: Overrides): void {
  if (key === 'path') into.path = value.toString('utf8')
  else if (key === 'linkpath') into.linkpath = value.toString('utf8')
  else if (key === 'size') into.size = decimal(value, key)
  else if (key === 'uid') into.uid = decimal(value, key)
  else if (key === 'gid') into.gid = decimal(value, key)
  else if (key === 'mtime') into.mtime = decimal(value, key, true)
  else if (key.startsWith('SCHILY.xattr.')) into.xattrs.set(key.slice('SCHILY.xattr.'.length), Buffer.from(value))
  else if (key.startsWith('LIBARCHIVE.xattr.')) {
    // libarchive's form: the name URL-encoded, the value base64.
    let name: string
    try {
      name = decodeURIComponent(key.slice('LIBARCHIVE.xattr.'.length))
    } catch {
      throw new TarFormatError('a malformed pax xattr name')
    }
    into.xattrs.set(name, Buffer.from(value.toString('latin1'), 'base64'))
  } else if (key.startsWith('GNU.sparse.')) into.sparse = true
}
