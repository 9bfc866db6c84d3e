/**
 * Reads a tar stream entry by entry: POSIX ustar and pax, GNU long names and base-256 numbers.
 *
 * Our own reader rather than a library's because layers carry extended attributes in pax records
 * (`SCHILY.xattr.NAME`) whose values are raw bytes, such as `security.capability`; the readers on npm
 * decode every pax value as UTF-8 text, which corrupts those. Values here stay bytes until a field
 * needs text. Everything is bounded: a header that does not check out, an oversized pax record or long
 * name, or a stream that ends inside an entry is a TarFormatError.
 */

export type TarEntryType =
  'file' | 'link' | 'symlink' | 'character-device' | 'block-device' | 'directory' | 'fifo' | 'unsupported'

export interface TarHeader {
  name: string
  type: TarEntryType
  mode: number
  uid: number
  gid: number
  /** Bytes of content that follow the header. */
  size: number
  /** Seconds since the epoch, possibly fractional (pax). */
  mtime: number
  linkname: string
  devmajor: number
  devminor: number
  /** Extended attributes by name, values as the archive holds them (bytes). */
  xattrs: Map<string, Buffer>
}

export interface TarEntry {
  header: TarHeader
  /** The whole content. Call at most once, and either this or chunks(). */
  content(): Promise<Buffer>
  /** The content as it arrives. Whatever is not read is skipped before the next entry. */
  chunks(): AsyncIterable<Buffer>
}

export class TarFormatError extends Error {}

const BLOCK = 512
/** Pax records and GNU long names for one entry, together, larger than this are refused rather than held in memory. */
const MAX_META_BYTES = 1024 * 1024

const TYPES: Record<string, TarEntryType> = {
  '0': 'file',
  '\0': 'file',
  '7': 'file',
  '1': 'link',
  '2': 'symlink',
  '3': 'character-device',
  '4': 'block-device',
  '5': 'directory',
  '6': 'fifo'
}

/** Hands out exact byte counts from a stream of chunks, without copying when one chunk holds them. */
class ByteReader {
  private queue: Buffer[] = []
  private head = 0
  private buffered = 0
  private ended = false

  constructor(private readonly source: AsyncIterator<Buffer>) {}

  private async fill(wanted: number): Promise<void> {
    while (this.buffered < wanted && !this.ended) {
      const next = await this.source.next()
      if (next.done) this.ended = true
      else if (next.value.length > 0) {
        this.queue.push(next.value)
        this.buffered += next.value.length
      }
    }
  }

  /** Up to `limit` bytes that are already here or arrive next; empty only at the end of the stream. */
  async some(limit: number): Promise<Buffer> {
    if (this.buffered === 0) await this.fill(1)
    const first = this.queue[this.head]
    if (!first) return Buffer.alloc(0)
    if (first.length <= limit) {
      this.head++
      if (this.head === this.queue.length) {
        this.queue = []
        this.head = 0
      }
      this.buffered -= first.length
      return first
    }
    this.queue[this.head] = first.subarray(limit)
    this.buffered -= limit
    return first.subarray(0, limit)
  }

  /** Exactly `count` bytes when they are already here, without waiting; else undefined. */
  taken(count: number): Buffer | undefined {
    const first = this.queue[this.head]
    if (!first || first.length < count) return undefined
    if (first.length === count) {
      this.head++
      if (this.head === this.queue.length) {
        this.queue = []
        this.head = 0
      }
    } else {
      this.queue[this.head] = first.subarray(count)
    }
    this.buffered -= count
    return first.length === count ? first : first.subarray(0, count)
  }

  /** Exactly `count` bytes, or fewer only when the stream ends first. */
  async take(count: number): Promise<Buffer> {
    await this.fill(count)
    if ((this.queue[this.head]?.length ?? 0) >= count) return this.some(count)
    const parts: Buffer[] = []
    let have = 0
    while (have < count) {
      const part = await this.some(count - have)
      if (part.length === 0) break
      parts.push(part)
      have += part.length
    }
    return parts.length === 1 ? parts[0] : Buffer.concat(parts, have)
  }

  /** Skips `count` bytes when they are already here, without waiting; false (nothing skipped) when not. */
  skipped(count: number): boolean {
    return count === 0 || this.taken(count) !== undefined
  }

  async skip(count: number): Promise<number> {
    let skipped = 0
    while (skipped < count) {
      const part = await this.some(count - skipped)
      if (part.length === 0) break
      skipped += part.length
    }
    return skipped
  }

  async drain(): Promise<void> {
    while ((await this.some(Number.MAX_SAFE_INTEGER)).length > 0);
  }
}

function padding(size: number): number {
  return (BLOCK - (size % BLOCK)) % BLOCK
}

function text(block: Buffer, start: number, length: number): string {
  const end = block.indexOf(0, start)
  return block.toString('utf8', start, end === -1 || end > start + length ? start + length : end)
}

/** An octal field (NUL or space terminated), or GNU's base-256 form when the top bit is set. */
function numberField(block: Buffer, start: number, length: number, field: string): number {
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

function checksumMatches(block: Buffer): boolean {
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

function isZeroBlock(block: Buffer): boolean {
  for (let i = 0; i < BLOCK; i++) if (block[i] !== 0) return false
  return true
}

/** What pax records set for the next entry. Values are bytes; only the fields used are decoded. */
interface Overrides {
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
function parsePaxRecords(body: Buffer, into: Overrides): void {
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

/** One entry's content, read from the stream at most once. */
class StreamEntry implements TarEntry {
  /** Content bytes not yet read from the stream. */
  remaining: number
  private used = false

  constructor(
    readonly header: TarHeader,
    private readonly reader: ByteReader
  ) {
    this.remaining = header.size
  }

  truncated(): TarFormatError {
    return new TarFormatError(`a truncated entry (${this.header.name.slice(0, 100)})`)
  }

  async content(): Promise<Buffer> {
    this.use()
    const body = this.reader.taken(this.remaining) ?? (await this.reader.take(this.remaining))
    this.remaining -= body.length
    if (this.remaining > 0) throw this.truncated()
    return body
  }

  chunks(): AsyncIterable<Buffer> {
    this.use()
    return this.rest()
  }

  private async *rest(): AsyncGenerator<Buffer> {
    while (this.remaining > 0) {
      const part = await this.reader.some(this.remaining)
      if (part.length === 0) throw this.truncated()
      this.remaining -= part.length
      yield part
    }
  }

  private use(): void {
    if (this.used) throw new Error('a tar entry’s content can be read only once')
    this.used = true
  }
}

/** The body of a pax header or GNU long name (`size` bytes and their padding), counted against the entry's cap. */
async function readMeta(reader: ByteReader, size: number, metaBytes: number, what: string): Promise<Buffer> {
  if (metaBytes + size > MAX_META_BYTES) throw new TarFormatError(`${what}s over ${MAX_META_BYTES} bytes for one entry`)
  const body = await reader.take(size)
  if (body.length < size || (await reader.skip(padding(size))) < padding(size))
    throw new TarFormatError(`a truncated ${what}`)
  return body
}

/** The entries of a tar stream, in order. Each entry's content must be used or left before asking for the next. */
export async function* readTar(source: AsyncIterable<Buffer>): AsyncGenerator<TarEntry> {
  const reader = new ByteReader(source[Symbol.asyncIterator]())
  let overrides: Overrides = { xattrs: new Map() }
  let longName: string | undefined
  let longLink: string | undefined
  let metaBytes = 0
  for (;;) {
    const block = reader.taken(BLOCK) ?? (await reader.take(BLOCK))
    if (block.length === 0) return // a stream may end without the two zero blocks
    if (block.length < BLOCK) throw new TarFormatError('a truncated header')
    if (isZeroBlock(block)) {
      await reader.drain()
      return
    }
    if (!checksumMatches(block)) throw new TarFormatError('a header whose checksum does not match')
    const flag = String.fromCharCode(block[156])
    const size = numberField(block, 124, 12, 'size')

    if (flag === 'x') {
      parsePaxRecords(await readMeta(reader, size, metaBytes, 'pax header'), overrides)
      metaBytes += size
      continue
    }
    if (flag === 'g') {
      await readMeta(reader, size, metaBytes, 'global pax header') // global defaults are not used by image layers; read and set aside
      metaBytes += size
      continue
    }
    if (flag === 'L' || flag === 'K') {
      const body = await readMeta(reader, size, metaBytes, 'GNU long name')
      metaBytes += size
      const end = body.indexOf(0)
      const name = body.toString('utf8', 0, end === -1 ? body.length : end)
      if (flag === 'L') longName = name
      else longLink = name
      continue
    }

    // POSIX ustar ('ustar\0') and GNU ('ustar  \0') both carry device numbers; only POSIX has a name prefix.
    const magic = block.toString('latin1', 257, 263)
    const ustar = magic.startsWith('ustar')
    const prefix = magic === 'ustar\0' ? text(block, 345, 155) : ''
    const storedName = text(block, 0, 100)
    let type = TYPES[flag] ?? 'unsupported'
    const name = overrides.path ?? longName ?? (prefix ? `${prefix}/${storedName}` : storedName)
    if (type === 'file' && flag !== '7' && name.endsWith('/')) type = 'directory' // pre-POSIX directories
    if (overrides.sparse) type = 'unsupported'
    const header: TarHeader = {
      name,
      type,
      mode: numberField(block, 100, 8, 'mode'),
      uid: overrides.uid ?? numberField(block, 108, 8, 'uid'),
      gid: overrides.gid ?? numberField(block, 116, 8, 'gid'),
      size: overrides.size ?? size,
      mtime: overrides.mtime ?? numberField(block, 136, 12, 'mtime'),
      linkname: overrides.linkpath ?? longLink ?? text(block, 157, 100),
      devmajor: ustar ? numberField(block, 329, 8, 'device major') : 0,
      devminor: ustar ? numberField(block, 337, 8, 'device minor') : 0,
      xattrs: overrides.xattrs
    }
    overrides = { xattrs: new Map() }
    longName = undefined
    longLink = undefined
    metaBytes = 0

    const entry = new StreamEntry(header, reader)
    yield entry
    const left = entry.remaining + padding(header.size)
    if (!reader.skipped(left) && (await reader.skip(left)) < left) throw entry.truncated()
  }
}
