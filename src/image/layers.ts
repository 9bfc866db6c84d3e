/**
 * Applies image layers (tar, gzip or zstd) to a root directory with the OCI rules: whiteouts, opaque
 * directories, hard links, symlinks, modes, mtimes, extended attributes and, where the user may,
 * ownership and device nodes.
 *
 * Safety: every entry's path is resolved component by component against what the builder has made in
 * the root (root-index.ts), so no symlink is ever followed while writing. An entry whose path holds `..`,
 * or whose parent is a symlink or a file, is skipped, as is a hard link to such a path, so nothing lands
 * outside the root whatever the layer says. Files are opened with O_EXCL | O_NOFOLLOW after whatever stood
 * at their path was removed.
 *
 * Small files are made on the thread pool while the layer is read on (file-writes.ts). Every change to a
 * path that already exists goes through removeExisting(), which first lets whatever is still being made
 * at that path, or under that directory, finish (a hard link waits for its target the same way): so no
 * file is ever created through a directory that a later entry replaced with a symlink.
 */
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import { Readable, type Transform } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { decompressor, detectCompression, withHead } from './compression.js'
import { ImageError, errorCode, failedSyscall } from './errors.js'
import { TarFormatError, readTar, type TarEntry, type TarHeader } from './tar-reader.js'
import { FileWrites } from './file-writes.js'
import { formatBytes } from './progress.js'
import { RootIndex } from './root-index.js'
import { removeTree } from './tree.js'
import { type UnpackBudget, entryCost } from './unpack-budget.js'
import { XattrBatch } from './xattr-batch.js'
import { MAX_VALUE_BYTES, isImageXattr } from './xattrs.js'

const WHITEOUT = '.wh.'
const OPAQUE = '.wh..wh..opq'
const CHUNK_BYTES = 256 * 1024
/** Files up to this size are taken in one piece (one wait instead of one per chunk); larger ones stream. */
const WHOLE_FILE_BYTES = 1024 * 1024

/** Is this media type a filesystem layer (tar, possibly compressed)? Empty counts as yes. */
export function isLayerMediaType(mediaType: string): boolean {
  if (mediaType === '') return true
  if (/encrypted/.test(mediaType)) return false
  return /\.(?:tar|diff\.tar)(?:\.gzip|\.zstd|\+gzip|\+zstd)?$/.test(mediaType) || /rootfs\.diff\.tar/.test(mediaType)
}

interface DirMeta {
  mode: number
  mtime: number
  uid: number
  gid: number
}

export interface UnpackStats {
  /** Entries skipped because their path or link pointed outside the root or through a symlink. */
  unsafe: number
  /** Device nodes and FIFOs that could not be made (not root, or no mknod). */
  devices: number
  /** Entries whose owner could not be set (not root). */
  ownership: number
  /** Entries of a kind an image root cannot hold (sparse files, tape volume headers, links to nothing). */
  unsupported: number
  /** Extended attributes the host did not allow (not root, or a filesystem without them). */
  xattrsNotAllowed: number
  /** Extended attributes not set because setfattr is not installed. */
  xattrsWithoutSetfattr: number
  /** Extended attributes an image may not set (outside user, trusted and security; overlay's own; SELinux labels; oversized). */
  xattrsRefused: number
}

function count(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`
}

/** What the unpacked root lacks of what its layers hold, a line each. */
export function unpackNotes(stats: UnpackStats): string[] {
  const notes: string[] = []
  if (stats.unsafe > 0)
    notes.push(
      `skipped ${count(stats.unsafe, 'entry', 'entries')} whose path or link led outside the image root or through a symlink`
    )
  if (stats.unsupported > 0)
    notes.push(
      `skipped ${count(stats.unsupported, 'entry', 'entries')} of a kind an image root cannot hold (sparse files, tape headers, empty links)`
    )
  if (stats.devices > 0)
    notes.push(`${count(stats.devices, 'device node was', 'device nodes were')} not created (that needs root)`)
  if (stats.ownership > 0 && process.getuid?.() !== 0)
    notes.push('file owners were not set (not running as root): every file belongs to the current user')
  if (stats.xattrsWithoutSetfattr > 0)
    notes.push(
      `${count(stats.xattrsWithoutSetfattr, 'extended attribute was', 'extended attributes were')} not set: setfattr is not installed (apt-get install attr)`
    )
  if (stats.xattrsNotAllowed > 0)
    notes.push(
      `${count(stats.xattrsNotAllowed, 'extended attribute was', 'extended attributes were')} not set: this host does not allow them (file capabilities and trusted.* need root)`
    )
  if (stats.xattrsRefused > 0)
    notes.push(
      `${count(stats.xattrsRefused, 'extended attribute was', 'extended attributes were')} left out: an image may set only user.*, trusted.* and security.* ones, never overlayfs's own or SELinux labels`
    )
  return notes
}

/**
 * Makes a FIFO or device node with the system's mknod program: Node has no mknod, and
 * native calls stay in the VM process. False when it cannot (not root, or no mknod). Not
 * @actions/exec: this needs a time limit, and is synchronous like the rest of an entry's writes.
 */
function makeNode(file: string, header: TarHeader): boolean {
  const args = ['-m', (header.mode & 0o777).toString(8), '--', file]
  if (header.type === 'fifo') args.push('p')
  else args.push(header.type === 'block-device' ? 'b' : 'c', String(header.devmajor), String(header.devminor))
  try {
    execFileSync('mknod', args, { stdio: 'ignore', timeout: 10_000 })
    return true
  } catch {
    return false
  }
}

function writeAll(fd: number, data: Buffer): void {
  for (let done = 0; done < data.length;) done += fs.writeSync(fd, data, done)
}

/** A layer file's bytes, in pieces the size the unpacker reads best. */
export function layerFile(file: string): AsyncIterable<Buffer> {
  return fs.createReadStream(file, { highWaterMark: CHUNK_BYTES })
}

/** Records that this layer wrote `rel`, and that it touched every directory above it. */
function markWritten(rel: string, written: Set<string>, touched: Set<string>): void {
  written.add(rel)
  for (let end = rel.lastIndexOf('/'); end > 0; end = rel.lastIndexOf('/', end - 1)) {
    const dir = rel.slice(0, end)
    if (touched.has(dir)) return // and so is everything above it
    touched.add(dir)
  }
}

/** Splits a tar path into components; undefined when it tries to climb out with `..`. */
export function entryParts(name: string): string[] | undefined {
  if (name.includes('\0')) return undefined
  const parts = name.split('/').filter((p) => p !== '' && p !== '.')
  return parts.includes('..') ? undefined : parts
}

export interface RootBuilderOptions {
  /** What all the layers together may take on disk (unpack-budget.ts); no limit when unset. */
  budget?: UnpackBudget
  /** The directory named when the disk is full or a path too long: the image cache's, by default the root. */
  storage?: string
}

/** Builds one image root from its layers, in order. Call finish() after the last layer. */
export class RootBuilder {
  readonly stats: UnpackStats = {
    unsafe: 0,
    devices: 0,
    ownership: 0,
    unsupported: 0,
    xattrsNotAllowed: 0,
    xattrsWithoutSetfattr: 0,
    xattrsRefused: 0
  }
  private readonly dirMeta = new Map<string, DirMeta>()
  private readonly made = new RootIndex()
  private readonly writes = new FileWrites()
  /** The attributes the layer being applied has yet to set. */
  private xattrs: XattrBatch | undefined
  private directoriesBytes: number | undefined
  private checkedEmpty = false
  private readonly isRoot = process.getuid?.() === 0

  /** What the entries so far take on disk, as the budget counts it. */
  private unpacked = 0
  /** The layer being applied, as errors name it. */
  private label = ''

  constructor(
    readonly root: string,
    private readonly options: RootBuilderOptions = {}
  ) {}

  /** Counts what an entry about to be made takes; throws once the layers together take more than the budget. */
  private charge(type: Parameters<typeof entryCost>[0], size = 0): void {
    this.unpacked += entryCost(type, size)
    const budget = this.options.budget
    if (budget && this.unpacked > budget.bytes) {
      throw new ImageError(
        `${this.label}: the image unpacks to more than ${formatBytes(budget.bytes)}, ${budget.reason}; the image cannot be used`
      )
    }
  }

  /** Disk use of the finished root in bytes (allocated blocks; a hard-linked file counted once). */
  get diskUsage(): number {
    if (this.directoriesBytes === undefined)
      throw new Error('the disk use of an image root is known once it is finished')
    return this.directoriesBytes + this.made.filesBytes
  }

  private abs(parts: string[]): string {
    return parts.length === 0 ? this.root : `${this.root}/${parts.join('/')}` // parts are normalized (entryParts)
  }

  /**
   * Checks that every parent of `parts` is a real directory (never a symlink), creating missing ones
   * when `create` is set. Returns false when the path would go through a symlink or a file.
   */
  private parentsSafe(parts: string[], create: boolean): boolean {
    for (let i = 1; i < parts.length; i++) {
      const rel = parts.slice(0, i).join('/')
      const kind = this.made.kind(rel)
      if (kind === 'directory') continue
      if (kind === 'other' || !create) return false
      this.charge('directory')
      fs.mkdirSync(this.abs(parts.slice(0, i)), { mode: 0o755 })
      this.made.add(rel, 'directory')
    }
    return true
  }

  /**
   * Removes whatever stands at `parts`; a directory only unless `keepDirectory`. A removed directory's
   * recorded mode, owner and mtime go with it (and those of the directories under it): one made again
   * later, if only as a parent, must not get them back in finish().
   */
  private async removeExisting(parts: string[], keepDirectory: boolean): Promise<'absent' | 'directory' | 'removed'> {
    const rel = parts.join('/')
    const kind = this.made.kind(rel)
    if (!kind) return 'absent'
    if (kind === 'directory') {
      if (keepDirectory) return 'directory'
      await this.writes.drain() // nothing may still be being made under it
      await removeTree(this.abs(parts))
    } else {
      await this.writes.done(this.abs(parts))
      fs.unlinkSync(this.abs(parts))
    }
    for (const gone of this.made.remove(rel)) {
      this.dirMeta.delete(gone)
      this.xattrs?.forget(gone)
    }
    return 'removed'
  }

  /** Runs an ownership change where the user may (root); counts it as not done where not. */
  private own(change: () => void): void {
    if (!this.isRoot) {
      this.stats.ownership++
      return
    }
    try {
      change()
    } catch (error) {
      if (errorCode(error) !== 'EPERM' && errorCode(error) !== 'EINVAL') throw error
      this.stats.ownership++
    }
  }

  /**
   * Queues the entry's attributes for what was just made at `rel`; they are set once the layer is
   * unpacked, after every owner (chown clears file capabilities). `recordUse` hears the file's disk
   * use again then: attributes too large for the inode take a block of their own.
   */
  private queueXattrs(rel: string, header: TarHeader, recordUse?: (bytes: number) => void): void {
    const fit = new Map<string, Buffer>()
    for (const [name, value] of header.xattrs) {
      if (isImageXattr(name) && value.length <= MAX_VALUE_BYTES) fit.set(name, value)
      else this.stats.xattrsRefused++
    }
    const remeasure = recordUse && ((name: string) => recordUse(fs.lstatSync(this.abs(name.split('/'))).blocks * 512))
    this.xattrs!.add(rel, fit, remeasure)
  }

  /** Sets a regular file's owner, attributes, mode and mtime, in the order that keeps capabilities and setuid bits. */
  private finishFile(fd: number, header: TarHeader, recordUse: (bytes: number) => void): void {
    // What the file got when it was made (owner, and its mode less the umask) is asked once, and only
    // what differs is changed: most files need neither a chown nor a chmod.
    const made = fs.fstatSync(fd)
    const mode = header.mode & 0o7777
    let modeWrong = (made.mode & 0o7777) !== mode
    if (made.uid !== header.uid || made.gid !== header.gid) {
      this.own(() => fs.fchownSync(fd, header.uid, header.gid))
      modeWrong = true // a new owner clears the setuid and setgid bits
    }
    if (modeWrong) fs.fchmodSync(fd, mode)
    fs.futimesSync(fd, header.mtime, header.mtime)
    recordUse(made.blocks * 512)
  }

  /** Applies one layer from its bytes (tar, gzip or zstd) as they come. `label` names it in errors ('layer 2/5 sha256:…'). */
  async applyLayer(layer: AsyncIterable<Buffer>, label: string): Promise<void> {
    if (!this.checkedEmpty) {
      if (fs.readdirSync(this.root).length > 0) throw new Error(`an image root must start empty: ${this.root}`)
      this.checkedEmpty = true
    }
    const source = layer[Symbol.asyncIterator]()
    try {
      await this.applyTar(source, label)
    } finally {
      // Closes a layer left half read (a file, or a download being followed); not awaited, as a
      // followed download answers only once more of it arrives, and its failure is not this layer's.
      source.return?.().catch(() => undefined)
    }
  }

  private async applyTar(source: AsyncIterator<Buffer>, label: string): Promise<void> {
    this.label = label
    const { head, all } = await withHead(source, 4)
    let unzip: Transform | undefined
    try {
      unzip = decompressor(detectCompression(head))
    } catch (error) {
      throw error instanceof ImageError ? new ImageError(`${label}: ${error.message}`) : error
    }
    const unreadable = (reason: string): ImageError =>
      new ImageError(`${label} is not a readable layer (${reason.slice(0, 100)}); the image cannot be used`)
    const storage = this.options.storage ?? this.root
    const failure = (error: unknown): unknown => {
      if (error instanceof ImageError) return error
      if (error instanceof TarFormatError) return unreadable(`it holds ${error.message}`)
      const code = errorCode(error)
      if (code === 'ENAMETOOLONG') {
        return new ImageError(
          `${label} holds a path too long to be made under ${storage} (ENAMETOOLONG: a name over 255 bytes, or a path over 4096); the image cannot be used`
        )
      }
      if (code === 'ENOSPC' || code === 'EDQUOT') {
        return new ImageError(
          `${label}: the disk of ${storage} is full (${code}) while unpacking it; free space there or move the image cache`
        )
      }
      // Any other system call's failure is the host's problem; anything else (zlib, zstd) is the layer's.
      if (failedSyscall(error)) return error
      return unreadable((error as Error)?.message ?? String(error))
    }
    let bytes: AsyncIterable<Buffer> = all
    let feeding: Promise<void> = Promise.resolve()
    let feedingError: { error: unknown } | undefined
    if (unzip) {
      // Its error usually ends the iteration below too, but not when it comes after the tar's end.
      feeding = pipeline(Readable.from(all, { objectMode: false }), unzip).catch((error: unknown) => {
        feedingError = { error }
      })
      bytes = unzip
    }
    const written = new Set<string>()
    const touched = new Set<string>()
    const opaque = new Set<string>()
    this.xattrs = new XattrBatch(label)
    try {
      for await (const entry of readTar(bytes)) await this.applyEntry(entry, written, touched, opaque)
      await this.writes.drain()
    } catch (error) {
      unzip?.destroy()
      await this.writes.settle()
      await feeding
      throw failure(error)
    }
    await feeding
    if (feedingError) throw failure(feedingError.error)
    for (const dir of [...opaque].sort()) await this.makeOpaque(dir, written, touched)
    const counts = await this.xattrs.apply(this.root)
    this.xattrs = undefined
    this.stats.xattrsNotAllowed += counts.notAllowed
    this.stats.xattrsWithoutSetfattr += counts.withoutSetfattr
  }

  private async applyEntry(
    entry: TarEntry,
    written: Set<string>,
    touched: Set<string>,
    opaque: Set<string>
  ): Promise<void> {
    const header = entry.header
    const parts = entryParts(header.name)
    if (!parts) {
      this.stats.unsafe++
      return
    }
    const rel = parts.join('/')
    const base = parts[parts.length - 1] ?? ''

    if (base.startsWith(WHITEOUT)) {
      const parent = parts.slice(0, -1)
      if (!this.parentsSafe(parts, false)) return
      if (base === OPAQUE) {
        opaque.add(parent.join('/'))
      } else if (!base.startsWith(`${WHITEOUT}${WHITEOUT}`)) {
        const target = [...parent, base.slice(WHITEOUT.length)]
        if (target[target.length - 1] === '' || written.has(target.join('/'))) return
        await this.removeExisting(target, false)
      }
      return
    }
    if (header.type === 'unsupported') {
      this.stats.unsupported++
      return
    }

    const mode = header.mode & 0o7777
    const mtime = header.mtime

    if (parts.length === 0) {
      if (header.type === 'directory') this.dirMeta.set('', { mode, mtime, uid: header.uid, gid: header.gid })
      return
    }
    if (!this.parentsSafe(parts, true)) {
      this.stats.unsafe++
      return
    }
    const file = this.abs(parts)
    if (header.type === 'file') this.charge('file', header.size)
    else if (header.type === 'symlink') this.charge('symlink', Buffer.byteLength(header.linkname))
    else this.charge(header.type === 'directory' ? 'directory' : 'other')

    switch (header.type) {
      case 'directory': {
        if ((await this.removeExisting(parts, true)) !== 'directory') fs.mkdirSync(file, { mode: 0o755 })
        this.dirMeta.set(rel, { mode, mtime, uid: header.uid, gid: header.gid })
        this.made.add(rel, 'directory')
        if (header.xattrs.size > 0) this.queueXattrs(rel, header)
        markWritten(rel, written, touched)
        return
      }
      case 'file': {
        if (this.made.kind(rel) !== undefined) await this.removeExisting(parts, false) // (most paths are new)
        const recordUse = this.made.addFile(rel)
        if (header.xattrs.size > 0) this.queueXattrs(rel, header, recordUse)
        // A small file is made on the thread pool (file-writes.ts); a large one streams here.
        if (header.size <= WHOLE_FILE_BYTES) {
          const content = await entry.content()
          await this.writes.create(file, mode & 0o777, content, (fd) => {
            try {
              this.finishFile(fd, header, recordUse)
            } finally {
              fs.closeSync(fd)
            }
          })
        } else {
          const { O_WRONLY, O_CREAT, O_EXCL, O_NOFOLLOW } = fs.constants
          const fd = fs.openSync(file, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW, mode & 0o777)
          try {
            for await (const chunk of entry.chunks()) writeAll(fd, chunk)
            this.finishFile(fd, header, recordUse)
          } finally {
            fs.closeSync(fd)
          }
        }
        markWritten(rel, written, touched)
        return
      }
      case 'symlink': {
        if (header.linkname === '' || header.linkname.includes('\0')) {
          this.stats.unsupported++ // no filesystem holds a link to nothing
          return
        }
        await this.removeExisting(parts, false)
        fs.symlinkSync(header.linkname, file)
        const recordUse = this.made.addFile(rel)
        this.own(() => fs.lchownSync(file, header.uid, header.gid))
        if (header.xattrs.size > 0) this.queueXattrs(rel, header, recordUse)
        fs.lutimesSync(file, mtime, mtime)
        recordUse(fs.lstatSync(file).blocks * 512) // a link too long to fit in its inode takes a block
        markWritten(rel, written, touched)
        return
      }
      case 'link': {
        const target = entryParts(header.linkname)
        if (!target || target.length === 0 || !this.parentsSafe(target, false)) {
          this.stats.unsafe++
          return
        }
        const targetRel = target.join('/')
        if (this.made.kind(targetRel) !== 'other') {
          this.stats.unsafe++ // a directory, or nothing at all
          return
        }
        if (targetRel === rel) return
        await this.removeExisting(parts, false)
        await this.writes.done(this.abs(target))
        fs.linkSync(this.abs(target), file)
        this.made.addLink(rel, targetRel)
        this.xattrs!.alias(rel, targetRel)
        markWritten(rel, written, touched)
        return
      }
      case 'character-device':
      case 'block-device':
      case 'fifo': {
        await this.removeExisting(parts, false)
        if (!((header.type === 'fifo' || this.isRoot) && makeNode(file, header))) {
          this.stats.devices++
          return
        }
        this.made.add(rel, 'other')
        this.own(() => fs.lchownSync(file, header.uid, header.gid))
        if (header.xattrs.size > 0) this.queueXattrs(rel, header)
        fs.chmodSync(file, mode)
        fs.utimesSync(file, mtime, mtime)
        markWritten(rel, written, touched)
        return
      }
    }
  }

  /** Removes what lower layers put under `dir`, keeping what this layer wrote there. */
  private async makeOpaque(dir: string, written: Set<string>, touched: Set<string>): Promise<void> {
    if (dir !== '' && this.made.kind(dir) !== 'directory') return
    const parts = dir === '' ? [] : dir.split('/')
    for (const name of fs.readdirSync(this.abs(parts))) {
      const rel = dir === '' ? name : `${dir}/${name}`
      if (!written.has(rel) && !touched.has(rel)) await this.removeExisting([...parts, name], false)
      else if (this.made.kind(rel) === 'directory') await this.makeOpaque(rel, written, touched)
    }
  }

  /** Sets the directories' modes, owners and mtimes, deepest first (so children do not bump them). */
  finish(): void {
    // Measured before modes are set: a directory locked (mode 000) would hide what is under it.
    this.directoriesBytes = fs.lstatSync(this.root).blocks * 512
    for (const rel of this.made.directories())
      this.directoriesBytes += fs.lstatSync(this.abs(rel.split('/'))).blocks * 512
    const dirs = [...this.dirMeta.entries()].sort(
      (a, b) => b[0].split('/').length - a[0].split('/').length || (a[0] < b[0] ? 1 : -1)
    )
    for (const [rel, meta] of dirs) {
      if (rel !== '' && this.made.kind(rel) !== 'directory') continue
      const dir = rel === '' ? this.root : this.abs(rel.split('/'))
      this.own(() => fs.lchownSync(dir, meta.uid, meta.gid))
      fs.chmodSync(dir, meta.mode)
      fs.utimesSync(dir, meta.mtime, meta.mtime)
    }
    if (!this.dirMeta.has('')) fs.chmodSync(this.root, 0o755)
  }
}
