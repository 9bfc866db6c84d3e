/** Keeping the image cache under its cap once an image is ready: least recently used entries go first. */
import { EVICTION_GRACE_MS, type ImageCache, type RootMetadata } from './cache.js'
import { describeFailure } from './errors.js'
import { formatBytes } from './progress.js'

/** Evicts what the cap demands, keeping `current` (the root just prepared) and its layers; never fails. */
export async function evict(
  cache: ImageCache,
  maxBytes: number,
  current: RootMetadata,
  log: (line: string) => void
): Promise<void> {
  const keep = new Set([current.manifestDigest, ...current.layers])
  let evicted: { removed: string[]; freedBytes: number }
  try {
    evicted = await cache.evict(maxBytes, keep, EVICTION_GRACE_MS)
  } catch (error) {
    // The image is ready; a cache left over its cap is no reason to fail the run.
    log(
      `Image cache over ${formatBytes(maxBytes)}: removing least recently used entries failed ` +
        `(${describeFailure(error)}); it stays over its cap`
    )
    return
  }
  const { removed, freedBytes } = evicted
  if (removed.length > 0) {
    log(
      `Image cache over ${formatBytes(maxBytes)}: removed ${removed.length} least recently used entries (${formatBytes(freedBytes)})`
    )
  }
}
