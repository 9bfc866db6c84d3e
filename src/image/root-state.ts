/**
 * What a RootBuilder knows of the root it is making, and the moves every kind of entry is made
 * with: checking (and making) parents, removing what stands at a path, charging the unpack budget,
 * setting owners, queueing extended attributes.
 *
 * Every entry's path is resolved component by component against what the builder has made in the
 * root (root-index.ts), so no symlink is ever followed while writing. Every change to a path that
 * already exists goes through removeExisting(), which first lets whatever is still being made at that
 * path, or under that directory, finish (file-writes.ts): so no file is ever created through a
 * directory that a later entry replaced with a symlink.
 */
import fs from 'node:fs'
import { ImageError, errorCode } from './errors.js'
import { FileWrites } from './file-writes.js'
import { formatBytes } from './progress.js'
import { RootIndex } from './root-index.js'
import type { TarHeader } from './tar-reader.js'
import { removeTree } from './tree.js'
import { type UnpackBudget, entryCost } from './unpack-budget.js'
import { type UnpackStats, noStats } from './unpack-stats.js'
import type { XattrBatch } from './xattr-batch.js'
import { MAX_VALUE_BYTES, isImageXattr } from './xattrs.js'

export interface DirMeta {
  mode: number
  mtime: number
  uid: number
  gid: number
}

export interface RootBuilderOptions {
  /** What all the layers together may take on disk (unpack-budget.ts); no limit when unset. */
  budget?: UnpackBudget
  /** The directory named when the disk is full or a path too long: the image cache's, by default the root. */
  storage?: string
}

/** What the layer being applied has done so far, for its whiteouts and opaque directories. */
export interface LayerMarks {
  /** Paths this layer made. */
  written: Set<string>
  /** Directories above a path this layer made. */
  touched: Set<string>
  /** Directories this layer made opaque (applied once the layer is read). */
  opaque: Set<string>
  /** The attributes this layer has yet to set. */
  xattrs: XattrBatch
}

export class RootState {
  readonly stats: UnpackStats = noStats()
  protected readonly dirMeta = new Map<string, DirMeta>()
  protected readonly made = new RootIndex()
  protected readonly writes = new FileWrites()
  protected readonly isRoot = process.getuid?.() === 0
  /** The layer being applied; set for the length of applyLayer. */
  protected layer: LayerMarks | undefined
  /** The layer being applied, as errors name it. */
  protected label = ''
  /** What the entries so far take on disk, as the budget counts it. */
  private unpacked = 0

  constructor(
    readonly root: string,
    protected readonly options: RootBuilderOptions = {}
  ) {}

  /** Counts what an entry about to be made takes; throws once the layers together take more than the budget. */
  protected charge(type: Parameters<typeof entryCost>[0], size = 0): void {
    this.unpacked += entryCost(type, size)
    const budget = this.options.budget
    if (budget && this.unpacked > budget.bytes) {
      throw new ImageError(
        `${this.label}: the image unpacks to more than ${formatBytes(budget.bytes)}, ${budget.reason}; the image cannot be used`
      )
    }
  }

  protected abs(parts: string[]): string {
    return parts.length === 0 ? this.root : `${this.root}/${parts.join('/')}` // parts are normalized (entryParts)
  }

  /**
   * Checks that every parent of `parts` is a real directory (never a symlink), creating missing ones
   * when `create` is set. Returns false when the path would go through a symlink or a file.
   */
  protected parentsSafe(parts: string[], create: boolean): boolean {
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
  protected async removeExisting(parts: string[], keepDirectory: boolean): Promise<'absent' | 'directory' | 'removed'> {
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
      this.layer?.xattrs.forget(gone)
    }
    return 'removed'
  }

  /** Runs an ownership change where the user may (root); counts it as not done where not. */
  protected own(change: () => void): void {
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
  protected queueXattrs(rel: string, header: TarHeader, recordUse?: (bytes: number) => void): void {
    const fit = new Map<string, Buffer>()
    for (const [name, value] of header.xattrs) {
      if (isImageXattr(name) && value.length <= MAX_VALUE_BYTES) fit.set(name, value)
      else this.stats.xattrsRefused++
    }
    const remeasure = recordUse && ((name: string) => recordUse(fs.lstatSync(this.abs(name.split('/'))).blocks * 512))
    this.layer!.xattrs.add(rel, fit, remeasure)
  }

  /** Records that this layer wrote `rel`, and that it touched every directory above it. */
  protected markWritten(rel: string): void {
    const { written, touched } = this.layer!
    written.add(rel)
    for (let end = rel.lastIndexOf('/'); end > 0; end = rel.lastIndexOf('/', end - 1)) {
      const dir = rel.slice(0, end)
      if (touched.has(dir)) return // and so is everything above it
      touched.add(dir)
    }
  }
}
