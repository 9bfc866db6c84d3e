/**
 * A cache's tmp/ directory: work in progress is made there and renamed into place when
 * complete. Each name says which process of which host made it, so that what a dead process
 * of this host left behind, or anything a day old, is removed when the cache is next opened.
 */
import { createHash } from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { errorCode } from './errors.js'
import { removeTree } from './tree.js'

/** Leftovers older than this are removed whoever made them (another host sharing the cache, a reused pid). */
const STALE_MS = 24 * 60 * 60 * 1000

const HOST_TAG = createHash('sha256').update(os.hostname()).digest('hex').slice(0, 8)

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return errorCode(error) === 'EPERM'
  }
}

export class WorkArea {
  constructor(readonly dir: string) {}

  /** A new name in the work area that says which process of which host owns it. */
  path(kind: string): string {
    return path.join(this.dir, `${kind}-${HOST_TAG}-${process.pid}-${Math.random().toString(36).slice(2, 10)}`)
  }

  async removeStale(): Promise<void> {
    const now = Date.now()
    for (const name of await fs.promises.readdir(this.dir).catch(() => [] as string[])) {
      const match = /^[a-z]+-([0-9a-f]{8})-(\d+)-/.exec(name)
      const file = path.join(this.dir, name)
      const stat = await fs.promises.lstat(file).catch(() => undefined)
      if (!stat) continue
      const deadHere = match !== null && match[1] === HOST_TAG && !alive(Number(match[2]))
      if (deadHere || now - stat.mtimeMs > STALE_MS) await removeTree(file).catch(() => undefined)
    }
  }
}
