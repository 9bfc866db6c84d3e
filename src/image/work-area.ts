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

/**
 * When a process started, in clock ticks after boot (field 22 of /proc/<pid>/stat), which tells it
 * from a later process given the same pid; undefined when it cannot be read.
 */
function startTime(pid: number): string | undefined {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8')
    // The command name (field 2) may hold spaces and parentheses: the fields after it follow the last ')'.
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19]
  } catch {
    return undefined
  }
}

const OWN_START = startTime(process.pid) ?? '0'

/** Is the process that named an entry still running? A pid given to another process since does not count. */
function ownerAlive(pid: number, started: string | undefined): boolean {
  try {
    process.kill(pid, 0)
  } catch (error) {
    if (errorCode(error) !== 'EPERM') return false
  }
  if (started === undefined) return true // named by an older version, which recorded no start time
  const now = startTime(pid)
  return now === undefined || now === started
}

export class WorkArea {
  constructor(readonly dir: string) {}

  /** A new name in the work area that says which process (its pid and start time) of which host owns it. */
  path(kind: string): string {
    const owner = `${HOST_TAG}-${process.pid}-${OWN_START}`
    return path.join(this.dir, `${kind}-${owner}-${Math.random().toString(36).slice(2, 10)}`)
  }

  async removeStale(): Promise<void> {
    const now = Date.now()
    for (const name of await fs.promises.readdir(this.dir).catch(() => [] as string[])) {
      const match = /^[a-z]+-([0-9a-f]{8})-(\d+)-(?:(\d+)-)?[0-9a-z]+$/.exec(name)
      const file = path.join(this.dir, name)
      const stat = await fs.promises.lstat(file).catch(() => undefined)
      if (!stat) continue // gone already: another process swept it
      const deadHere = match !== null && match[1] === HOST_TAG && !ownerAlive(Number(match[2]), match[3])
      // What cannot be removed now is tried again on the next sweep.
      if (deadHere || now - stat.mtimeMs > STALE_MS) await removeTree(file).catch(() => undefined)
    }
  }
}
