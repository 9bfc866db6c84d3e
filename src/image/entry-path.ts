/** What a layer's entries name: paths split safely, whiteouts, and which media types are layers at all. */

export const WHITEOUT = '.wh.'
export const OPAQUE = '.wh..wh..opq'

/** Is this media type a filesystem layer (tar, possibly compressed)? Empty counts as yes. */
export function isLayerMediaType(mediaType: string): boolean {
  if (mediaType === '') return true
  if (/encrypted/.test(mediaType)) return false
  return /\.(?:tar|diff\.tar)(?:\.gzip|\.zstd|\+gzip|\+zstd)?$/.test(mediaType) || /rootfs\.diff\.tar/.test(mediaType)
}

/** Splits a tar path into components; undefined when it tries to climb out with `..`. */
export function entryParts(name: string): string[] | undefined {
  if (name.includes('\0')) return undefined
  const parts = name.split('/').filter((p) => p !== '' && p !== '.')
  return parts.includes('..') ? undefined : parts
}
