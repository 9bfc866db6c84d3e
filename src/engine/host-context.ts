/** What both front ends learn from the host before a run: the parse context, temp dir, KVM device and image cache. */
import os from 'node:os'
import path from 'node:path'
import { actionTempDir } from './early-start.js'
import { DEFAULT_KVM_DEVICE } from './host-checks.js'
import type { ParseContext } from './inputs.js'

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
}

/**
 * Whose image cache a run uses: the action's, shared with the krun-run steps its launcher
 * starts (they run the image the action pulled), or the user's own for krun-run elsewhere.
 */
export type ImageCacheOwner = 'action' | 'user'

/**
 * The action caches images in the runner's tool cache, which self-hosted runners keep
 * between jobs; failing that, in RUNNER_TEMP, which lasts one job.
 */
function actionImageCache(env: NodeJS.ProcessEnv, tempDir: string): string {
  return env.RUNNER_TOOL_CACHE
    ? path.join(env.RUNNER_TOOL_CACHE, 'krun-action', 'images')
    : path.join(tempDir, 'krun-action-images')
}

/** krun-run on its own caches images in the user's cache directory (XDG). */
function userImageCache(env: NodeJS.ProcessEnv): string {
  const cacheHome = env.XDG_CACHE_HOME?.startsWith('/') ? env.XDG_CACHE_HOME : path.join(os.homedir(), '.cache')
  return path.join(cacheHome, 'krun-action', 'images')
}

export function hostContext(env: NodeJS.ProcessEnv, cwd: string, imageCache: ImageCacheOwner): HostContext {
  const tempDir = actionTempDir(env)
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
    imageCacheDir: imageCache === 'action' ? actionImageCache(env, tempDir) : userImageCache(env)
  }
}
