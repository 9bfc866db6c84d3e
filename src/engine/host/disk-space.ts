/** Whether a file system has room left for the guest init's small records. */
import fs from 'node:fs'

/** Less free space than this cannot be relied on to hold a record (one block or so). */
const MIN_FREE_BYTES = 64 * 1024

export function isDiskFull(dir: string): boolean {
  try {
    const stats = fs.statfsSync(dir)
    return stats.bavail * stats.bsize < MIN_FREE_BYTES || stats.ffree === 0
  } catch {
    return false
  }
}
