/**
 * Looks at a guest path before the guest exists: the guest's `/` is the rootfs, with the
 * workspace shared at its own path. Symlinks are followed as the guest will follow them
 * (an absolute target starts again at the guest's `/`), never as the host would.
 */
import fs from 'node:fs'
import path from 'node:path'

export interface GuestView {
  rootfs: string
  /** The workspace's host path, which is also its guest path; null for none. */
  workspace: string | null
}

const MAX_LINKS = 40

/** Where a normalized absolute guest path lies on the host. */
function hostPathOf(view: GuestView, guestPath: string): string {
  const { workspace } = view
  if (workspace !== null && (guestPath === workspace || guestPath.startsWith(`${workspace}/`))) return guestPath
  return path.join(view.rootfs, guestPath)
}

/** Whether `guestPath` (absolute) is a directory in the guest's view. */
export function isGuestDirectory(view: GuestView, guestPath: string): boolean {
  let pending = guestPath.split('/').filter((part) => part !== '')
  let current = '/'
  let links = 0
  while (pending.length > 0) {
    const part = pending.shift() as string
    if (part === '.') continue
    if (part === '..') {
      current = path.posix.dirname(current)
      continue
    }
    const next = path.posix.join(current, part)
    let stat: fs.Stats
    try {
      stat = fs.lstatSync(hostPathOf(view, next))
    } catch {
      // The init makes the directories leading to the workspace's mount point.
      if (view.workspace === null || !view.workspace.startsWith(`${next}/`)) return false
      current = next
      continue
    }
    if (stat.isSymbolicLink()) {
      if (++links > MAX_LINKS) return false
      const target = fs.readlinkSync(hostPathOf(view, next))
      pending = [...target.split('/').filter((p) => p !== ''), ...pending]
      if (target.startsWith('/')) current = '/'
      continue
    }
    if (!stat.isDirectory()) return false
    current = next
  }
  return true
}
