/**
 * Where krun-action keeps what it caches between runs (`kind`: `images`, `libkrun`). The action
 * uses the runner's tool cache, which self-hosted runners keep between jobs, else RUNNER_TEMP,
 * which lasts one job; the krun-run steps after it use the same place, so they find what the
 * action fetched. krun-run on its own uses the user's cache directory (XDG).
 */
import os from 'node:os'
import path from 'node:path'

export type CacheKind = 'images' | 'libkrun'

export function actionCacheDir(env: NodeJS.ProcessEnv, tempDir: string, kind: CacheKind): string {
  return env.RUNNER_TOOL_CACHE
    ? path.join(env.RUNNER_TOOL_CACHE, 'krun-action', kind)
    : path.join(tempDir, `krun-action-${kind}`)
}

export function userCacheDir(env: NodeJS.ProcessEnv, kind: CacheKind): string {
  const cacheHome = env.XDG_CACHE_HOME?.startsWith('/') ? env.XDG_CACHE_HOME : path.join(os.homedir(), '.cache')
  return path.join(cacheHome, 'krun-action', kind)
}
