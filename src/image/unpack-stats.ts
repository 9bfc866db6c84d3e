/** What an unpacked root lacks of what its layers held, counted while unpacking and told in a line each. */

export interface UnpackStats {
  /** Entries skipped because their path or link pointed outside the root or through a symlink. */
  unsafe: number
  /** Device nodes and FIFOs that could not be made (not root, or no mknod). */
  devices: number
  /** Entries whose owner could not be set (not root). */
  ownership: number
  /** Entries of a kind an image root cannot hold (sparse files, tape volume headers, links to nothing). */
  unsupported: number
  /** Extended attributes the host did not allow (not root, or a filesystem without them). */
  xattrsNotAllowed: number
  /** Extended attributes not set because setfattr is not installed. */
  xattrsWithoutSetfattr: number
  /** Extended attributes an image may not set (outside user, trusted and security; overlay's own; SELinux labels; oversized). */
  xattrsRefused: number
}

function count(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`
}

/** What the unpacked root lacks of what its layers hold, a line each. */
export function unpackNotes(stats: UnpackStats): string[] {
  const notes: string[] = []
  if (stats.unsafe > 0)
    notes.push(
      `skipped ${count(stats.unsafe, 'entry', 'entries')} whose path or link led outside the image root or through a symlink`
    )
  if (stats.unsupported > 0)
    notes.push(
      `skipped ${count(stats.unsupported, 'entry', 'entries')} of a kind an image root cannot hold (sparse files, tape headers, empty links)`
    )
  if (stats.devices > 0)
    notes.push(`${count(stats.devices, 'device node was', 'device nodes were')} not created (that needs root)`)
  if (stats.ownership > 0 && process.getuid?.() !== 0)
    notes.push('file owners were not set (not running as root): every file belongs to the current user')
  if (stats.xattrsWithoutSetfattr > 0)
    notes.push(
      `${count(stats.xattrsWithoutSetfattr, 'extended attribute was', 'extended attributes were')} not set: setfattr is not installed (apt-get install attr)`
    )
  if (stats.xattrsNotAllowed > 0)
    notes.push(
      `${count(stats.xattrsNotAllowed, 'extended attribute was', 'extended attributes were')} not set: this host does not allow them (file capabilities and trusted.* need root)`
    )
  if (stats.xattrsRefused > 0)
    notes.push(
      `${count(stats.xattrsRefused, 'extended attribute was', 'extended attributes were')} left out: an image may set only user.*, trusted.* and security.* ones, never overlayfs's own or SELinux labels`
    )
  return notes
}

export function noStats(): UnpackStats {
  return {
    unsafe: 0,
    devices: 0,
    ownership: 0,
    unsupported: 0,
    xattrsNotAllowed: 0,
    xattrsWithoutSetfattr: 0,
    xattrsRefused: 0
  }
}
