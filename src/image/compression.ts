/**
 * Compressed tar streams, told apart by their first bytes: gzip, zstd or none. Image layers and
 * pinned libkrun archives both come this way.
 */
import type { Transform } from 'node:stream'
import zlib from 'node:zlib'

export type Compression = 'gzip' | 'zstd' | 'none'

/** Decompressed output comes in pieces this large: each is a round trip to the thread pool. */
const DECOMPRESSED_CHUNK_BYTES = 1024 * 1024

/** Picks the decompressor from the first bytes (a layer's media type only has to name a tar). */
export function detectCompression(head: Buffer): Compression {
  if (head.length >= 2 && head[0] === 0x1f && head[1] === 0x8b) return 'gzip'
  if (head.length >= 4 && head.readUInt32LE(0) === 0xfd2fb528) return 'zstd'
  return 'none'
}

/** A stream that decompresses, or undefined for a plain tar. */
export function decompressor(compression: Compression): Transform | undefined {
  if (compression === 'gzip') return zlib.createGunzip({ chunkSize: DECOMPRESSED_CHUNK_BYTES })
  if (compression === 'zstd') return zlib.createZstdDecompress({ chunkSize: DECOMPRESSED_CHUNK_BYTES })
  return undefined
}

/** The first `size` bytes of a stream, and the whole stream again. */
export async function withHead(
  iterator: AsyncIterator<Buffer>,
  size: number
): Promise<{ head: Buffer; all: AsyncIterable<Buffer> }> {
  const first: Buffer[] = []
  let have = 0
  while (have < size) {
    const next = await iterator.next()
    if (next.done) break
    first.push(next.value)
    have += next.value.length
  }
  async function* all(): AsyncGenerator<Buffer> {
    yield* first
    for (let next = await iterator.next(); !next.done; next = await iterator.next()) yield next.value
  }
  return { head: Buffer.concat(first).subarray(0, size), all: all() }
}
