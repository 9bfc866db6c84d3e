/** Removing a whole tree (an image root, a run directory), and saying what stopped it. */
import fs from 'node:fs'
import path from 'node:path'
import { visible } from '../text/visible.js'
import { errorCode } from './errors.js'

/** The first entry of a tree that could not be removed, and the errno that said why. */
export class TreeRemovalError extends Error {
  constructor(
    /** The errno name (EPERM, EBUSY...). */
    readonly code: string,
    /** Relative to the tree ('.' for the tree itself); it may be a name someone else chose. */
    readonly entry: string
  ) {
    super(`cannot remove ${visible(entry)} (${code})`)
    this.name = 'TreeRemovalError'
  }
}

/**
 * Removes a tree even where its directories lack write permission (images may ship such, a
 * guest may leave such). When Node's rm fails, the tree is removed again entry by entry, so
 * that all that can go goes and the failure names the first entry that could not: Node's
 * rm reports a file it could not unlink (an immutable one) as ENOTDIR, from trying it as a
 * directory next. (@actions/io's rmRF is that rm alone: it would leave such trees and not say where.)
 */
export async function removeTree(target: string): Promise<void> {
  try {
    await fs.promises.rm(target, { recursive: true, force: true })
    return
  } catch {
    // The entry-by-entry removal below says what went wrong.
  }
  const stuck = await removeEntry(target, '.')
  if (stuck) throw stuck
}

const stuckAt = (error: unknown, entry: string): TreeRemovalError =>
  new TreeRemovalError(errorCode(error) ?? (error instanceof Error ? error.message : String(error)), entry)

/** Removes one entry, a directory with all it holds; returns the first failure, having gone on past it. */
async function removeEntry(file: string, entry: string): Promise<TreeRemovalError | undefined> {
  let stat: fs.Stats
  try {
    stat = await fs.promises.lstat(file)
  } catch (error) {
    return errorCode(error) === 'ENOENT' ? undefined : stuckAt(error, entry)
  }
  try {
    if (!stat.isDirectory()) {
      await fs.promises.unlink(file)
      return undefined
    }
    // A directory this process may not chmod can still be one it may empty: readdir and rmdir report otherwise.
    await fs.promises.chmod(file, 0o700).catch(() => undefined)
    let first: TreeRemovalError | undefined
    for (const name of await fs.promises.readdir(file)) {
      const failed = await removeEntry(path.join(file, name), entry === '.' ? name : `${entry}/${name}`)
      first ??= failed
    }
    if (first) return first
    await fs.promises.rmdir(file)
    return undefined
  } catch (error) {
    return errorCode(error) === 'ENOENT' ? undefined : stuckAt(error, entry)
  }
}
