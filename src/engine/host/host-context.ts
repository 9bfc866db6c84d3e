/** What both front ends learn from the host before a run: the parse context, temp dir, KVM device and caches. */
import os from 'node:os'
import { type CacheKind, actionCacheDir, userCacheDir } from './cache-places.js'
import { runTempDir } from '../vm-process/early-start.js'
import { DEFAULT_KVM_DEVICE } from './host-checks.js'
import type { ParseContext } from '../inputs/table.js'

export interface HostContext {
  parse: ParseContext
  /** Where the private run directory is made. */
  tempDir: string
  /** How messages name tempDir's source. */
  tempDirName: string
  kvmDevice: string
  /** RUNNER_ENVIRONMENT=github-hosted: kvm-access may fix the device's access there. */
  githubHosted: boolean
  /** Where pulled images are cached. */
  imageCacheDir: string
  /** Where libkrun archives (a `libkrun` URL, krun-action's own build) are unpacked. */
  libkrunCacheDir: string
}

/**
 * Whose caches a run uses: the action's, shared with the krun-run steps its launcher starts
 * (they run the image the action pulled), or the user's own for krun-run elsewhere.
 */
export type CacheOwner = 'action' | 'user'

export function hostContext(env: NodeJS.ProcessEnv, cwd: string, caches: CacheOwner): HostContext {
  const tempDir = runTempDir(env)
  const cacheDir = (kind: CacheKind) =>
    caches === 'action' ? actionCacheDir(env, tempDir, kind) : userCacheDir(env, kind)
  return {
    parse: {
      cwd,
      defaultWorkspace: env.GITHUB_WORKSPACE || undefined,
      libraryFromEnv: env.KRUN_LIBRARY || undefined,
      hostMemoryMib: Math.floor(os.totalmem() / (1024 * 1024)),
      tempDir
    },
    tempDir,
    tempDirName: env.RUNNER_TEMP ? 'RUNNER_TEMP' : 'the temporary directory',
    kvmDevice: env.KRUN_KVM_DEVICE || DEFAULT_KVM_DEVICE,
    githubHosted: env.RUNNER_ENVIRONMENT === 'github-hosted',
    imageCacheDir: cacheDir('images'),
    libkrunCacheDir: cacheDir('libkrun')
  }
}
