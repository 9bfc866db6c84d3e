/**
 * Where an unpacked libkrun archive holds its library: libkrun.so.1 at its top, or under lib/
 * or lib64/, with the libkrunfw.so.N it loads in the same directory.
 */
import fs from 'node:fs'
import path from 'node:path'

export const LIBRARY_NAME = 'libkrun.so.1'
export const LIBRARY_DIRS = ['', 'lib', 'lib64'] as const
const KRUNFW_NAME = /^libkrunfw\.so\.\d+$/

/** libkrun.so.1 in an unpacked archive, the first of its places that has one; undefined when none does. */
export function libraryIn(root: string): string | undefined {
  for (const dir of LIBRARY_DIRS) {
    const candidate = path.join(root, dir, LIBRARY_NAME)
    try {
      const stat = fs.lstatSync(candidate)
      if (stat.isFile() || stat.isSymbolicLink()) return candidate
    } catch {
      // Not in this place; try the next.
    }
  }
  return undefined
}

/** The libkrunfw.so.N names in a directory, sorted. */
export function krunfwNames(dir: string): string[] {
  try {
    return fs
      .readdirSync(dir)
      .filter((name) => KRUNFW_NAME.test(name))
      .sort()
  } catch {
    return []
  }
}

/** libkrun.so.1 in the cache entry for this digest, when one is published (a directory, never a link). */
export function publishedLibrary(cacheDir: string, sha256: string): string | undefined {
  const entry = path.join(cacheDir, sha256)
  try {
    if (!fs.lstatSync(entry).isDirectory()) return undefined
  } catch {
    return undefined
  }
  return libraryIn(entry)
}
