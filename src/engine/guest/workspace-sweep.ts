/**
 * What the guest left in the workspace that later steps on the host could use against it,
 * beyond the files it may change anyway: device nodes (a world-writable node of the host's
 * disk gives every user the disk) and set-user-ID or set-group-ID files (run as their owner,
 * root when the runner is root, by whoever starts them). After the run, such entries that the
 * run created or changed are removed (devices) or lose those bits (files).
 *
 * The VM process has ended when this runs, so no guest swaps an entry between a check and
 * what is done to it. The walk never follows a link (every entry is lstat'ed, and only real
 * directories are entered), stays on the workspace's file system, opens no entry but
 * directories (a FIFO or a device could block or act when opened), and stops after
 * MAX_ENTRIES entries, saying so.
 *
 * FIFOs and sockets stay: once the guest is gone, a FIFO connects to nothing and a socket
 * to no listener, so neither gives more than the files the guest may already change; and
 * builds make them.
 */
import fs from 'node:fs'
import path from 'node:path'
import { errorText } from '../errors.js'
import { visible } from '../../text/visible.js'

/** Bounds the work after each run (an lstat an entry); a checkout bigger than this is rare. */
export const MAX_ENTRIES = 1_000_000
/** How many entries that could not be dealt with are named; the rest are counted. */
const NAMED_FAILURES = 3
const SET_ID_BITS = 0o6000
const NS_PER_S = 1_000_000_000n

export interface WorkspaceSweep {
  devicesRemoved: number
  setIdCleared: number
  /** Entries that could not be read, removed or changed: `path (ERRNO)`, the first few only. */
  failures: string[]
  failureCount: number
  /** The bound of entries, when the walk reached it before the end. */
  stoppedAfter: number | undefined
}

/**
 * The moment a run starts, as the file systems stamp it: the ctime of a file just written.
 * The kernel's coarse clock stamps ctimes, so it is the same clock the workspace's ctimes come from.
 */
export function changeStamp(file: string): bigint {
  return fs.lstatSync(file, { bigint: true }).ctimeNs
}

/**
 * Whether an entry was created or changed (mode, owner, content, name, links) since `since`:
 * the kernel sets ctime on every such change, and nothing can set it back. A file system that
 * keeps whole seconds (ext4 with small inodes) stamps a change in the run's first second
 * before `since`, which its ctime's zero nanoseconds give away.
 */
export function changedSince(ctimeNs: bigint, since: bigint): boolean {
  if (ctimeNs >= since) return true
  return ctimeNs % NS_PER_S === 0n && ctimeNs >= since - (since % NS_PER_S)
}

/** Walks `workspace` (absolute, real) and deals with what the run left since `since`. */
export function sweepWorkspace(workspace: string, since: bigint, maxEntries = MAX_ENTRIES): WorkspaceSweep {
  const sweep: WorkspaceSweep = {
    devicesRemoved: 0,
    setIdCleared: 0,
    failures: [],
    failureCount: 0,
    stoppedAfter: undefined
  }
  const failed = (relative: string, error: unknown) => {
    if (sweep.failureCount++ < NAMED_FAILURES) sweep.failures.push(`${visible(relative)} (${errorText(error)})`)
  }
  let device: bigint
  try {
    device = fs.lstatSync(workspace, { bigint: true }).dev
  } catch (error) {
    failed('.', error)
    return sweep
  }
  const pending = ['']
  let seen = 0
  while (pending.length > 0) {
    const directory = pending.pop() as string
    let entries: fs.Dirent[]
    try {
      entries = fs.readdirSync(path.join(workspace, directory), { withFileTypes: true })
    } catch (error) {
      failed(directory || '.', error)
      continue
    }
    for (const entry of entries) {
      if (++seen > maxEntries) {
        sweep.stoppedAfter = maxEntries
        return sweep
      }
      // readdir's type spares an lstat of the links, FIFOs and sockets, which stay as they are.
      if (!(entry.isDirectory() || entry.isFile() || entry.isBlockDevice() || entry.isCharacterDevice())) continue
      const relative = directory === '' ? entry.name : `${directory}/${entry.name}`
      try {
        visit(path.join(workspace, relative), relative)
      } catch (error) {
        failed(relative, error)
      }
    }
  }
  return sweep

  function visit(file: string, relative: string): void {
    const stat = fs.lstatSync(file, { bigint: true })
    if (stat.isDirectory()) {
      // Another file system mounted inside the workspace is the host's own doing, not the guest's.
      if (stat.dev === device) pending.push(relative)
    } else if (stat.isBlockDevice() || stat.isCharacterDevice()) {
      if (!changedSince(stat.ctimeNs, since)) return
      fs.unlinkSync(file)
      sweep.devicesRemoved++
    } else if (stat.isFile() && (Number(stat.mode) & SET_ID_BITS) !== 0) {
      if (!changedSince(stat.ctimeNs, since)) return
      // lstat just said it is a regular file, and nothing has run since to make it a link.
      fs.chmodSync(file, Number(stat.mode) & 0o7777 & ~SET_ID_BITS)
      sweep.setIdCleared++
    }
  }
}

const counted = (count: number, one: string, many: string): string => `${count} ${count === 1 ? one : many}`

/** The one log line saying what was removed or cleared; undefined when there was nothing. */
export function sweepLine(sweep: WorkspaceSweep): string | undefined {
  const parts = [
    sweep.devicesRemoved > 0 && `${counted(sweep.devicesRemoved, 'device node', 'device nodes')} (removed)`,
    sweep.setIdCleared > 0 &&
      `${counted(sweep.setIdCleared, 'file', 'files')} with set-user-ID or set-group-ID bits (cleared)`
  ].filter((part) => part !== false)
  return parts.length === 0 ? undefined : `the guest left ${parts.join(' and ')} in the workspace`
}

/** What could not be checked or dealt with, one warning each. */
export function sweepWarnings(sweep: WorkspaceSweep): string[] {
  const warnings: string[] = []
  if (sweep.failureCount > 0) {
    const more = sweep.failureCount - sweep.failures.length
    const named = sweep.failures.join(', ') + (more > 0 ? ` and ${more} more` : '')
    warnings.push(
      `could not check or clean ${counted(sweep.failureCount, 'entry', 'entries')} of the workspace: ${named}; device nodes or set-ID files the guest left there may remain`
    )
  }
  if (sweep.stoppedAfter !== undefined) {
    warnings.push(
      `the workspace check stopped after ${sweep.stoppedAfter} entries; the rest was not checked for device nodes or set-ID files the guest left`
    )
  }
  return warnings
}
