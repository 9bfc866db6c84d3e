/**
 * OCI images as microVM roots: prepareImage turns an image reference into an unpacked, cached,
 * read-only root directory. No Docker daemon or CLI is involved; the registry is spoken to directly.
 *
 *   const image = await prepareImage({ reference: 'alpine:3.20', pull: 'missing', cacheDir, log: core.info })
 *   // image.rootfs is the directory to share read-only as the guest's base filesystem
 *
 * Every failure a user can act on is an ImageError with a one-line message naming the registry and
 * repository, the problem and what to do; it never contains a credential or token.
 *
 * The cache (see cache.ts) keys unpacked roots by platform manifest digest and records which digest
 * each reference resolved to, so `pull: 'missing'` needs no network once an image is cached. It is capped
 * at `maxCacheBytes` (default DEFAULT_MAX_CACHE_BYTES, 10 GiB) by least-recently-used eviction.
 *
 * What differs when not running as root: file owners are not set (every file belongs to the user
 * running the pull), device nodes are not created, and extended attributes outside `user.*` (file
 * capabilities, `trusted.*`) are not set; FIFOs, modes (setuid/setgid/sticky included), symlinks, hard
 * links and mtimes are kept either way. Extended attributes need setfattr (see xattrs.ts).
 */
import path from 'node:path'
import { DEFAULT_MAX_CACHE_BYTES, ImageCache } from './cache.js'
import { ImageError, describeFailure, errorCode, excerpt } from './errors.js'
import { platformFor, showPlatform } from './platform.js'
import { useProxyFromEnv } from './proxy.js'
import { PULL_POLICIES } from './pull-policy.js'
import { pull } from './pull.js'
import { parseImageReference, whereOf } from './reference.js'
import type { ImageRequest, PreparedImage, PullContext } from './request.js'
import { cachedRoot, reuse } from './reuse.js'
import { shortDigest } from './blob.js'

export { ImageError } from './errors.js'
export { parseImageReference } from './reference.js'
export type { ImageRequest, PreparedImage } from './request.js'

/** Prepares the root directory of an image: from the cache, or pulled, verified and unpacked into it. */
export async function prepareImage(request: ImageRequest): Promise<PreparedImage> {
  const ref = parseImageReference(request.reference)
  if (!PULL_POLICIES.includes(request.pull)) {
    throw new ImageError(
      `${whereOf(ref)}: pull must be one of ${PULL_POLICIES.join(', ')}, not "${excerpt(String(request.pull), 40)}"`
    )
  }
  if (typeof request.cacheDir !== 'string' || request.cacheDir === '') {
    throw new ImageError(`${whereOf(ref)}: no image cache directory was given; set one`)
  }
  const platform = platformFor(request.arch)
  const platformText = showPlatform(platform)
  const maxBytes = request.maxCacheBytes ?? DEFAULT_MAX_CACHE_BYTES
  const cache = new ImageCache(path.resolve(request.cacheDir))
  const log = request.log
  const ctx: PullContext = { request, ref, platform, platformText, cache, maxBytes, log }
  try {
    await cache.init()
    if (request.pull !== 'always') {
      const cached = await cachedRoot(cache, ref, platform, log)
      if (cached) {
        const line = `Using ${ref.normalized} (${shortDigest(cached.digest)}…, ${platformText}) from the image cache; nothing to download`
        return await reuse(ctx, cached, line)
      }
      if (request.pull === 'never') {
        throw new ImageError(
          `${whereOf(ref)}: ${ref.normalized} for ${platformText} is not in the image cache and pull is "never"; ` +
            'set pull to "missing" or "always" to download it',
          { inputMistake: true }
        )
      }
    }
    const proxy = useProxyFromEnv(request.env ?? process.env, whereOf(ref))
    if (proxy.description) log(proxy.description)
    try {
      return await pull(ctx)
    } finally {
      proxy.restore()
    }
  } catch (error) {
    if (error instanceof ImageError) throw error
    const code = errorCode(error)
    if (code === 'ENOSPC' || code === 'EDQUOT') {
      throw new ImageError(
        `${whereOf(ref)}: the disk of the image cache ${cache.dir} is full (${code}) while preparing ${ref.normalized}; ` +
          'free space there or move the image cache'
      )
    }
    throw new ImageError(
      `${whereOf(ref)}: preparing ${ref.normalized} in the image cache failed: ${describeFailure(error)}`
    )
  }
}
