/**
 * How much one pull may unpack. A few KiB of zstd can expand to gigabytes, and a registry or an
 * image is not trusted to stop: so the pull gets a budget from what it downloads, and the unpacker
 * stops the moment the image's entries would take more.
 */
import { formatBytes } from './progress.js'

/** Image layers unpack to about 2 to 5 times their compressed size; this leaves room for far more. */
export const UNPACK_RATIO = 50
/** Small images (a few KiB of layers) may still unpack to this much. */
export const UNPACK_FLOOR_BYTES = 64 * 1024 * 1024

const BLOCK = 4096
const INODE_BYTES = 256
/** A symlink target longer than this does not fit in its inode (ext4's 60 bytes). */
const INLINE_LINK_BYTES = 60

export interface UnpackBudget {
  bytes: number
  /** Why it is that much, for the failure message. */
  reason: string
}

/** The budget for a pull whose layers total `compressedBytes`, in a cache capped at `cacheCapBytes`. */
export function unpackBudget(compressedBytes: number, cacheCapBytes: number): UnpackBudget {
  const fromLayers = Math.max(UNPACK_FLOOR_BYTES, UNPACK_RATIO * compressedBytes)
  if (cacheCapBytes < fromLayers)
    return { bytes: cacheCapBytes, reason: `the image cache's cap of ${formatBytes(cacheCapBytes)}` }
  return {
    bytes: fromLayers,
    reason:
      fromLayers === UNPACK_FLOOR_BYTES
        ? `what any image may unpack to (${formatBytes(UNPACK_FLOOR_BYTES)}, or ${UNPACK_RATIO} times its compressed size if more)`
        : `${UNPACK_RATIO} times the compressed size of its layers`
  }
}

/**
 * What an entry takes on disk, as the budget counts it: an inode, and file contents, directories and
 * long symlinks in whole blocks.
 */
export function entryCost(type: 'file' | 'directory' | 'symlink' | 'other', size: number): number {
  const blocks = (bytes: number): number => Math.ceil(bytes / BLOCK) * BLOCK
  if (type === 'file') return INODE_BYTES + blocks(size)
  if (type === 'directory') return INODE_BYTES + BLOCK
  if (type === 'symlink' && size > INLINE_LINK_BYTES) return INODE_BYTES + blocks(size)
  return INODE_BYTES
}
