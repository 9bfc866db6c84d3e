/** Blobs fetched into the cache, verified against their sha256 digest while they stream. */
import { createHash } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { Writable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import type { GrowingFile } from './growing-file.js'
import { ImageError, errorCode, excerpt } from './errors.js'
import type { Descriptor } from './manifest.js'
import { readLimited } from './read-limited.js'
import { TransientError } from './registry-errors.js'
import type { RegistryClient } from './registry.js'

export function sha256(bytes: Buffer): string {
  return `sha256:${createHash('sha256').update(bytes).digest('hex')}`
}

export function shortDigest(digest: string): string {
  return digest.slice(0, 19)
}

/**
 * Streams blob `desc` into `file` (which must not exist yet) through a sha256 hash. A digest or size
 * mismatch throws an ImageError and removes the file; a broken connection starts the blob over; a
 * failed write to the file is an ImageError at once (a full disk is not the network: no retry).
 * `progress`, when given, hears how far the file is written, for a reader that follows it; aborting
 * `abandon` breaks the download off (and removes the file).
 */
export async function downloadBlob(
  client: RegistryClient,
  desc: Descriptor,
  file: string,
  what: string,
  { progress, abandon }: { progress?: GrowingFile; abandon?: AbortSignal } = {}
): Promise<void> {
  const expected = desc.digest.slice('sha256:'.length)
  let fd: number
  try {
    fd = fs.openSync(file, 'wx', 0o644)
  } catch (error) {
    progress?.ended(error) // a reader following the download must hear of it, however early it fails
    throw error
  }
  const writeFailed = (error: unknown): ImageError =>
    new ImageError(
      `${client.where}: ${what}: writing it to the image cache in ${path.dirname(file)} failed ` +
        `(${errorCode(error) ?? excerpt((error as Error)?.message ?? String(error), 80)}); free space there or move the cache`
    )
  try {
    progress?.opened(file)
    await client.request(
      `blobs/${desc.digest}`,
      what,
      undefined,
      async (res) => {
        try {
          fs.ftruncateSync(fd, 0)
        } catch (error) {
          throw writeFailed(error)
        }
        progress?.restarted()
        const hash = createHash('sha256')
        let received = 0
        const sink = new Writable({
          write(chunk: Buffer, _encoding, callback) {
            if (received + chunk.length > desc.size) {
              callback(
                new ImageError(
                  `${client.where}: ${what}: the registry sent more than the ${desc.size} bytes the manifest lists`
                )
              )
              return
            }
            hash.update(chunk)
            try {
              for (let done = 0; done < chunk.length;)
                done += fs.writeSync(fd, chunk, done, chunk.length - done, received + done)
            } catch (error) {
              callback(writeFailed(error))
              return
            }
            received += chunk.length
            progress?.wrote(received)
            callback()
          }
        })
        await pipeline(res.body, sink)
        if (received < desc.size)
          throw new TransientError(`the transfer stopped after ${received} of ${desc.size} bytes`)
        const actual = hash.digest('hex')
        if (actual !== expected) {
          throw new ImageError(
            `${client.where}: ${what}: the content does not match its digest ${shortDigest(desc.digest)}… (got sha256:${actual.slice(0, 12)}…); ` +
              'the registry holds a corrupt blob, nothing was cached: push the image again'
          )
        }
      },
      { abandon, bytes: desc.size }
    )
    progress?.ended()
  } catch (error) {
    progress?.ended(error)
    await fs.promises.rm(file, { force: true })
    throw error
  } finally {
    fs.closeSync(fd)
  }
}

/** Fetches a small blob (the image config) into memory, verified against its digest; `abandon` as for downloadBlob. */
export async function fetchSmallBlob(
  client: RegistryClient,
  desc: Descriptor,
  what: string,
  abandon?: AbortSignal
): Promise<Buffer> {
  const bytes = await client.request(
    `blobs/${desc.digest}`,
    what,
    undefined,
    (res) => readLimited(res.body, 16 * 1024 * 1024, { where: client.where, what }),
    { abandon, bytes: desc.size }
  )
  if (sha256(bytes) !== desc.digest) {
    throw new ImageError(
      `${client.where}: ${what}: the content does not match its digest ${shortDigest(desc.digest)}…; ` +
        'the registry holds a corrupt blob, push the image again'
    )
  }
  return bytes
}
