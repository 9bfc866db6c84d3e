/** What a caller asks of prepareImage and what it gets back; and what the pieces of a pull share. */
import type { ImageCache, RootMetadata } from './cache.js'
import type { ImageConfig } from './manifest.js'
import type { Platform } from './platform.js'
import type { PullPolicy } from './pull-policy.js'
import type { ImageReference } from './reference.js'
import type { RequestLimits } from './request-limits.js'

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

/** One prepareImage call, as its pieces see it. */
export interface PullContext {
  request: ImageRequest
  ref: ImageReference
  platform: Platform
  /** The platform as messages and cache records write it: linux/amd64. */
  platformText: string
  cache: ImageCache
  /** The cache's size cap in bytes. */
  maxBytes: number
  log: (line: string) => void
}

export function prepared(rootfs: string, metadata: RootMetadata, fromCache: boolean, digest: string): PreparedImage {
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
