/**
 * Parsers of the inputs that name host paths (rootfs, workspace, libkrun, which may be a
 * pinned archive's URL instead) and the guest working directory. Unlike parse.ts, these look
 * at the host's file system.
 */
import fs from 'node:fs'
import path from 'node:path'
import { libraryProblem } from '../host/host-checks.js'
import { InputError, errorText, showValue } from '../errors.js'
import { type PinnedArchive, isUrlLike, parsePinnedUrl } from '../host/libkrun-pinned.js'
import { pseudoFileSystem } from './pseudo-fs.js'

/** Paths travel in a TAB-separated plan file, one per line. */
function checkPlanSafe(input: string, value: string): void {
  if (/[\t\n\r\0]/.test(value)) {
    throw new InputError(input, `${showValue(value)} contains a tab, newline or NUL byte; use a path without them`)
  }
}

export function parseHostDirectory(input: string, raw: string, cwd: string): string {
  const text = raw.trim()
  checkPlanSafe(input, text)
  let resolved: string
  let stat: fs.Stats
  try {
    // Judged by where it leads: a link to / is /, and the guest sees the real path.
    resolved = fs.realpathSync(path.resolve(cwd, text))
    stat = fs.statSync(resolved)
  } catch (error) {
    const problem = errorText(error) === 'ENOENT' ? 'does not exist' : `cannot be reached (${errorText(error)})`
    throw new InputError(input, `${showValue(text)} ${problem}; expected an existing directory on the host`)
  }
  if (!stat.isDirectory()) {
    throw new InputError(input, `${showValue(text)} is not a directory; expected an existing directory on the host`)
  }
  checkPlanSafe(input, resolved)
  return resolved
}

/** The workspace's host path, or null for `none`. */
export function parseWorkspace(
  raw: string,
  context: { cwd: string; defaultWorkspace: string | undefined }
): string | null {
  const text = raw.trim()
  if (text === 'none') return null
  const workspace = parseHostDirectory(
    'workspace',
    text === '' ? (context.defaultWorkspace ?? context.cwd) : text,
    context.cwd
  )
  if (workspace === '/') {
    const leads = text === '' || text === '/' ? '"/"' : `${showValue(text)} leads to / and`
    throw new InputError(
      'workspace',
      `${leads} would share the whole host read-write; name a project directory, or none`
    )
  }
  const pseudo = pseudoFileSystem(workspace)
  if (pseudo !== undefined) {
    const shown = showValue(text === '' ? workspace : text)
    throw new InputError(
      'workspace',
      `${shown} is ${pseudo}, a pseudo file system of the host; name a project directory, or none`
    )
  }
  return workspace
}

/** The guest working directory the user chose, normalized; undefined for the default. */
export function parseWorkdir(raw: string): string | undefined {
  const text = raw.trim()
  if (text === '') return undefined
  checkPlanSafe('workdir', text)
  if (!text.startsWith('/')) {
    throw new InputError(
      'workdir',
      `${showValue(text)} is relative; expected an absolute path inside the guest, e.g. /src`
    )
  }
  return path.posix.normalize(text)
}

function libraryFile(source: string, raw: string, cwd: string): string {
  const text = raw.trim()
  checkPlanSafe(source, text)
  const resolved = path.resolve(cwd, text)
  const problem = libraryProblem(resolved)
  if (problem) throw new InputError(source, `${showValue(text)} ${problem}; expected the path of libkrun.so.1`)
  return resolved
}

/** Which input names libkrun: the input (or flag) when set, else KRUN_LIBRARY. */
export function libkrunInputName(raw: string): string {
  return raw.trim() !== '' ? 'libkrun' : 'KRUN_LIBRARY'
}

/** The libkrun the user named: a library on the host, or a pinned archive to fetch. */
export type LibkrunChoice = { path: string } | { archive: PinnedArchive }

/** The libkrun the user named (input, flag or KRUN_LIBRARY); undefined to search for it. */
export function parseLibkrun(
  raw: string,
  context: { cwd: string; libraryFromEnv: string | undefined }
): LibkrunChoice | undefined {
  const named = (raw.trim() !== '' ? raw : (context.libraryFromEnv ?? '')).trim()
  if (named === '') return undefined
  const source = libkrunInputName(raw)
  if (isUrlLike(named)) return { archive: parsePinnedUrl(source, named) }
  return { path: libraryFile(source, named, context.cwd) }
}
