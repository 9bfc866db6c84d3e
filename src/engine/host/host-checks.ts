/**
 * Checks of the host that need no native code: where is libkrun (kvm-access.ts opens the
 * KVM device). The KVM API version and libkrun's age need the native loader and are
 * checked by the VM process, which reports them the same way.
 */
import fs from 'node:fs'
import path from 'node:path'
import { elfLibraryProblem } from '../inputs/elf-library.js'
import { HostError } from '../errors.js'
import { PINNED_URL_FORM } from './libkrun-pinned.js'
import { MIN_LIBKRUN_VERSION } from './libkrun-symbols.js'

export const DEFAULT_KVM_DEVICE = '/dev/kvm'
const LIBKRUN_SONAME = 'libkrun.so.1'

/**
 * Why the file at `file` cannot be a libkrun, or undefined when it may be one. It must be
 * a regular file (a link to one, like libkrun.so.1, is fine) before anything opens it:
 * opening a FIFO would block.
 */
export function libraryProblem(file: string): string | undefined {
  let fd: number
  try {
    if (!fs.statSync(file).isFile()) return 'is not a regular file'
    fd = fs.openSync(file, fs.constants.O_RDONLY | fs.constants.O_NONBLOCK | fs.constants.O_NOCTTY)
  } catch {
    return 'does not exist or cannot be read'
  }
  try {
    if (!fs.fstatSync(fd).isFile()) return 'is not a regular file'
    return elfLibraryProblem(fd)
  } catch {
    return 'cannot be read'
  } finally {
    fs.closeSync(fd)
  }
}

const GNU_TRIPLET: Record<string, string> = { x64: 'x86_64-linux-gnu', arm64: 'aarch64-linux-gnu' }

export function usualLibraryDirs(arch: string = process.arch): string[] {
  const triplet = GNU_TRIPLET[arch]
  return ['/usr/lib64', '/usr/local/lib64', ...(triplet ? [`/usr/lib/${triplet}`] : []), '/usr/local/lib', '/usr/lib']
}

/** The path `ldconfig -p` lists for libkrun.so.1, if any. */
export function parseLdconfig(output: string): string | undefined {
  for (const line of output.split('\n')) {
    const match = /^\s*libkrun\.so\.1 \(.*\) => (\/.+)$/.exec(line)
    if (match) return match[1].trim()
  }
  return undefined
}

async function fromLdconfig(): Promise<string | undefined> {
  // Loaded here, not when the action starts: a run that names its libkrun never asks ldconfig.
  const exec = await import('@actions/exec')
  for (const ldconfig of ['/sbin/ldconfig', 'ldconfig']) {
    try {
      const result = await exec.getExecOutput(ldconfig, ['-p'], { silent: true, ignoreReturnCode: true })
      if (result.exitCode === 0) return parseLdconfig(result.stdout)
    } catch {
      // Not installed here: try the next, then the usual directories.
    }
  }
  return undefined
}

export interface LibraryLookup {
  /** LD_LIBRARY_PATH's directories: the dynamic loader searches them before its cache. */
  loaderPath: string[]
  ldconfig: () => Promise<string | undefined>
  exists: (p: string) => boolean
  dirs: string[]
}

const systemLookup = (): LibraryLookup => ({
  loaderPath: (process.env.LD_LIBRARY_PATH ?? '').split(':').filter((dir) => dir.startsWith('/')),
  ldconfig: fromLdconfig,
  exists: (p) => fs.existsSync(p),
  dirs: usualLibraryDirs()
})

/**
 * Where the host has libkrun.so.1, as the loader would find its soname (LD_LIBRARY_PATH, its
 * cache), then in the usual directories; undefined when it has none.
 */
export async function searchLibkrun(lookup: LibraryLookup = systemLookup()): Promise<string | undefined> {
  const inDirs = (dirs: string[]) =>
    dirs.map((dir) => path.join(dir, LIBKRUN_SONAME)).find((candidate) => lookup.exists(candidate))
  const onLoaderPath = inDirs(lookup.loaderPath)
  if (onLoaderPath) return onLoaderPath
  const cached = await lookup.ldconfig()
  if (cached && lookup.exists(cached)) return cached
  return inDirs(lookup.dirs)
}

/** What a host without libkrun is told, when krun-action has no build of its own for it either. */
export function libkrunNotFound(lookup: LibraryLookup = systemLookup()): HostError {
  const searched = [...lookup.loaderPath, ...lookup.dirs].join(', ')
  return new HostError(
    `libkrun was not found (looked in KRUN_LIBRARY, the ldconfig cache, and ${searched}). ` +
      `Install libkrun ${MIN_LIBKRUN_VERSION} or newer (Fedora: dnf install libkrun libkrunfw; Arch: pacman -S libkrun; Debian/Ubuntu: build it from source), ` +
      'or give its path, or a pinned archive holding libkrun.so.1 and libkrunfw.so.N side by side, as input libkrun ' +
      `(krun-run --libkrun): ${PINNED_URL_FORM}`
  )
}
