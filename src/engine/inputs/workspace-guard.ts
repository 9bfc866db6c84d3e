/** The host's own files kept out of the workspace, which the guest can write. */
import fs from 'node:fs'
import path from 'node:path'
import { InputError, showValue } from '../errors.js'

/** Whether `file` is `dir` or lies under it (both absolute and normalized). */
export function isWithin(file: string, dir: string): boolean {
  return file === dir || file.startsWith(`${dir}/`)
}

/** A host path to keep out of the workspace, and how a message names it. */
interface HostFile {
  what: string
  file: string
}

/** The path itself and, when it exists, where it leads: either may lie in the workspace. */
function reachedBy(file: string): string[] {
  const resolved = path.resolve(file)
  try {
    return [resolved, fs.realpathSync(resolved)]
  } catch {
    return [resolved]
  }
}

/**
 * The guest could change what the host runs or reads later if the share it writes held the
 * host's own files: the temporary directory (run directories, the krun-run launcher and its
 * saved settings), libkrun, the action's code, the image cache.
 */
export function checkWorkspaceHoldsNoHostFiles(workspace: string | null, hostFiles: HostFile[]): void {
  if (workspace === null) return
  for (const { what, file } of hostFiles) {
    const inside = reachedBy(file).find((reached) => isWithin(reached, workspace))
    if (inside === undefined) continue
    throw new InputError(
      'workspace',
      `${showValue(workspace)} contains ${what} ${inside}, which the guest could then change, and with it what the host runs later; name a directory that does not contain it, or none`
    )
  }
}
