/**
 * A cached root, checked before it is used: one whose fingerprint (root-fingerprint.ts) differs from
 * what was recorded when it was cached, or was never recorded, is removed, so the image is pulled
 * again instead of run as it now is.
 */
import { shortDigest } from './blob.js'
import type { ImageCache, RootMetadata } from './cache.js'
import { rootFingerprint } from './root-fingerprint.js'

export interface CachedRoot {
  rootfs: string
  metadata: RootMetadata
}

/** The root cached for `manifestDigest` if it is there and unchanged; says in one line when it was not. */
export async function intactRoot(
  cache: ImageCache,
  manifestDigest: string,
  log: (line: string) => void
): Promise<CachedRoot | undefined> {
  const found = await cache.findRoot(manifestDigest)
  if (!found) return undefined
  const recorded = found.metadata.fingerprint
  let now: string | undefined
  try {
    now = rootFingerprint(found.rootfs)
  } catch {
    now = undefined // a root that cannot even be read is no better than a changed one
  }
  if (recorded !== undefined && now === recorded) return found
  const what = `The image cache's copy of ${found.metadata.reference} (${shortDigest(manifestDigest)}…)`
  log(
    recorded === undefined
      ? `${what} has no fingerprint (an older version cached it), so changes to it cannot be told; removing it`
      : `${what} was changed after it was cached; removing it`
  )
  await cache.discardRoot(manifestDigest)
  return undefined
}
