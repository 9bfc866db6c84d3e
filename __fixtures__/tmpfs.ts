/** Small tmpfs mounts for tests of a full disk or a directory that cannot be removed: mounting needs root. */
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import { testTier } from './tiers.js'

/** A test that mounts a tmpfs: the `root` tier decides whether it runs here. */
export const withTmpfs = (title: string, fn: () => Promise<void> | void, timeout?: number): void =>
  testTier('root', title, fn, timeout)

/** Mounts a tmpfs of `size` (e.g. '16k') at `dir`, made if missing; returns what unmounts it. */
export function mountTmpfs(dir: string, size: string): () => void {
  fs.mkdirSync(dir, { recursive: true })
  execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${size}`, 'tmpfs', dir], { stdio: ['ignore', 'ignore', 'pipe'] })
  return () => execFileSync('umount', [dir])
}
