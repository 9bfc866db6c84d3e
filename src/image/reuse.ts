/**
 * Reuse-if-current: finding a root in the cache that may stand for the reference, with or without
 * asking the registry, and handing it out. Every root found goes through intactRoot (cached-root.ts).
 */
import type { RefRecord, ImageCache } from './cache.js'
import { type CachedRoot, intactRoot } from './cached-root.js'
import { evict } from './evict.js'
import { MANIFEST_ACCEPT } from './manifest.js'
import type { Platform } from './platform.js'
import { showPlatform } from './platform.js'
import type { ImageReference } from './reference.js'
import type { RegistryClient } from './registry.js'
import { type PreparedImage, type PullContext, prepared } from './request.js'
import { runsOn } from './resolve.js'

export type Found = CachedRoot & { digest: string }

/** The root cached for the reference, without asking the registry: what it last resolved to, or the digest it pins. */
export async function cachedRoot(
  cache: ImageCache,
  ref: ImageReference,
  platform: Platform,
  log: (line: string) => void
): Promise<Found | undefined> {
  const record = await cache.readRecord(ref.normalized, showPlatform(platform))
  if (record) {
    const found = await intactRoot(cache, record.manifestDigest, log)
    if (found) return { ...found, digest: record.digest }
  }
  if (ref.digest) {
    const found = await intactRoot(cache, ref.digest, log)
    if (found && runsOn(found.metadata.config, platform)) return { ...found, digest: ref.digest }
  }
  return undefined
}

/**
 * The root cached for the tag when the registry says (by a HEAD request, which registries do not count
 * against pull rate limits) that the tag still names what it named then; its record is refreshed.
 */
export async function unchangedRoot(ctx: PullContext, client: RegistryClient): Promise<Found | undefined> {
  const { ref, cache, log } = ctx
  if (ref.digest) return undefined
  const previous = await cache.readRecord(ref.normalized, ctx.platformText)
  if (!previous) return undefined
  const now = await client.headManifest(ref.tag!, MANIFEST_ACCEPT).catch(() => undefined)
  const found = now === previous.digest ? await intactRoot(cache, previous.manifestDigest, log) : undefined
  if (!found) return undefined
  await cache.writeRecord({ ...previous, updated: new Date().toISOString() })
  return { ...found, digest: previous.digest }
}

/** Hands out a cached root: records what the reference resolved to (when `record` is given), marks it used, says so, evicts. */
export async function reuse(ctx: PullContext, found: Found, line: string, record?: RefRecord): Promise<PreparedImage> {
  if (record) await ctx.cache.writeRecord(record)
  await ctx.cache.touchRoot(found.metadata.manifestDigest)
  ctx.log(line)
  await evict(ctx.cache, ctx.maxBytes, found.metadata, ctx.log)
  return prepared(found.rootfs, found.metadata, true, found.digest)
}
