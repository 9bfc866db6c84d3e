/**
 * The libkrun cache. Layout under the caller's cache directory (mode 0700, as tmp/):
 *
 *   <sha256 hex>/   an unpacked archive, keyed by the digest of the archive it came from
 *   tmp/            work in progress: the download and the tree unpacked from it
 *
 * An entry appears only by renaming a complete, checked tree from tmp/, so nothing half
 * unpacked is ever used, and two first uses at once both end with the same entry: the loser
 * of the rename drops its copy and uses the winner's.
 */
import fs from 'node:fs'
import path from 'node:path'
import { errorCode } from '../image/errors.js'
import { removeTree } from '../image/tree.js'
import { WorkArea } from '../image/work-area.js'
import { publishedLibrary } from './layout.js'

const PRIVATE_DIR_MODE = 0o700

export class LibkrunStore {
  readonly work: WorkArea

  constructor(readonly dir: string) {
    this.work = new WorkArea(path.join(dir, 'tmp'))
  }

  async init(): Promise<void> {
    for (const dir of [this.dir, this.work.dir]) {
      await fs.promises.mkdir(dir, { recursive: true, mode: PRIVATE_DIR_MODE })
      if (((await fs.promises.stat(dir)).mode & 0o7777) !== PRIVATE_DIR_MODE)
        await fs.promises.chmod(dir, PRIVATE_DIR_MODE)
    }
    await this.work.removeStale()
  }

  entry(sha256: string): string {
    return path.join(this.dir, sha256)
  }

  /** libkrun.so.1 in the entry for this digest, when one is published. */
  find(sha256: string): string | undefined {
    return publishedLibrary(this.dir, sha256)
  }

  /**
   * Renames a finished tree into place. False when another process published the same digest
   * first: the tree is then removed and the other one is used.
   */
  async publish(tree: string, sha256: string): Promise<boolean> {
    const final = this.entry(sha256)
    for (let attempt = 0; ; attempt++) {
      try {
        await fs.promises.rename(tree, final)
        await fs.promises.chmod(final, 0o555)
        return true
      } catch (error) {
        if (!['ENOTEMPTY', 'EEXIST', 'ENOTDIR'].includes(errorCode(error) ?? '')) throw error
      }
      if (this.find(sha256) || attempt > 0) {
        await removeTree(tree)
        return false
      }
      // Something else sits there (not made by this module): set it aside and try once more. Each
      // step may fail (another process got there first): the second attempt reports what is wrong.
      const aside = this.work.path('aside')
      await fs.promises.chmod(final, 0o755).catch(() => undefined)
      await fs.promises.rename(final, aside).catch(() => undefined)
      await removeTree(aside).catch(() => undefined)
    }
  }
}
