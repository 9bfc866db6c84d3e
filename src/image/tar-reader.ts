/**
 * Reads a tar stream entry by entry: POSIX ustar and pax, GNU long names and base-256 numbers.
 *
 * Our own reader rather than a library's because layers carry extended attributes in pax records
 * (`SCHILY.xattr.NAME`) whose values are raw bytes, such as `security.capability`; the readers on npm
 * decode every pax value as UTF-8 text, which corrupts those. Values here stay bytes until a field
 * needs text. Everything is bounded: a header that does not check out, an oversized pax record or long
 * name, or a stream that ends inside an entry is a TarFormatError.
 */
import { ByteReader } from './byte-reader.js'
import {
  BLOCK,
  TarFormatError,
  checksumMatches,
  isZeroBlock,
  numberField,
  parsePaxRecords,
  text,
  type Overrides
} from './tar-fields.js'

export { TarFormatError } from './tar-fields.js'

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

function padding(size: number): number {
  return (BLOCK - (size % BLOCK)) % BLOCK
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
