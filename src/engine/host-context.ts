/** What both front ends learn from the host before a run: the parse context, temp dir and KVM device. */
import os from 'node:os'
import path from 'node:path'
import { DEFAULT_KVM_DEVICE } from './host-checks.js'
import type { ParseContext } from './inputs.js'

export interface HostContext {
  parse: ParseContext
  /** Where the private run directory is made. */
  tempDir: string
  kvmDevice: string
  /** Where pulled images are cached. */
  imageCacheDir: string
}

/**
 * The action caches images in the runner's tool cache, which self-hosted runners keep
 * between jobs; failing that, in RUNNER_TEMP, which lasts one job.
 */
export function actionImageCache(env: NodeJS.ProcessEnv, tempDir: string): string {
  return env.RUNNER_TOOL_CACHE
    ? path.join(env.RUNNER_TOOL_CACHE, 'krun-action', 'images')
    : path.join(tempDir, 'krun-action-images')
}

/** krun-run caches images in the user's cache directory (XDG). */
export function cliImageCache(env: NodeJS.ProcessEnv): string {
  const cacheHome = env.XDG_CACHE_HOME?.startsWith('/') ? env.XDG_CACHE_HOME : path.join(os.homedir(), '.cache')
  return path.join(cacheHome, 'krun-action', 'images')
}

export function hostContext(env: NodeJS.ProcessEnv, cwd: string, tempDir: string, imageCacheDir: string): HostContext {
  return {
    parse: {
      cwd,
      defaultWorkspace: env.GITHUB_WORKSPACE || undefined,
      libraryFromEnv: env.KRUN_LIBRARY || undefined,
      hostMemoryMib: Math.floor(os.totalmem() / (1024 * 1024)),
      tempDir
    },
    tempDir,
    kvmDevice: env.KRUN_KVM_DEVICE || DEFAULT_KVM_DEVICE,
    imageCacheDir
  }
}
