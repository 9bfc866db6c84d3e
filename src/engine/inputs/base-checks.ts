/** The base's checks a run makes before any guest exists: the shell is there, the base and the workspace keep apart, the workdir exists. */
import fs from 'node:fs'
import path from 'node:path'
import { InputError, showValue } from '../errors.js'
import { type GuestView, isGuestDirectory } from './guest-view.js'
import type { EnvEntry } from './parse.js'
import { isWithin } from './workspace-guard.js'
import { guestPath } from '../guest/guest-protocol.js'

/**
 * The guest paths where the shell's program would be looked up with this PATH: in the guest's
 * root, which @actions/io's `which` (a lookup on the host's PATH) cannot do.
 */
export function shellCandidates(program: string, searchPath: string): string[] {
  if (program.includes('/')) return [program]
  return searchPath
    .split(':')
    .filter((dir) => dir.startsWith('/'))
    .map((dir) => path.posix.join(dir, program))
}

export function anyInRootfs(candidates: string[], rootfs: string): boolean {
  // lstat, not stat: inside a rootfs other than /, absolute symlinks point into the
  // rootfs, not the host, so the link itself is what can be checked here.
  return candidates.some((candidate) => {
    try {
      return !fs.lstatSync(path.join(rootfs, candidate)).isDirectory()
    } catch {
      return false
    }
  })
}

/**
 * Names the input the user actually got wrong: a PATH from env that misses the shell, a
 * rootfs without the default shell, or else the shell itself.
 */
export function checkShellInRootfs(shell: string[], rootfs: string, env: EnvEntry[], shellIsDefault: boolean): void {
  const program = shell[0]
  const candidates = shellCandidates(program, guestPath(env))
  if (anyInRootfs(candidates, rootfs)) return
  const looked = `looked in ${candidates.join(', ')}`
  const pathFromEnv = env.some(([name]) => name === 'PATH')
  if (pathFromEnv && !program.includes('/') && anyInRootfs(shellCandidates(program, guestPath([])), rootfs)) {
    throw new InputError(
      'env',
      `its PATH does not lead to the shell ${showValue(program)} in rootfs ${rootfs} (${looked}); add the shell's directory to PATH`
    )
  }
  if (shellIsDefault && rootfs !== '/') {
    throw new InputError(
      'rootfs',
      `${showValue(rootfs)} has no ${program} (${looked}); expected a root filesystem with a shell, or set shell`
    )
  }
  throw new InputError(
    'shell',
    `${showValue(program)} was not found in rootfs ${rootfs} (${looked}); install it there or choose another shell`
  )
}

/**
 * The guest could change its own base, and so what later runs start from, if the base lay
 * in the share it writes: a rootfs directory, or an image's cached root.
 */
export function checkBaseOutsideWorkspace(input: 'rootfs' | 'image', base: string, workspace: string | null): void {
  if (workspace !== null && isWithin(base, workspace)) {
    const [what, fix] =
      input === 'rootfs'
        ? [showValue(base), 'use a directory outside the workspace']
        : [`its cached root ${base}`, 'keep the image cache (RUNNER_TOOL_CACHE, XDG_CACHE_HOME) outside the workspace']
    throw new InputError(
      input,
      `${what} is inside the workspace ${workspace}, which the guest can write, so the guest could change its own base; ${fix}, or use workspace: none`
    )
  }
}

export function checkWorkdirExists(workdir: string, view: GuestView): void {
  if (isGuestDirectory(view, workdir)) return
  const where = view.workspace !== null ? `rootfs ${view.rootfs} or the workspace` : `rootfs ${view.rootfs}`
  throw new InputError(
    'workdir',
    `${showValue(workdir)} is not a directory in the guest (looked in ${where}); expected an existing directory`
  )
}
