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
import fs from 'node:fs'
import path from 'node:path'
import { resolveCredentials } from './auth.js'
import { downloadBlob, fetchSmallBlob, sha256, shortDigest } from './blob.js'
import { DEFAULT_MAX_CACHE_BYTES, EVICTION_GRACE_MS, ImageCache, type RootMetadata } from './cache.js'
import { intactRoot } from './cached-root.js'
import { DownloadProgress } from './download-progress.js'
import { ImageError, describeFailure, errorCode, excerpt } from './errors.js'
import { RootBuilder, isLayerMediaType, layerFile, unpackNotes } from './layers.js'
import { rootFingerprint } from './root-fingerprint.js'
import { removeTree } from './tree.js'
import { unpackBudget } from './unpack-budget.js'
import {
  MANIFEST_ACCEPT,
  parseImageConfig,
  parseManifest,
  type Descriptor,
  type ImageConfig,
  type ImageManifest
} from './manifest.js'
import { pickManifest, platformFor, platformMatches, showPlatform, type Platform } from './platform.js'
import { formatBytes, formatSeconds } from './progress.js'
import { useProxyFromEnv } from './proxy.js'
import { PULL_POLICIES, type PullPolicy } from './pull-policy.js'
import { parseImageReference, whereOf, type ImageReference } from './reference.js'
import { PullActivity } from './pull-activity.js'
import { RegistryClient, stopReason } from './registry.js'
import type { RequestLimits } from './request-limits.js'

export { ImageError } from './errors.js'
export { parseImageReference } from './reference.js'

export interface ImageRequest {
  /** As the user typed it: alpine, ubuntu:24.04, ghcr.io/o/r:tag, registry:5000/x@sha256:<hex>, localhost:5000/x. */
  reference: string
  /**
   * missing: use the cached image for this reference if there is one (no network), else pull.
   * always: ask the registry what the reference names now; reuse cached roots and layers that match.
   * never: use the cache only; fail when the image is not in it.
   */
  pull: PullPolicy
  /**
   * Explicit registry credentials; else what the Docker config gives for the registry (the credential
   * helper it names, else its `auths` entry; see auth.ts); else anonymous.
   */
  credentials?: { username: string; password: string }
  /** The cache's directory (created if missing); the caller picks it. */
  cacheDir: string
  /** Node's name (x64, arm64) or OCI's (amd64, arm64); process.arch by default. */
  arch?: string
  /** Receives progress lines. */
  log: (line: string) => void
  /** For DOCKER_CONFIG, HOME and the proxy variables; process.env by default. */
  env?: NodeJS.ProcessEnv
  /** The cache's size cap in bytes; DEFAULT_MAX_CACHE_BYTES (10 GiB) by default, Infinity for none. */
  maxCacheBytes?: number
  /**
   * Aborting it ends the pull at once, whatever it is doing (the step's timeout ran out, the run was
   * cancelled); its reason, a string, is how the failure says why: 'the timeout of 10m ran out'.
   */
  signal?: AbortSignal
  /** How long a request to the registry may take (request-limits.ts); the defaults where not given. */
  limits?: Partial<RequestLimits>
}

export interface PreparedImage {
  /** The unpacked root. Read-only by contract: share it read-only; never write into it. */
  rootfs: string
  /** The digest the reference resolved to (an image index's for multi-platform images); `name@digest` pins it. */
  digest: string
  /** The digest of the manifest for this platform (the cache key; equal to `digest` for single-platform images). */
  manifestDigest: string
  /** The normalized reference, e.g. docker.io/library/alpine:latest. */
  reference: string
  /** The platform unpacked, e.g. linux/amd64. */
  platform: string
  /** Disk use of the root in bytes. */
  sizeBytes: number
  /** True when no layer had to be unpacked: the root was already in the cache. */
  fromCache: boolean
  /** The image config's environment, working directory and user (for the engine to apply if it wishes). */
  config: ImageConfig
}

const DOWNLOAD_CONCURRENCY = 3

function prepared(rootfs: string, metadata: RootMetadata, fromCache: boolean, digest: string): PreparedImage {
  return {
    rootfs,
    digest,
    manifestDigest: metadata.manifestDigest,
    reference: metadata.reference,
    platform: metadata.platform,
    sizeBytes: metadata.sizeBytes,
    fromCache,
    config: metadata.config
  }
}

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
  try {
    await cache.init()
    if (request.pull !== 'always') {
      const cached = await lookup(cache, ref, platform, log)
      if (cached) {
        await cache.touchRoot(cached.metadata.manifestDigest)
        log(
          `Using ${ref.normalized} (${shortDigest(cached.digest)}…, ${platformText}) from the image cache; nothing to download`
        )
        await evict(cache, maxBytes, cached.metadata, log)
        return prepared(cached.rootfs, cached.metadata, true, cached.digest)
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
      return await pull(request, ref, platform, cache, maxBytes)
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

/** Does an image whose config says `config` run on `platform`? (A config without an architecture is trusted.) */
function runsOn(config: ImageConfig, platform: Platform): boolean {
  return !config.architecture || platformMatches({ ...config, os: config.os ?? 'linux' }, platform)
}

function wrongPlatform(where: string, ref: ImageReference, config: ImageConfig, platform: Platform): ImageError {
  const wanted = showPlatform(platform)
  return new ImageError(
    `${where}: ${ref.normalized} is built for ${showPlatform(config)}, not ${wanted}; use an image built for ${wanted}`,
    { inputMistake: true }
  )
}

async function lookup(
  cache: ImageCache,
  ref: ImageReference,
  platform: Platform,
  log: (line: string) => void
): Promise<{ rootfs: string; metadata: RootMetadata; digest: string } | undefined> {
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

async function evict(
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

async function resolve(
  client: RegistryClient,
  ref: ImageReference,
  platform: Platform
): Promise<{ digest: string; manifestDigest: string; manifest: ImageManifest; fromIndex: boolean }> {
  const where = client.where
  const top = await client.getManifest(ref.digest ?? ref.tag!, MANIFEST_ACCEPT)
  const digest = sha256(top.bytes)
  if (ref.digest && digest !== ref.digest) {
    throw new ImageError(
      `${where}: the manifest the registry sent does not match the pinned digest ${shortDigest(ref.digest)}…; ` +
        'its copy is corrupt or was altered, check the registry'
    )
  }
  const parsed = parseManifest(top.bytes, top.contentType, where)
  if (parsed.kind === 'manifest') return { digest, manifestDigest: digest, manifest: parsed, fromIndex: false }
  const { chosen, available } = pickManifest(parsed.manifests, platform)
  if (!chosen) {
    throw new ImageError(
      `${where}: ${ref.normalized} has no ${showPlatform(platform)} image; it has ${available.length > 0 ? available.join(', ') : 'no platforms listed'}; ` +
        `use an image built for ${showPlatform(platform)}`,
      { inputMistake: true }
    )
  }
  const inner = await client.getManifest(chosen.digest, MANIFEST_ACCEPT)
  if (sha256(inner.bytes) !== chosen.digest) {
    throw new ImageError(
      `${where}: the ${showPlatform(platform)} manifest the registry sent does not match its digest ` +
        `${shortDigest(chosen.digest)}…; push the image again`
    )
  }
  const manifest = parseManifest(inner.bytes, inner.contentType, where)
  if (manifest.kind !== 'manifest')
    throw new ImageError(`${where}: the image index nests another index; such images are not supported`)
  return { digest, manifestDigest: chosen.digest, manifest, fromIndex: true }
}

/** A layer's bytes, ending in `failure()` once `stop` is aborted. */
async function* untilStopped(
  bytes: AsyncIterable<Buffer>,
  stop: AbortSignal | undefined,
  failure: () => ImageError
): AsyncGenerator<Buffer> {
  for await (const chunk of bytes) {
    if (stop?.aborted) throw failure()
    yield chunk
  }
}

async function pull(
  request: ImageRequest,
  ref: ImageReference,
  platform: Platform,
  cache: ImageCache,
  maxBytes: number
): Promise<PreparedImage> {
  const log = request.log
  const platformText = showPlatform(platform)
  const started = Date.now()
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
  log(`Resolving ${ref.normalized} for ${platformText} at ${ref.endpoint} (${how})`)

  const previous = ref.digest ? undefined : await cache.readRecord(ref.normalized, platformText)
  if (previous) {
    // A registry that cannot answer here is asked again by the pull below, which reports the failure.
    const now = await client.headManifest(ref.tag!, MANIFEST_ACCEPT).catch(() => undefined)
    const found = now === previous.digest ? await intactRoot(cache, previous.manifestDigest, log) : undefined
    if (found) {
      await cache.writeRecord({ ...previous, updated: new Date().toISOString() })
      await cache.touchRoot(previous.manifestDigest)
      log(
        `${ref.normalized} is unchanged (${shortDigest(previous.digest)}…), already in the image cache; nothing to download`
      )
      await evict(cache, maxBytes, found.metadata, log)
      return prepared(found.rootfs, found.metadata, true, previous.digest)
    }
  }

  const { digest, manifestDigest, manifest, fromIndex } = await resolve(client, ref, platform)
  const record = {
    reference: ref.normalized,
    platform: platformText,
    digest,
    manifestDigest,
    updated: new Date().toISOString()
  }
  const existing = await intactRoot(cache, manifestDigest, log)
  const where = client.where
  if (existing && !fromIndex && !runsOn(existing.metadata.config, platform))
    throw wrongPlatform(where, ref, existing.metadata.config, platform)
  if (existing) {
    await cache.writeRecord(record)
    await cache.touchRoot(manifestDigest)
    log(`${ref.normalized} is ${shortDigest(digest)}…, already in the image cache; nothing to download`)
    await evict(cache, maxBytes, existing.metadata, log)
    return prepared(existing.rootfs, existing.metadata, true, digest)
  }

  manifest.layers.forEach((layer, i) => {
    if (!isLayerMediaType(layer.mediaType)) {
      throw new ImageError(
        `${where}: layer ${i + 1} has media type "${excerpt(layer.mediaType, 80)}", which is not a filesystem layer this action can unpack`
      )
    }
  })
  const layerCount = manifest.layers.length
  log(
    `Pulling ${ref.normalized} (${shortDigest(digest)}…): ${layerCount} layer${layerCount === 1 ? '' : 's'}, ` +
      formatBytes(manifest.layers.reduce((s, l) => s + l.size, 0))
  )

  // The config is fetched alongside the layers; when the pull fails, whatever is still downloading is
  // broken off rather than waited for.
  const abandon = new AbortController()
  const activity = new PullActivity(request.signal)
  const configFetch = fetchSmallBlob(client, manifest.config, 'fetching the image config', abandon.signal)
  const configDone = activity.start(() => 'fetching the image config')
  configFetch.then(configDone, configDone)
  const work = cache.tempPath('pull')
  const rootfs = path.join(work, 'rootfs')
  const downloads: Promise<void>[] = []
  const waiters: (() => void)[] = []
  // A layer not in the cache is unpacked as it downloads (download-progress.ts).
  let progress: (DownloadProgress | undefined)[] = []
  const layerLabel = (i: number): string => `layer ${i + 1}/${layerCount} ${shortDigest(manifest.layers[i].digest)}…`
  try {
    await fs.promises.mkdir(rootfs, { recursive: true, mode: 0o755 })
    const inCache = await Promise.all(manifest.layers.map((layer) => cache.hasBlob(layer.digest, layer.size)))
    progress = manifest.layers.map((_, i) => (inCache[i] ? undefined : new DownloadProgress()))
    let downloaded = 0
    let running = 0
    const fetchLayer = async (layer: Descriptor, i: number, following: DownloadProgress): Promise<void> => {
      const label = layerLabel(i)
      while (running >= DOWNLOAD_CONCURRENCY && !abandon.signal.aborted) await new Promise<void>((r) => waiters.push(r))
      if (abandon.signal.aborted) return
      running++
      const done = activity.start(
        () => `fetching ${label} (${formatBytes(following.received)} of ${formatBytes(layer.size)})`
      )
      try {
        const t0 = Date.now()
        const temp = cache.tempPath('blob')
        await downloadBlob(client, layer, temp, `fetching ${label}`, { progress: following, abandon: abandon.signal })
        await cache.publishBlob(temp, layer.digest)
        downloaded += layer.size
        log(`  ${label} fetched, ${formatBytes(layer.size)} in ${formatSeconds(Date.now() - t0)}`)
      } finally {
        done()
        running--
        waiters.shift()?.()
      }
    }
    manifest.layers.forEach((layer, i) => {
      const following = progress[i]
      if (following) downloads.push(fetchLayer(layer, i, following))
      else {
        log(`  ${layerLabel(i)} ${formatBytes(layer.size)}, already in the cache`)
        downloads.push(Promise.resolve())
      }
    })
    // Each download is awaited in layer order below (and all are settled in `finally`): until
    // then, one that fails must not count as an unhandled rejection.
    for (const download of downloads) download.catch(() => undefined)
    const config = parseImageConfig(await configFetch, where)
    if (!fromIndex && !runsOn(config, platform)) throw wrongPlatform(where, ref, config, platform)

    const compressed = manifest.layers.reduce((sum, layer) => sum + layer.size, 0)
    const builder = new RootBuilder(rootfs, { budget: unpackBudget(compressed, maxBytes), storage: cache.dir })
    for (const [i, layer] of manifest.layers.entries()) {
      const bytes = untilStopped(progress[i]?.bytes() ?? layerFile(cache.blobPath(layer.digest)), request.signal, () =>
        client.stopped(`unpacking ${layerLabel(i)}`)
      )
      const unpacked = activity.start(() => `unpacking ${layerLabel(i)}`)
      try {
        await builder.applyLayer(bytes, `${where}: ${layerLabel(i)}`)
      } catch (error) {
        await downloads[i] // when the download failed, that is the problem to report
        throw error
      } finally {
        unpacked()
      }
      await downloads[i] // the file is verified against its digest; what was unpacked is checked next
      const following = progress[i]
      if (following && following.readDigest !== layer.digest) {
        throw new ImageError(
          `${where}: ${layerLabel(i)}: the bytes unpacked while it downloaded do not match its digest ` +
            '(the registry sent other bytes before a connection broke); the image was not cached, try again'
        )
      }
    }
    builder.finish()
    for (const line of unpackNotes(builder.stats)) log(`  ${line}`)

    const metadata: RootMetadata = {
      manifestDigest,
      digest,
      reference: ref.normalized,
      platform: platformText,
      sizeBytes: builder.diskUsage,
      layers: manifest.layers.map((l) => l.digest),
      config,
      created: new Date().toISOString(),
      fingerprint: rootFingerprint(rootfs)
    }
    await fs.promises.writeFile(path.join(work, 'image.json'), JSON.stringify(metadata, null, 2) + '\n', {
      mode: 0o444
    })
    await fs.promises.writeFile(path.join(work, 'last-used'), '', { mode: 0o644 })
    const won = await cache.publishRoot(work, manifestDigest)
    const published = await intactRoot(cache, manifestDigest, log)
    if (!published)
      throw new ImageError(`${where}: the image root vanished from the cache right after it was made; try again`)
    await cache.writeRecord(record)
    await cache.touchRoot(manifestDigest)
    log(
      `Pulled ${ref.normalized} (${shortDigest(digest)}…, ${platformText}): ${formatBytes(downloaded)} downloaded, ` +
        `${formatBytes(published.metadata.sizeBytes)} unpacked, in ${formatSeconds(Date.now() - started)}` +
        (won ? '' : ' (another pull of the same image finished first; using its copy)')
    )
    await evict(cache, maxBytes, published.metadata, log)
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
    abandon.abort()
    waiters.splice(0).forEach((wake) => wake())
    progress.forEach((following) => following?.close())
    await Promise.allSettled(downloads)
    // What cannot be removed now is swept by a later pull (WorkArea.removeStale); the outcome above is what to report.
    await removeTree(work).catch(() => undefined)
  }
}
