/**
 * Applies image layers (tar, gzip or zstd) to a root directory with the OCI rules: whiteouts, opaque
 * directories, hard links, symlinks, modes, mtimes, extended attributes and, where the user may,
 * ownership and device nodes. RootBuilder reads a layer and finishes the root; entry-writer.ts makes
 * each entry, root-state.ts holds what is known of the root and the safety rules every entry obeys.
 */
import fs from 'node:fs'
import { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { decompressor, detectCompression, withHead } from './compression.js'
import { EntryWriter } from './entry-writer.js'
import { ImageError, errorCode, failedSyscall } from './errors.js'
import { TarFormatError, readTar } from './tar-reader.js'
import { XattrBatch } from './xattr-batch.js'

export { entryParts, isLayerMediaType } from './entry-path.js'
export type { RootBuilderOptions } from './root-state.js'
export { type UnpackStats, unpackNotes } from './unpack-stats.js'

const CHUNK_BYTES = 256 * 1024

/** A layer file's bytes, in pieces the size the unpacker reads best. */
export function layerFile(file: string): AsyncIterable<Buffer> {
  return fs.createReadStream(file, { highWaterMark: CHUNK_BYTES })
}

/** Builds one image root from its layers, in order. Call finish() after the last layer. */
export class RootBuilder extends EntryWriter {
  private directoriesBytes: number | undefined
  private checkedEmpty = false

  /** Disk use of the finished root in bytes (allocated blocks; a hard-linked file counted once). */
  get diskUsage(): number {
    if (this.directoriesBytes === undefined)
      throw new Error('the disk use of an image root is known once it is finished')
    return this.directoriesBytes + this.made.filesBytes
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
      // followed download answers only once more of it arrives.
      source.return?.().catch(() => undefined)
    }
  }

  /** What a failure while reading a layer means to the user, in one line. */
  private failure(error: unknown, label: string): unknown {
    const unreadable = (reason: string): ImageError =>
      new ImageError(`${label} is not a readable layer (${reason.slice(0, 100)}); the image cannot be used`)
    const storage = this.options.storage ?? this.root
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

  private async applyTar(source: AsyncIterator<Buffer>, label: string): Promise<void> {
    this.label = label
    const { head, all } = await withHead(source, 4)
    let unzip: NodeJS.ReadWriteStream | undefined
    try {
      unzip = decompressor(detectCompression(head))
    } catch (error) {
      throw error instanceof ImageError ? new ImageError(`${label}: ${error.message}`) : error
    }
    let bytes: AsyncIterable<Buffer> = all
    let feeding: Promise<void> = Promise.resolve()
    let feedingError: { error: unknown } | undefined
    if (unzip) {
      // Its error usually ends the iteration below too, but not when it comes after the tar's end.
      feeding = pipeline(Readable.from(all, { objectMode: false }), unzip).catch((error: unknown) => {
        feedingError = { error }
      })
      bytes = unzip as unknown as AsyncIterable<Buffer>
    }
    const layer = (this.layer = {
      written: new Set<string>(),
      touched: new Set<string>(),
      opaque: new Set<string>(),
      xattrs: new XattrBatch(label)
    })
    try {
      try {
        for await (const entry of readTar(bytes)) await this.applyEntry(entry)
        await this.writes.drain()
      } catch (error) {
        ;(unzip as unknown as Readable | undefined)?.destroy()
        await this.writes.settle()
        await feeding
        throw this.failure(error, label)
      }
      await feeding
      if (feedingError) throw this.failure(feedingError.error, label)
      for (const dir of [...layer.opaque].sort()) await this.makeOpaque(dir)
      const counts = await layer.xattrs.apply(this.root)
      this.stats.xattrsNotAllowed += counts.notAllowed
      this.stats.xattrsWithoutSetfattr += counts.withoutSetfattr
    } finally {
      this.layer = undefined
    }
  }

  /** Removes what lower layers put under `dir`, keeping what this layer wrote there. */
  private async makeOpaque(dir: string): Promise<void> {
    if (dir !== '' && this.made.kind(dir) !== 'directory') return
    const { written, touched } = this.layer!
    const parts = dir === '' ? [] : dir.split('/')
    for (const name of fs.readdirSync(this.abs(parts))) {
      const rel = dir === '' ? name : `${dir}/${name}`
      if (!written.has(rel) && !touched.has(rel)) await this.removeExisting([...parts, name], false)
      else if (this.made.kind(rel) === 'directory') await this.makeOpaque(rel)
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
