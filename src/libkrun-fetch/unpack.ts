/**
 * Unpacks a libkrun archive (tar, gzip or zstd) into an empty directory, or refuses it whole.
 * It may hold regular files, directories, symbolic links that stay inside it and hard links to
 * its own earlier files; anything else (device nodes, FIFOs, sparse files, absolute names, `..`,
 * links leading out) is refused, as is one over the size or entry caps. Nothing is ever written
 * through a symbolic link: an entry under one is refused, and files are created with O_EXCL
 * and O_NOFOLLOW in directories this module made. Owners, extended attributes and special mode
 * bits are not taken from the archive.
 */
import fs from 'node:fs'
import path from 'node:path'
import { Readable, type Transform } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { decompressor, detectCompression, withHead } from '../image/compression.js'
import { errorCode, failedSyscall } from '../image/errors.js'
import { TarFormatError, readTar, type TarEntry, type TarEntryType } from '../image/tar-reader.js'
import { ArchiveError } from './errors.js'

export interface UnpackLimits {
  /** Bytes of file content, and of the decompressed stream less its headers. */
  maxBytes: number
  maxEntries: number
}

const MAX_NAME = 4096
const MAX_DEPTH = 32
/** Headers and padding a tar stream adds around its files are allowed on top of maxBytes, within reason. */
const TAR_OVERHEAD_PER_ENTRY = 3 * 512

type Kind = 'directory' | 'file' | 'symlink'

/** An archive path as its components, or the reason it may not be unpacked. */
function entryParts(name: string): string[] | string {
  if (name.length > MAX_NAME || name.includes('\0')) return 'has an overlong or malformed name'
  if (name.startsWith('/')) return 'has an absolute name'
  const parts = name.split('/').filter((part) => part !== '' && part !== '.')
  if (parts.includes('..')) return 'climbs out with ..'
  if (parts.length > MAX_DEPTH) return `is nested deeper than ${MAX_DEPTH} directories`
  return parts
}

/**
 * Why a symbolic link at `parts` pointing at `target` could lead out of the archive, or
 * undefined when it cannot. Leading `..` climb the real directories above the link, which this
 * module made; a `..` after a name could climb out of whatever that name links to, so it is refused.
 */
function linkProblem(parts: string[], target: string): string | undefined {
  if (target === '' || target.length > MAX_NAME || target.includes('\0')) return 'is empty or malformed'
  if (target.startsWith('/')) return 'is absolute'
  const steps = target.split('/').filter((step) => step !== '' && step !== '.')
  const climbs = steps.findIndex((step) => step !== '..')
  const up = climbs === -1 ? steps.length : climbs
  if (steps.slice(up).includes('..')) return 'climbs with .. after a name'
  if (up > parts.length - 1) return 'leads out of the archive'
  return undefined
}

type OtherType = Exclude<TarEntryType, Kind | 'link'>

const OTHER_TYPES: Record<OtherType, string> = {
  'character-device': 'a device node',
  'block-device': 'a device node',
  fifo: 'a FIFO',
  unsupported: 'an entry of an unsupported kind (a sparse file or tape header)'
}

function isOther(type: TarEntryType): type is OtherType {
  return Object.hasOwn(OTHER_TYPES, type)
}

function refusal(shown: string, problem: string): ArchiveError {
  return new ArchiveError(
    `${shown} ${problem}; a libkrun archive may hold only regular files, directories and links that stay inside it`,
    { inputMistake: true }
  )
}

class Unpacker {
  /** What this archive made, by path relative to the root ('' is the root itself). */
  private readonly made = new Map<string, Kind>([['', 'directory']])
  private entries = 0
  private bytes = 0

  constructor(
    private readonly root: string,
    private readonly shown: string,
    private readonly limits: UnpackLimits
  ) {}

  private refuse(problem: string): ArchiveError {
    return refusal(this.shown, problem)
  }

  private file(rel: string): string {
    return path.join(this.root, rel)
  }

  /** Makes the directories above an entry that the archive did not list, and checks none is a link or a file. */
  private parents(parts: string[], name: string): void {
    for (let i = 1; i < parts.length; i++) {
      const dir = parts.slice(0, i).join('/')
      const kind = this.made.get(dir)
      if (kind === undefined) {
        fs.mkdirSync(this.file(dir), { mode: 0o755 })
        this.made.set(dir, 'directory')
      } else if (kind !== 'directory') {
        throw this.refuse(`holds ${showName(name)} under ${showName(dir)}, which is not a directory`)
      }
    }
  }

  async add(entry: TarEntry): Promise<void> {
    const { header } = entry
    if (++this.entries > this.limits.maxEntries) throw this.refuse(`holds more than ${this.limits.maxEntries} entries`)
    if (isOther(header.type)) throw this.refuse(`holds ${OTHER_TYPES[header.type]} (${showName(header.name)})`)
    const parts = entryParts(header.name)
    if (typeof parts === 'string') throw this.refuse(`holds an entry that ${parts} (${showName(header.name)})`)
    const rel = parts.join('/')
    if (rel === '') {
      if (header.type === 'directory') return
      throw this.refuse(`holds a ${header.type} named as its own top directory`)
    }
    this.parents(parts, header.name)
    const existing = this.made.get(rel)
    if (existing !== undefined) {
      if (existing === 'directory' && header.type === 'directory') return
      throw this.refuse(`holds ${showName(rel)} twice`)
    }
    switch (header.type) {
      case 'directory':
        fs.mkdirSync(this.file(rel), { mode: 0o755 })
        break
      case 'symlink': {
        const problem = linkProblem(parts, header.linkname)
        if (problem)
          throw this.refuse(`holds a symbolic link ${showName(rel)} -> ${showName(header.linkname)} that ${problem}`)
        fs.symlinkSync(header.linkname, this.file(rel))
        break
      }
      case 'link': {
        const target = entryParts(header.linkname)
        const targetRel = typeof target === 'string' ? undefined : target.join('/')
        if (targetRel === undefined || this.made.get(targetRel) !== 'file')
          throw this.refuse(
            `holds a hard link ${showName(rel)} to ${showName(header.linkname)}, which is not one of its files`
          )
        fs.linkSync(this.file(targetRel), this.file(rel))
        break
      }
      case 'file':
        await this.writeFile(rel, entry)
        break
    }
    this.made.set(rel, header.type === 'link' ? 'file' : header.type)
  }

  private async writeFile(rel: string, entry: TarEntry): Promise<void> {
    this.bytes += entry.header.size
    if (this.bytes > this.limits.maxBytes) throw this.refuse(`unpacks to more than ${this.limits.maxBytes} bytes`)
    const mode = entry.header.mode & 0o111 ? 0o755 : 0o644
    const flags = fs.constants.O_WRONLY | fs.constants.O_CREAT | fs.constants.O_EXCL | fs.constants.O_NOFOLLOW
    const fd = fs.openSync(this.file(rel), flags, mode)
    try {
      let at = 0
      for await (const chunk of entry.chunks()) {
        for (let done = 0; done < chunk.length;) done += fs.writeSync(fd, chunk, done, chunk.length - done, at + done)
        at += chunk.length
      }
    } finally {
      fs.closeSync(fd)
    }
  }
}

function showName(name: string): string {
  const visible = name.replace(/[\u0000-\u001f\u007f]/g, '?')
  return `"${visible.length > 80 ? `${visible.slice(0, 80)}…` : visible}"`
}

/** Stops a stream that yields more than `limit` bytes: a small archive must not decompress without end. */
async function* capped(source: AsyncIterable<Buffer>, limit: number, refuse: () => Error): AsyncGenerator<Buffer> {
  let total = 0
  for await (const chunk of source) {
    total += chunk.length
    if (total > limit) throw refuse()
    yield chunk
  }
}

/** Unpacks the archive in `file` into the empty directory `root`; `shown` names it in messages. */
export async function unpackArchive(file: string, root: string, shown: string, limits: UnpackLimits): Promise<void> {
  const unpacker = new Unpacker(root, shown, limits)
  const source = fs.createReadStream(file)[Symbol.asyncIterator]() as AsyncIterator<Buffer>
  const unreadable = (reason: string): ArchiveError =>
    new ArchiveError(`${shown} is not a readable archive (${reason.slice(0, 100)}); expected a .tar.gz`, {
      inputMistake: true
    })
  let unzip: Transform | undefined
  let feeding: Promise<void> = Promise.resolve()
  let feedingError: { error: unknown } | undefined
  const failure = (error: unknown): unknown => {
    if (error instanceof ArchiveError) return error
    if (error instanceof TarFormatError) return unreadable(`it holds ${error.message}`)
    if (failedSyscall(error))
      return new ArchiveError(
        `${shown}: unpacking it into ${path.dirname(root)} failed (${errorCode(error)}); free space there or move the cache`
      )
    return unreadable((error as Error)?.message ?? String(error))
  }
  try {
    const { head, all } = await withHead(source, 4)
    unzip = decompressor(detectCompression(head))
    let bytes: AsyncIterable<Buffer> = all
    if (unzip) {
      // Its error usually ends the reading below too, but not when it comes after the tar's end.
      feeding = pipeline(Readable.from(all, { objectMode: false }), unzip).catch((error: unknown) => {
        feedingError = { error }
      })
      bytes = unzip
    }
    const limit = limits.maxBytes + (limits.maxEntries + 2) * TAR_OVERHEAD_PER_ENTRY
    const stream = capped(bytes, limit, () => refusal(shown, `unpacks to more than ${limits.maxBytes} bytes`))
    for await (const entry of readTar(stream)) await unpacker.add(entry)
  } catch (error) {
    unzip?.destroy()
    await feeding
    throw failure(error)
  } finally {
    await source.return?.()
  }
  await feeding
  if (feedingError) throw failure(feedingError.error)
}
