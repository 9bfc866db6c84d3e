/** Small tmpfs mounts for tests of a full disk or a directory that cannot be removed: mounting needs root. */
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'

const isRoot = process.getuid?.() === 0

/** `test` when running as root; else a skipped test whose title says why. */
export const withTmpfs = isRoot
  ? test
  : (title: string, fn: () => Promise<void>) => test.skip(`${title} (skipped: mounting a tmpfs needs root)`, fn)

/** Mounts a tmpfs of `size` (e.g. '16k') at `dir`, made if missing; returns what unmounts it. */
export function mountTmpfs(dir: string, size: string): () => void {
  fs.mkdirSync(dir, { recursive: true })
  execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${size}`, 'tmpfs', dir], { stdio: ['ignore', 'ignore', 'pipe'] })
  return () => execFileSync('umount', [dir])
}
