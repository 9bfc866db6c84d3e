/**
 * The image cache. Layout under the caller's cache directory:
 *
 *   roots/sha256-<hex>/rootfs      an unpacked image root, keyed by its platform manifest's digest
 *   roots/sha256-<hex>/image.json  what it is: reference, digests, platform, size, config
 *   roots/sha256-<hex>/last-used   an empty file whose mtime is the last use (for LRU eviction)
 *   blobs/sha256-<hex>             layer blobs as fetched (verified), so a moved tag refetches only new layers
 *   refs/<sha256 of reference and platform>.json   the digest a reference resolved to last time
 *   prepared/<key>/layer.img       a prepare script's layer: a read-only ext4 disk image, keyed by a
 *                                  hash of what made it (engine/prepared-layer.ts); its mtime is its last use
 *   tmp/                           work in progress; renamed into roots/ or blobs/ when complete
 *
 * The cache directory and these four are mode 0700.
 *
 * Everything appears by an atomic rename from tmp/, so a killed pull leaves no half entry, and two
 * processes pulling one image both succeed (the loser of the rename drops its copy and uses the winner's).
 * A published root is never modified; its entry directory is made read-only, and the root's
 * fingerprint (root-fingerprint.ts) is recorded so that a change made anyway is noticed on use.
 */
import { createHash } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { errorCode } from './errors.js'
import type { ImageConfig } from './manifest.js'
import { removeTree } from './tree.js'
import { WorkArea } from './work-area.js'

/** The default cap on the cache's size: 10 GiB. */
export const DEFAULT_MAX_CACHE_BYTES = 10 * 1024 ** 3
/**
 * Entries used this recently are never evicted: another job may be running on them. Six hours is a
 * job's default timeout-minutes (360) and the most a GitHub-hosted job may run.
 */
export const EVICTION_GRACE_MS = 6 * 60 * 60 * 1000
/** The cache's own directories: only its user may enter them. */
const PRIVATE_DIR_MODE = 0o700

export interface RootMetadata {
  /** The platform manifest's digest (the cache key). */
  manifestDigest: string
  /** The digest the reference resolved to (an index's, for a multi-platform image). */
  digest: string
  reference: string
  platform: string
  sizeBytes: number
  layers: string[]
  config: ImageConfig
  created: string
  /** The root's fingerprint when it was cached (root-fingerprint.ts); missing in entries older versions made. */
  fingerprint?: string
}

interface CacheItem {
  kind: 'root' | 'blob' | 'prepared'
  key: string
  path: string
  size: number
  used: number
}

const EVICTION_ORDER: Record<CacheItem['kind'], number> = { blob: 0, prepared: 1, root: 2 }

export interface RefRecord {
  reference: string
  platform: string
  digest: string
  manifestDigest: string
  updated: string
}

function hex(digest: string): string {
  return digest.replace(/^sha256:/, '')
}

export class ImageCache {
  readonly roots: string
  readonly blobs: string
  readonly refs: string
  readonly tmp: string
  readonly prepared: string
  private readonly work: WorkArea

  constructor(readonly dir: string) {
    this.roots = path.join(dir, 'roots')
    this.blobs = path.join(dir, 'blobs')
    this.refs = path.join(dir, 'refs')
    this.tmp = path.join(dir, 'tmp')
    this.prepared = path.join(dir, 'prepared')
    this.work = new WorkArea(this.tmp)
  }

  /**
   * Makes the cache's directories, private to the user running the pull (older caches made them
   * 0755 and are tightened): roots made as root hold images' setuid binaries and device nodes, and
   * a private image's files are no one else's to read.
   */
  async init(): Promise<void> {
    for (const dir of [this.dir, this.roots, this.blobs, this.refs, this.tmp, this.prepared]) {
      await fs.promises.mkdir(dir, { recursive: true, mode: PRIVATE_DIR_MODE })
      if (((await fs.promises.stat(dir)).mode & 0o7777) !== PRIVATE_DIR_MODE)
        await fs.promises.chmod(dir, PRIVATE_DIR_MODE)
    }
    await this.removeStaleTemps()
  }

  /** A new name in tmp/ that says which process (its pid and start time) of which host owns it. */
  tempPath(kind: string): string {
    return this.work.path(kind)
  }

  /**
   * Removes the temporary entries whose process is gone (a pull killed outright leaves its half
   * unpacked root) and any a day old.
   */
  async removeStaleTemps(): Promise<void> {
    await this.work.removeStale()
  }

  entryDir(manifestDigest: string): string {
    return path.join(this.roots, `sha256-${hex(manifestDigest)}`)
  }

  blobPath(digest: string): string {
    return path.join(this.blobs, `sha256-${hex(digest)}`)
  }

  /** The cached root for a manifest digest, if one is published and intact. */
  async findRoot(manifestDigest: string): Promise<{ rootfs: string; metadata: RootMetadata } | undefined> {
    const entry = this.entryDir(manifestDigest)
    try {
      const metadata = JSON.parse(await fs.promises.readFile(path.join(entry, 'image.json'), 'utf8')) as RootMetadata
      const rootfs = path.join(entry, 'rootfs')
      if (!(await fs.promises.lstat(rootfs)).isDirectory()) return undefined
      return { rootfs, metadata }
    } catch {
      return undefined
    }
  }

  /** Marks a root as used now (LRU). */
  async touchRoot(manifestDigest: string): Promise<void> {
    const now = new Date()
    // The mark only orders eviction: a root that cannot be marked is at worst evicted sooner.
    await fs.promises.utimes(path.join(this.entryDir(manifestDigest), 'last-used'), now, now).catch(() => undefined)
  }

  async hasBlob(digest: string, size: number): Promise<boolean> {
    try {
      const stat = await fs.promises.stat(this.blobPath(digest))
      if (stat.size !== size) return false
      const now = new Date()
      await fs.promises.utimes(this.blobPath(digest), now, now)
      return true
    } catch {
      return false
    }
  }

  async publishBlob(tempFile: string, digest: string): Promise<void> {
    await fs.promises.chmod(tempFile, 0o444)
    await fs.promises.rename(tempFile, this.blobPath(digest))
  }

  /**
   * Moves a finished entry (a directory holding rootfs/, image.json and last-used) into roots/.
   * Returns false when another process published the same digest first; the temporary copy is then removed.
   */
  async publishRoot(tempEntry: string, manifestDigest: string): Promise<boolean> {
    const final = this.entryDir(manifestDigest)
    for (let attempt = 0; ; attempt++) {
      try {
        await fs.promises.rename(tempEntry, final)
        await fs.promises.chmod(final, 0o555)
        return true
      } catch (error) {
        if (errorCode(error) !== 'ENOTEMPTY' && errorCode(error) !== 'EEXIST') throw error
      }
      if ((await this.findRoot(manifestDigest)) || attempt > 0) {
        await removeTree(tempEntry)
        return false
      }
      // Something unreadable sits there (not made by this module): set it aside and try once more.
      await this.discardEntry(final)
    }
  }

  /** Removes a published root (one found changed since it was cached). */
  async discardRoot(manifestDigest: string): Promise<void> {
    await this.discardEntry(this.entryDir(manifestDigest))
  }

  private async discardEntry(entry: string): Promise<void> {
    await fs.promises.chmod(entry, 0o755).catch(() => undefined) // the rename below reports what matters
    const aside = this.tempPath('evict')
    try {
      await fs.promises.rename(entry, aside)
    } catch (error) {
      if (errorCode(error) === 'ENOENT') return
      throw error
    }
    await removeTree(aside)
  }

  /** A prepared layer's disk image (engine/prepared-layer.ts stores and finds them). */
  preparedLayerPath(key: string): string {
    return path.join(this.prepared, key, 'layer.img')
  }

  private recordFile(reference: string, platform: string): string {
    return path.join(this.refs, `${createHash('sha256').update(`${reference}\n${platform}`).digest('hex')}.json`)
  }

  async readRecord(reference: string, platform: string): Promise<RefRecord | undefined> {
    try {
      const record = JSON.parse(await fs.promises.readFile(this.recordFile(reference, platform), 'utf8')) as RefRecord
      return record.reference === reference && record.platform === platform ? record : undefined
    } catch {
      return undefined
    }
  }

  async writeRecord(record: RefRecord): Promise<void> {
    const temp = this.tempPath('ref')
    await fs.promises.writeFile(temp, JSON.stringify(record, null, 2) + '\n', { mode: 0o644 })
    await fs.promises.rename(temp, this.recordFile(record.reference, record.platform))
  }

  /** Total size of roots and blobs, as recorded (roots) and stat'ed (blobs). */
  private async inventory(): Promise<CacheItem[]> {
    const items: CacheItem[] = []
    for (const name of await fs.promises.readdir(this.roots).catch(() => [] as string[])) {
      const entry = path.join(this.roots, name)
      const digest = `sha256:${name.replace(/^sha256-/, '')}`
      const found = await this.findRoot(digest)
      const used = await fs.promises.stat(path.join(entry, 'last-used')).then(
        (s) => s.mtimeMs,
        () => 0
      )
      items.push({ kind: 'root', key: digest, path: entry, size: found?.metadata.sizeBytes ?? 0, used })
    }
    for (const name of await fs.promises.readdir(this.blobs).catch(() => [] as string[])) {
      const file = path.join(this.blobs, name)
      const stat = await fs.promises.stat(file).catch(() => undefined) // undefined: evicted meanwhile by another pull
      if (stat)
        items.push({
          kind: 'blob',
          key: `sha256:${name.replace(/^sha256-/, '')}`,
          path: file,
          size: stat.size,
          used: stat.mtimeMs
        })
    }
    for (const name of await fs.promises.readdir(this.prepared).catch(() => [] as string[])) {
      // The space a sparse disk image takes, not its size.
      const stat = await fs.promises.stat(this.preparedLayerPath(name)).catch(() => undefined)
      const entry = path.join(this.prepared, name)
      items.push({
        kind: 'prepared',
        key: name,
        path: entry,
        size: (stat?.blocks ?? 0) * 512,
        used: stat?.mtimeMs ?? 0
      })
    }
    return items
  }

  /**
   * Least-recently-used eviction down to `maxBytes`: layer blobs first (a root is worth more than
   * the blobs it was made from), then prepared layers (made again by one run), then roots. Never evicts what `keep` names, nor anything used
   * within `graceMs`. Returns what it removed.
   */
  async evict(
    maxBytes: number,
    keep: Set<string>,
    graceMs = EVICTION_GRACE_MS
  ): Promise<{ removed: string[]; freedBytes: number }> {
    const removed: string[] = []
    let freedBytes = 0
    if (!Number.isFinite(maxBytes)) return { removed, freedBytes }
    const items = await this.inventory()
    let total = items.reduce((sum, item) => sum + item.size, 0)
    if (total <= maxBytes) return { removed, freedBytes }
    const now = Date.now()
    const candidates = items
      .filter((item) => !keep.has(item.key) && now - item.used >= graceMs)
      .sort((a, b) => (a.kind === b.kind ? a.used - b.used : EVICTION_ORDER[a.kind] - EVICTION_ORDER[b.kind]))
    for (const item of candidates) {
      if (total <= maxBytes) break
      if (item.kind === 'blob') await fs.promises.rm(item.path, { force: true })
      else await this.discardEntry(item.path)
      total -= item.size
      freedBytes += item.size
      removed.push(item.key)
    }
    return { removed, freedBytes }
  }
}
