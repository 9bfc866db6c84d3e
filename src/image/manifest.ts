/** Manifest media types (Docker v2 and OCI) and the few fields of them this module reads. */
import { ImageError, excerpt } from './errors.js'

export const MEDIA = {
  dockerManifest: 'application/vnd.docker.distribution.manifest.v2+json',
  dockerList: 'application/vnd.docker.distribution.manifest.list.v2+json',
  ociManifest: 'application/vnd.oci.image.manifest.v1+json',
  ociIndex: 'application/vnd.oci.image.index.v1+json'
} as const

export const MANIFEST_ACCEPT = [MEDIA.ociIndex, MEDIA.dockerList, MEDIA.ociManifest, MEDIA.dockerManifest].join(', ')

export interface Descriptor {
  mediaType: string
  digest: string
  size: number
  urls?: string[]
  platform?: { os?: string; architecture?: string; variant?: string }
  annotations?: Record<string, string>
}

export interface ImageManifest {
  kind: 'manifest'
  mediaType: string
  config: Descriptor
  layers: Descriptor[]
}

export interface ImageIndex {
  kind: 'index'
  mediaType: string
  manifests: Descriptor[]
}

const DIGEST = /^sha256:[a-f0-9]{64}$/

function descriptor(value: unknown, what: string, where: string): Descriptor {
  const d = value as Partial<Descriptor> | null
  if (!d || typeof d !== 'object' || typeof d.digest !== 'string' || typeof d.size !== 'number') {
    throw new ImageError(`${where}: the manifest's ${what} is malformed; the image cannot be used`)
  }
  if (!DIGEST.test(d.digest)) {
    throw new ImageError(
      `${where}: the manifest's ${what} has digest "${excerpt(d.digest, 80)}", only sha256 is supported`
    )
  }
  if (!Number.isSafeInteger(d.size) || d.size < 0) {
    throw new ImageError(`${where}: the manifest's ${what} has an invalid size`)
  }
  return { ...d, mediaType: typeof d.mediaType === 'string' ? d.mediaType : '' } as Descriptor
}

/** Parses manifest bytes, trusting the body's mediaType over the response's Content-Type when both are given. */
export function parseManifest(bytes: Buffer, contentType: string, where: string): ImageManifest | ImageIndex {
  let json: Record<string, unknown>
  try {
    json = JSON.parse(bytes.toString('utf8')) as Record<string, unknown>
  } catch {
    throw new ImageError(`${where}: the registry sent a manifest that is not JSON; the image cannot be used`)
  }
  if (!json || typeof json !== 'object') throw new ImageError(`${where}: the registry sent an empty manifest`)
  const mediaType = typeof json.mediaType === 'string' ? json.mediaType : contentType.split(';')[0].trim()
  if (
    mediaType === MEDIA.dockerList ||
    mediaType === MEDIA.ociIndex ||
    (!json.layers && Array.isArray(json.manifests))
  ) {
    if (!Array.isArray(json.manifests)) throw new ImageError(`${where}: the image index lists no manifests`)
    return {
      kind: 'index',
      mediaType,
      manifests: json.manifests.map((m, i) => descriptor(m, `entry ${i + 1}`, where))
    }
  }
  if (
    mediaType === MEDIA.dockerManifest ||
    mediaType === MEDIA.ociManifest ||
    (json.config && Array.isArray(json.layers))
  ) {
    if (!Array.isArray(json.layers)) throw new ImageError(`${where}: the manifest lists no layers`)
    return {
      kind: 'manifest',
      mediaType,
      config: descriptor(json.config, 'config', where),
      layers: json.layers.map((l, i) => descriptor(l, `layer ${i + 1}`, where))
    }
  }
  if (json.schemaVersion === 1) {
    throw new ImageError(
      `${where}: the image uses the retired Docker schema 1 manifest; push it again with a current Docker`
    )
  }
  throw new ImageError(`${where}: unsupported manifest media type "${excerpt(String(mediaType), 80)}"`)
}

/** The image config's fields a runner may want (environment, working directory, user). */
export interface ImageConfig {
  architecture?: string
  os?: string
  variant?: string
  env: string[]
  workingDir?: string
  user?: string
}

export function parseImageConfig(bytes: Buffer, where: string): ImageConfig {
  let json: Record<string, unknown>
  try {
    json = JSON.parse(bytes.toString('utf8')) as Record<string, unknown>
  } catch {
    throw new ImageError(`${where}: the image config is not JSON; the image cannot be used`)
  }
  const config = (json.config ?? {}) as Record<string, unknown>
  const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined)
  return {
    architecture: str(json.architecture),
    os: str(json.os),
    variant: str(json.variant),
    env: Array.isArray(config.Env) ? config.Env.filter((e): e is string => typeof e === 'string') : [],
    workingDir: str(config.WorkingDir),
    user: str(config.User)
  }
}
