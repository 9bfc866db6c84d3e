/**
 * Publishing a root made in the cache's work area: its metadata written beside it, then one rename
 * into place (cache.ts), so a root is in the cache whole or not at all; a pull of the same image that
 * finished first wins, and this one uses its copy.
 */
import fs from 'node:fs'
import path from 'node:path'
import type { RefRecord, RootMetadata } from './cache.js'
import { type CachedRoot, intactRoot } from './cached-root.js'
import { ImageError } from './errors.js'
import type { PullContext } from './request.js'

/** Publishes `work` (holding rootfs/) as the root of `metadata.manifestDigest` and records what the reference resolved to. */
export async function publishRoot(
  ctx: PullContext,
  work: string,
  metadata: RootMetadata,
  record: RefRecord,
  where: string
): Promise<CachedRoot & { won: boolean }> {
  const { cache, log } = ctx
  await fs.promises.writeFile(path.join(work, 'image.json'), JSON.stringify(metadata, null, 2) + '\n', {
    mode: 0o444
  })
  await fs.promises.writeFile(path.join(work, 'last-used'), '', { mode: 0o644 })
  const won = await cache.publishRoot(work, metadata.manifestDigest)
  const published = await intactRoot(cache, metadata.manifestDigest, log)
  if (!published)
    throw new ImageError(`${where}: the image root vanished from the cache right after it was made; try again`)
  await cache.writeRecord(record)
  await cache.touchRoot(metadata.manifestDigest)
  return { ...published, won }
}
