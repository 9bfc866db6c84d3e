/** Resolving a reference: its manifest (through an image index for multi-platform images), checked against its digest, for one platform. */
import { sha256, shortDigest } from './blob.js'
import { ImageError, excerpt } from './errors.js'
import { isLayerMediaType } from './entry-path.js'
import { MANIFEST_ACCEPT, parseManifest, type ImageConfig, type ImageManifest } from './manifest.js'
import { pickManifest, platformMatches, showPlatform, type Platform } from './platform.js'
import type { ImageReference } from './reference.js'
import type { RegistryClient } from './registry.js'

export interface Resolved {
  /** The digest the reference resolved to (the index's, for a multi-platform image). */
  digest: string
  /** The digest of the platform's manifest. */
  manifestDigest: string
  manifest: ImageManifest
  /** Whether an image index chose the manifest (then its platform is known to match). */
  fromIndex: boolean
}

/** Does an image whose config says `config` run on `platform`? (A config without an architecture is trusted.) */
export function runsOn(config: ImageConfig, platform: Platform): boolean {
  return !config.architecture || platformMatches({ ...config, os: config.os ?? 'linux' }, platform)
}

export function wrongPlatform(where: string, ref: ImageReference, config: ImageConfig, platform: Platform): ImageError {
  const wanted = showPlatform(platform)
  return new ImageError(
    `${where}: ${ref.normalized} is built for ${showPlatform(config)}, not ${wanted}; use an image built for ${wanted}`,
    { inputMistake: true }
  )
}

/** Throws when a layer is of a kind this module cannot unpack (encrypted, or not a tar). */
export function checkLayerTypes(manifest: ImageManifest, where: string): void {
  manifest.layers.forEach((layer, i) => {
    if (!isLayerMediaType(layer.mediaType)) {
      throw new ImageError(
        `${where}: layer ${i + 1} has media type "${excerpt(layer.mediaType, 80)}", which is not a filesystem layer this action can unpack`
      )
    }
  })
}

export async function resolve(client: RegistryClient, ref: ImageReference, platform: Platform): Promise<Resolved> {
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
