/**
 * Applies image layers (tar, gzip or zstd) to a root directory with the OCI rules: whiteouts, opaque
 * directories, hard links, symlinks, modes, mtimes and, where the user may, ownership and device nodes.
 *
 * Safety: every entry's path is resolved component by component with lstat; no symlink is ever followed
 * while writing. An entry whose path holds `..`, or whose parent is a symlink or a file, is skipped, as is
 * a hard link to such a path, so nothing lands outside the root whatever the layer says. Files are opened
 * with O_EXCL | O_NOFOLLOW after whatever stood at their path was removed.
 */
import { execFile } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import type { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { promisify } from 'node:util'
import zlib from 'node:zlib'
import tar from 'tar-stream'
import { ImageError } from './errors.js'

export type Compression = 'gzip' | 'zstd' | 'none'

type Entry = Readable & { header: tar.Header }

const WHITEOUT = '.wh.'
const OPAQUE = '.wh..wh..opq'

/** Picks the decompressor from the first bytes (the media type only has to name a tar layer). */
export function detectCompression(head: Buffer): Compression {
  if (head.length >= 2 && head[0] === 0x1f && head[1] === 0x8b) return 'gzip'
  if (head.length >= 4 && head.readUInt32LE(0) === 0xfd2fb528) return 'zstd'
  return 'none'
}

/** Is this media type a filesystem layer (tar, possibly compressed)? Empty counts as yes. */
export function isLayerMediaType(mediaType: string): boolean {
  if (mediaType === '') return true
  if (/encrypted/.test(mediaType)) return false
  return /\.(?:tar|diff\.tar)(?:\.gzip|\.zstd|\+gzip|\+zstd)?$/.test(mediaType) || /rootfs\.diff\.tar/.test(mediaType)
}

function decompressor(compression: Compression): NodeJS.ReadWriteStream | undefined {
  if (compression === 'gzip') return zlib.createGunzip()
  if (compression === 'zstd') {
    const create = (zlib as unknown as { createZstdDecompress?: () => NodeJS.ReadWriteStream }).createZstdDecompress
    if (typeof create !== 'function') {
      throw new ImageError(
        `zstd-compressed layers need Node 22.15 or newer (this is Node ${process.versions.node}); run the action on a newer Node`
      )
    }
    return create()
  }
  return undefined
}

interface DirMeta {
  mode: number
  mtime: Date
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
}

const execFileAsync = promisify(execFile)

/**
 * Makes a FIFO or device node with the system's mknod program: Node has no mknod, and
 * native calls stay in the VM process. False when it cannot (not root, or no mknod).
 */
async function makeNode(
  file: string,
  type: 'fifo' | 'character-device' | 'block-device',
  mode: number,
  major: number,
  minor: number
): Promise<boolean> {
  const args = ['-m', (mode & 0o777).toString(8), file]
  if (type === 'fifo') args.push('p')
  else args.push(type === 'block-device' ? 'b' : 'c', String(major), String(minor))
  try {
    await execFileAsync('mknod', args, { timeout: 10_000 })
    return true
  } catch {
    return false
  }
}

function code(error: unknown): string | undefined {
  return (error as NodeJS.ErrnoException)?.code
}

/** Splits a tar path into components; undefined when it tries to climb out with `..`. */
export function entryParts(name: string): string[] | undefined {
  if (name.includes('\0')) return undefined
  const parts = name.split('/').filter((p) => p !== '' && p !== '.')
  return parts.includes('..') ? undefined : parts
}

/** Builds one image root from its layers, in order. Call finish() after the last layer. */
export class RootBuilder {
  readonly stats: UnpackStats = { unsafe: 0, devices: 0, ownership: 0 }
  private readonly dirMeta = new Map<string, DirMeta>()
  private readonly knownDirs = new Set<string>()
  private readonly isRoot = process.getuid?.() === 0

  constructor(readonly root: string) {}

  private abs(parts: string[]): string {
    return path.join(this.root, ...parts)
  }

  /**
   * Checks that every parent of `parts` is a real directory (never a symlink), creating missing ones
   * when `create` is set. Returns false when the path would go through a symlink or a file.
   */
  private async parentsSafe(parts: string[], create: boolean): Promise<boolean> {
    for (let i = 1; i < parts.length; i++) {
      const rel = parts.slice(0, i).join('/')
      if (this.knownDirs.has(rel)) continue
      const dir = this.abs(parts.slice(0, i))
      let stat: fs.Stats | undefined
      try {
        stat = fs.lstatSync(dir)
      } catch (error) {
        if (code(error) !== 'ENOENT') throw error
      }
      if (!stat) {
        if (!create) return false
        fs.mkdirSync(dir, { mode: 0o755 })
      } else if (!stat.isDirectory()) {
        return false
      }
      this.knownDirs.add(rel)
    }
    return true
  }

  private async removeExisting(parts: string[], keepDirectory: boolean): Promise<'absent' | 'directory' | 'removed'> {
    const file = this.abs(parts)
    let stat: fs.Stats
    try {
      stat = fs.lstatSync(file)
    } catch (error) {
      if (code(error) === 'ENOENT') return 'absent'
      throw error
    }
    if (stat.isDirectory()) {
      if (keepDirectory) return 'directory'
      await removeTree(file)
      this.knownDirs.clear()
    } else {
      fs.unlinkSync(file)
    }
    return 'removed'
  }

  private async setOwner(file: string, uid: number, gid: number): Promise<void> {
    if (!this.isRoot) {
      this.stats.ownership++
      return
    }
    try {
      fs.lchownSync(file, uid, gid)
    } catch (error) {
      if (code(error) !== 'EPERM' && code(error) !== 'EINVAL') throw error
      this.stats.ownership++
    }
  }

  /** Applies one layer file. `label` names it in errors ('layer 2/5 sha256:…'). */
  async applyLayer(file: string, label: string): Promise<void> {
    const head = Buffer.alloc(4)
    const fd = await fs.promises.open(file, 'r')
    try {
      await fd.read(head, 0, 4, 0)
    } finally {
      await fd.close()
    }
    let unzip: NodeJS.ReadWriteStream | undefined
    try {
      unzip = decompressor(detectCompression(head))
    } catch (error) {
      throw error instanceof ImageError ? new ImageError(`${label}: ${error.message}`) : error
    }
    const extract = tar.extract()
    const source = fs.createReadStream(file)
    let feedError: Error | undefined
    const feeding = (unzip ? pipeline(source, unzip, extract) : pipeline(source, extract)).catch((error: unknown) => {
      feedError = error instanceof Error ? error : new Error(String(error))
      extract.destroy(feedError)
    })
    const unreadable = (reason: string): ImageError =>
      new ImageError(`${label} is not a readable layer (${reason.slice(0, 100)}); the image cannot be used`)
    const written = new Set<string>()
    const touched = new Set<string>()
    const opaque = new Set<string>()
    try {
      for await (const entry of extract as unknown as AsyncIterable<Entry>) {
        await this.applyEntry(entry, written, touched, opaque)
        entry.resume()
      }
    } catch (error) {
      if (error instanceof ImageError) throw error
      await feeding
      if (feedError) throw unreadable(feedError.message)
      if (!code(error)) throw unreadable((error as Error)?.message ?? String(error))
      throw error
    }
    await feeding
    if (feedError) throw unreadable(feedError.message)
    for (const dir of [...opaque].sort()) await this.makeOpaque(dir, written, touched)
  }

  private async applyEntry(
    entry: Entry,
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
      if (!(await this.parentsSafe(parts, false))) return
      if (base === OPAQUE) {
        opaque.add(parent.join('/'))
      } else if (!base.startsWith(`${WHITEOUT}${WHITEOUT}`)) {
        const target = [...parent, base.slice(WHITEOUT.length)]
        if (target[target.length - 1] === '' || written.has(target.join('/'))) return
        await this.removeExisting(target, false)
      }
      return
    }

    const mark = (): void => {
      written.add(rel)
      for (let i = 1; i < parts.length; i++) touched.add(parts.slice(0, i).join('/'))
    }
    const mode = header.mode & 0o7777
    const mtime = header.mtime ?? new Date(0)

    if (parts.length === 0) {
      if (header.type === 'directory') this.dirMeta.set('', { mode, mtime, uid: header.uid, gid: header.gid })
      return
    }
    if (!(await this.parentsSafe(parts, true))) {
      this.stats.unsafe++
      return
    }
    const file = this.abs(parts)

    switch (header.type) {
      case 'directory': {
        if ((await this.removeExisting(parts, true)) !== 'directory') await fs.promises.mkdir(file, { mode: 0o755 })
        this.dirMeta.set(rel, { mode, mtime, uid: header.uid, gid: header.gid })
        this.knownDirs.add(rel)
        mark()
        return
      }
      case 'file':
      case 'contiguous-file': {
        await this.removeExisting(parts, false)
        const { O_WRONLY, O_CREAT, O_EXCL, O_NOFOLLOW } = fs.constants
        // Synchronous calls: one small file after another, each async call would wait on the thread pool.
        const fd = fs.openSync(file, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW, 0o600)
        try {
          for await (const chunk of entry as AsyncIterable<Buffer>) {
            for (let done = 0; done < chunk.length;) done += fs.writeSync(fd, chunk, done)
          }
          if (this.isRoot) {
            try {
              fs.fchownSync(fd, header.uid, header.gid)
            } catch (error) {
              if (code(error) !== 'EPERM' && code(error) !== 'EINVAL') throw error
              this.stats.ownership++
            }
          } else {
            this.stats.ownership++
          }
          fs.fchmodSync(fd, mode)
          fs.futimesSync(fd, mtime, mtime)
        } finally {
          fs.closeSync(fd)
        }
        mark()
        return
      }
      case 'symlink': {
        await this.removeExisting(parts, false)
        await fs.promises.symlink(header.linkname, file)
        await this.setOwner(file, header.uid, header.gid)
        await fs.promises.lutimes(file, mtime, mtime)
        mark()
        return
      }
      case 'link': {
        const target = entryParts(header.linkname ?? '')
        if (!target || target.length === 0 || !(await this.parentsSafe(target, false))) {
          this.stats.unsafe++
          return
        }
        const source = this.abs(target)
        let stat: fs.Stats
        try {
          stat = await fs.promises.lstat(source)
        } catch {
          this.stats.unsafe++
          return
        }
        if (stat.isDirectory()) {
          this.stats.unsafe++
          return
        }
        if (target.join('/') === rel) return
        await this.removeExisting(parts, false)
        await fs.promises.link(source, file)
        mark()
        return
      }
      case 'character-device':
      case 'block-device':
      case 'fifo': {
        await this.removeExisting(parts, false)
        const made =
          (header.type === 'fifo' || this.isRoot) &&
          (await makeNode(file, header.type, mode, header.devmajor ?? 0, header.devminor ?? 0))
        if (!made) {
          this.stats.devices++
          return
        }
        await this.setOwner(file, header.uid, header.gid)
        await fs.promises.chmod(file, mode)
        await fs.promises.utimes(file, mtime, mtime)
        mark()
        return
      }
      default:
        return
    }
  }

  /** Removes what lower layers put under `dir`, keeping what this layer wrote there. */
  private async makeOpaque(dir: string, written: Set<string>, touched: Set<string>): Promise<void> {
    const parts = dir === '' ? [] : dir.split('/')
    let names: string[]
    try {
      const stat = await fs.promises.lstat(this.abs(parts))
      if (!stat.isDirectory()) return
      names = await fs.promises.readdir(this.abs(parts))
    } catch {
      return
    }
    for (const name of names) {
      const rel = dir === '' ? name : `${dir}/${name}`
      if (written.has(rel) || touched.has(rel)) {
        const stat = await fs.promises.lstat(this.abs([...parts, name]))
        if (stat.isDirectory()) await this.makeOpaque(rel, written, touched)
        continue
      }
      await removeTree(this.abs([...parts, name]))
      this.knownDirs.clear()
    }
  }

  /** Sets the directories' modes, owners and mtimes, deepest first (so children do not bump them). */
  async finish(): Promise<void> {
    const dirs = [...this.dirMeta.entries()].sort(
      (a, b) => b[0].split('/').length - a[0].split('/').length || (a[0] < b[0] ? 1 : -1)
    )
    for (const [rel, meta] of dirs) {
      const dir = rel === '' ? this.root : this.abs(rel.split('/'))
      try {
        if (!(await fs.promises.lstat(dir)).isDirectory()) continue
      } catch {
        continue
      }
      await this.setOwner(dir, meta.uid, meta.gid)
      await fs.promises.chmod(dir, meta.mode)
      await fs.promises.utimes(dir, meta.mtime, meta.mtime)
    }
    if (!this.dirMeta.has('')) await fs.promises.chmod(this.root, 0o755)
  }
}

/** Removes a tree even where its directories lack write permission (images may ship such). */
export async function removeTree(target: string): Promise<void> {
  try {
    await fs.promises.rm(target, { recursive: true, force: true })
    return
  } catch (error) {
    if (code(error) !== 'EACCES' && code(error) !== 'EPERM') throw error
  }
  const open = async (dir: string): Promise<void> => {
    let stat: fs.Stats
    try {
      stat = await fs.promises.lstat(dir)
    } catch {
      return
    }
    if (!stat.isDirectory()) return
    await fs.promises.chmod(dir, 0o700).catch(() => undefined)
    for (const name of await fs.promises.readdir(dir).catch(() => [] as string[])) await open(path.join(dir, name))
  }
  await open(target)
  await fs.promises.rm(target, { recursive: true, force: true })
}

/** Disk use of a tree in bytes (allocated blocks; hard-linked files counted once). */
export async function diskUsage(root: string): Promise<number> {
  const seen = new Set<string>()
  let total = 0
  const walk = async (dir: string): Promise<void> => {
    const entries = fs.readdirSync(dir, { withFileTypes: true })
    for (const entry of entries) {
      const file = path.join(dir, entry.name)
      const stat = fs.lstatSync(file)
      if (stat.nlink > 1 && !stat.isDirectory()) {
        const key = `${stat.dev}:${stat.ino}`
        if (seen.has(key)) continue
        seen.add(key)
      }
      total += stat.blocks * 512
      if (stat.isDirectory()) await walk(file)
    }
  }
  total += (await fs.promises.lstat(root)).blocks * 512
  await walk(root)
  return total
}
