/** Reading a whole response body from a registry, up to a cap. */
import type { Readable } from 'node:stream'
import { ImageError } from './errors.js'

/** How a limit reads in a message: 8 MiB, 64 KiB. */
function sizeText(bytes: number): string {
  return bytes % 2 ** 20 === 0 ? `${bytes / 2 ** 20} MiB` : `${bytes / 2 ** 10} KiB`
}

/**
 * Reads a whole stream, failing when it is longer than `limit` bytes; the failure says where
 * (RegistryClient.where) and while doing what, as every other image error does.
 */
export async function readLimited(
  stream: Readable,
  limit: number,
  context: { where: string; what: string }
): Promise<Buffer> {
  const chunks: Buffer[] = []
  let total = 0
  for await (const chunk of stream) {
    total += (chunk as Buffer).length
    if (total > limit) {
      throw new ImageError(
        `${context.where}: the registry sent more than ${sizeText(limit)} while ${context.what}; it is misbehaving`
      )
    }
    chunks.push(chunk as Buffer)
  }
  return Buffer.concat(chunks)
}
