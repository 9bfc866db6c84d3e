/** Small tmpfs mounts for tests of a full disk: mounting needs root, so such tests are skipped otherwise, saying why. */
import { spawnSync } from 'node:child_process'

const isRoot = process.getuid?.() === 0

/** `test` when running as root; else a skipped test whose title says why. */
export const withTmpfs = isRoot
  ? test
  : (title: string, fn: () => Promise<void>) => test.skip(`${title} (skipped: mounting a tmpfs needs root)`, fn)

export function mountTmpfs(dir: string, size: string): void {
  const result = spawnSync('mount', ['-t', 'tmpfs', '-o', `size=${size}`, 'tmpfs', dir], { encoding: 'utf8' })
  if (result.status !== 0) throw new Error(`mount -t tmpfs ${dir} failed: ${result.stderr || result.error?.message}`)
}
