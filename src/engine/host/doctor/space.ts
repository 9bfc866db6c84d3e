/** Free space where a run writes: the run directory's temporary directory, and the image cache. */
import fs from 'node:fs'
import path from 'node:path'
import { type CheckResult, fail, pass } from './verdict.js'

export type StatFs = (dir: string) => { bavail: number; bsize: number }

const MIB = 2 ** 20
const GIB = 2 ** 30
/** A run directory holds the guest init (about 1 MiB) and a few small files. */
export const RUN_DIR_MIN_BYTES = 16 * MIB
/** Below this an image of ordinary size may not unpack. */
export const IMAGE_CACHE_LOW_BYTES = 2 * GIB

export function formatBytes(bytes: number): string {
  return bytes >= GIB ? `${(bytes / GIB).toFixed(1)} GiB` : `${(bytes / MIB).toFixed(1)} MiB`
}

/** The directory itself, or the nearest one above it that exists (a cache not made yet). */
function existingDir(dir: string, exists: (p: string) => boolean): string {
  let current = path.resolve(dir)
  while (!exists(current) && current !== path.dirname(current)) current = path.dirname(current)
  return current
}

export function runDirSpaceCheck(
  dir: string,
  named: string,
  statfs: StatFs = fs.statfsSync,
  writable: (p: string) => boolean = (p) => canWrite(p)
): CheckResult {
  const name = 'run directory'
  const fix = `set ${named === 'RUNNER_TEMP' ? 'RUNNER_TEMP' : 'TMPDIR'} to a writable directory with free space`
  if (!writable(dir)) return fail(name, `${named} (${dir}) is missing or not writable`, fix)
  const free = freeBytes(dir, statfs)
  const detail = `${formatBytes(free)} free in ${named} (${dir})`
  return free < RUN_DIR_MIN_BYTES ? fail(name, `only ${detail}`, fix) : pass(name, detail)
}

export function imageCacheSpaceCheck(
  dir: string,
  statfs: StatFs = fs.statfsSync,
  exists: (p: string) => boolean = fs.existsSync
): CheckResult {
  const name = 'image cache'
  const measured = existingDir(dir, exists)
  const free = freeBytes(measured, statfs)
  const where = measured === path.resolve(dir) ? dir : `${dir}, not made yet; measured at ${measured}`
  const detail = `${formatBytes(free)} free for the image cache (${where})`
  if (free < IMAGE_CACHE_LOW_BYTES) {
    return {
      name,
      verdict: 'warn',
      detail: `only ${detail}; needed only with an image`,
      fix: 'free space there, or set RUNNER_TOOL_CACHE (krun-run by hand: XDG_CACHE_HOME) to a roomier disk',
      required: false
    }
  }
  return pass(name, detail, false)
}

function freeBytes(dir: string, statfs: StatFs): number {
  try {
    const stats = statfs(dir)
    return stats.bavail * stats.bsize
  } catch {
    return 0
  }
}

function canWrite(dir: string): boolean {
  try {
    fs.accessSync(dir, fs.constants.W_OK)
    return fs.statSync(dir).isDirectory()
  } catch {
    return false
  }
}
