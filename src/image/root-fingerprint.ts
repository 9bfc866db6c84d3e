/**
 * A fingerprint of an unpacked image root, recorded when it is cached and compared on every use, so
 * that a root changed since (by a guest that could write its base, by anything else of the runner's
 * user) is noticed and pulled again rather than run.
 *
 * It covers the root and the two levels below it (`/etc`, `/etc/passwd`, `/usr/bin`): each entry's
 * inode number, type and mode, owner, link count, size, mtime and ctime. Any change to an inode sets
 * its ctime, which no call can set back, and adding, removing or renaming an entry changes its
 * directory's: so a file planted in any of those directories (`/usr/bin/x`), or one of their entries
 * changed, changes the fingerprint. A file changed in place deeper down does not: walking every inode
 * of a large image costs up to a second on every run, which is why the cache's real guard is that no
 * guest can write it (the base is shared read-only on the host side).
 */
import { createHash } from 'node:crypto'
import fs from 'node:fs'
import { errorCode } from './errors.js'

const DEPTH = 2
const VERSION = 'v1'

function describe(stat: fs.BigIntStats): string {
  return [stat.ino, stat.mode, stat.uid, stat.gid, stat.nlink, stat.size, stat.mtimeNs, stat.ctimeNs].join(' ')
}

/** The fingerprint of the root at `rootfs` as it is now ('v1:<sha256 hex>'). */
export function rootFingerprint(rootfs: string): string {
  const hash = createHash('sha256')
  const visit = (rel: string, depth: number): void => {
    const file = rel === '' ? rootfs : `${rootfs}/${rel}`
    const stat = fs.lstatSync(file, { bigint: true })
    hash.update(`${rel}\0${describe(stat)}\n`)
    if (depth >= DEPTH || !stat.isDirectory()) return
    let names: string[]
    try {
      names = fs.readdirSync(file)
    } catch (error) {
      // A directory the image locks (mode 000) reads the same way every time.
      hash.update(`${rel}\0${errorCode(error)}\n`)
      return
    }
    for (const name of names.sort()) visit(rel === '' ? name : `${rel}/${name}`, depth + 1)
  }
  visit('', 0)
  return `${VERSION}:${hash.digest('hex')}`
}
