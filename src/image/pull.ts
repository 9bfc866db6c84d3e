/**
 * A pull, in order: reuse a cached root the registry says is current (reuse.ts), resolve the
 * reference (resolve.ts), download the missing layers (download-scheduler.ts) while unpacking and
 * verifying them (unpack.ts) into the cache's work area, publish the root (publish.ts), evict.
 */
import fs from 'node:fs'
import path from 'node:path'
import { resolveCredentials } from './auth.js'
import { fetchSmallBlob, shortDigest } from './blob.js'
import type { RootMetadata } from './cache.js'
import { intactRoot } from './cached-root.js'
import { DownloadScheduler } from './download-scheduler.js'
import { ImageError } from './errors.js'
import { evict } from './evict.js'
import { parseImageConfig } from './manifest.js'
import { formatBytes, formatSeconds } from './progress.js'
import { publishRoot } from './publish.js'
import { PullActivity } from './pull-activity.js'
import { stopReason } from './registry-errors.js'
import { RegistryClient } from './registry.js'
import { type PreparedImage, type PullContext, prepared } from './request.js'
import { checkLayerTypes, resolve, runsOn, wrongPlatform } from './resolve.js'
import { reuse, unchangedRoot } from './reuse.js'
import { rootFingerprint } from './root-fingerprint.js'
import { removeTree } from './tree.js'
import { unpackBudget } from './unpack-budget.js'
import { unpackLayers } from './unpack.js'

function registryClient(ctx: PullContext): RegistryClient {
  const { request, ref, log } = ctx
  const resolved = resolveCredentials(ref.registry, request.credentials, request.env ?? process.env)
  const client = new RegistryClient({
    ref,
    credentials: resolved.credentials,
    credentialOrigin: resolved.origin,
    limits: request.limits,
    stop: request.signal
  })
  if (resolved.problem) log(`${resolved.problem}; pulling anonymously`)
  const how = !resolved.credentials
    ? 'anonymously'
    : request.credentials?.username
      ? 'with the given credentials'
      : `with credentials ${resolved.origin}`
  log(`Resolving ${ref.normalized} for ${ctx.platformText} at ${ref.endpoint} (${how})`)
  return client
}

export async function pull(ctx: PullContext): Promise<PreparedImage> {
  const { request, ref, platform, platformText, cache, log } = ctx
  const started = Date.now()
  const client = registryClient(ctx)
  const unchanged = await unchangedRoot(ctx, client)
  if (unchanged) {
    const short = `${shortDigest(unchanged.digest)}…`
    return reuse(
      ctx,
      unchanged,
      `${ref.normalized} is unchanged (${short}), already in the image cache; nothing to download`
    )
  }

  const { digest, manifestDigest, manifest, fromIndex } = await resolve(client, ref, platform)
  const record = {
    reference: ref.normalized,
    platform: platformText,
    digest,
    manifestDigest,
    updated: new Date().toISOString()
  }
  const where = client.where
  const existing = await intactRoot(cache, manifestDigest, log)
  if (existing && !fromIndex && !runsOn(existing.metadata.config, platform))
    throw wrongPlatform(where, ref, existing.metadata.config, platform)
  if (existing) {
    const line = `${ref.normalized} is ${shortDigest(digest)}…, already in the image cache; nothing to download`
    return reuse(ctx, { ...existing, digest }, line, record)
  }

  checkLayerTypes(manifest, where)
  const layers = manifest.layers
  log(
    `Pulling ${ref.normalized} (${shortDigest(digest)}…): ${layers.length} layer${layers.length === 1 ? '' : 's'}, ` +
      formatBytes(layers.reduce((s, l) => s + l.size, 0))
  )
  const label = (i: number): string => `layer ${i + 1}/${layers.length} ${shortDigest(layers[i].digest)}…`
  const activity = new PullActivity(request.signal)
  const downloads = new DownloadScheduler({ client, cache, activity, log, label })
  // The config is fetched alongside the layers; when the pull fails, whatever is still downloading is
  // broken off rather than waited for.
  const configFetch = fetchSmallBlob(client, manifest.config, 'fetching the image config', downloads.signal)
  const configDone = activity.start(() => 'fetching the image config')
  configFetch.then(configDone, configDone)
  const work = cache.tempPath('pull')
  const rootfs = path.join(work, 'rootfs')
  try {
    await fs.promises.mkdir(rootfs, { recursive: true, mode: 0o755 })
    await downloads.start(layers)
    const config = parseImageConfig(await configFetch, where)
    if (!fromIndex && !runsOn(config, platform)) throw wrongPlatform(where, ref, config, platform)

    const compressed = layers.reduce((sum, layer) => sum + layer.size, 0)
    const sizeBytes = await unpackLayers(rootfs, layers, downloads, {
      where,
      label,
      budget: unpackBudget(compressed, ctx.maxBytes),
      storage: cache.dir,
      activity,
      stop: request.signal,
      stopped: (what) => client.stopped(what),
      log
    })
    const metadata: RootMetadata = {
      manifestDigest,
      digest,
      reference: ref.normalized,
      platform: platformText,
      sizeBytes,
      layers: layers.map((l) => l.digest),
      config,
      created: new Date().toISOString(),
      fingerprint: rootFingerprint(rootfs)
    }
    const published = await publishRoot(ctx, work, metadata, record, where)
    log(
      `Pulled ${ref.normalized} (${shortDigest(digest)}…, ${platformText}): ${formatBytes(downloads.downloaded)} downloaded, ` +
        `${formatBytes(published.metadata.sizeBytes)} unpacked, in ${formatSeconds(Date.now() - started)}` +
        (published.won ? '' : ' (another pull of the same image finished first; using its copy)')
    )
    await evict(cache, ctx.maxBytes, published.metadata, log)
    return prepared(published.rootfs, published.metadata, false, digest)
  } catch (error) {
    const running = activity.stoppedDuring
    if (request.signal?.aborted && running.length > 0) {
      throw new ImageError(
        `${where}: the pull was not finished when ${stopReason(request.signal)}; still running: ${running.join(', ')}`
      )
    }
    throw error
  } finally {
    await downloads.close()
    await removeTree(work).catch(() => undefined)
  }
}
