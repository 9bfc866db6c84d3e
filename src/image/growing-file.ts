/**
 * A layer read while it downloads. The downloader reports how much of its file is written; the
 * unpacker reads behind it, so unpacking a layer overlaps its download. A broken transfer starts the
 * file over; a reader that got ahead waits until the new attempt passes where it was, then reads on.
 * What it read before the restart came from the earlier attempt, which the download's own digest
 * check never sees: so the reader hashes exactly the bytes it hands out, and the caller compares that
 * digest (readDigest) with the blob's before the root is published.
 */
import { createHash } from 'node:crypto'
import fs from 'node:fs'

const READ_CHUNK_BYTES = 256 * 1024

export class GrowingFile {
  private readFd: number | undefined
  private written = 0
  private outcome: { failed: boolean; error?: unknown } | undefined
  private waiting: (() => void)[] = []
  private digestRead: string | undefined

  /** How many bytes of the current attempt are written. */
  get received(): number {
    return this.written
  }

  /** The downloader made its file. */
  opened(file: string): void {
    this.readFd ??= fs.openSync(file, fs.constants.O_RDONLY | fs.constants.O_NOFOLLOW)
    this.notify()
  }

  /** The downloader starts the file over. */
  restarted(): void {
    this.written = 0
  }

  /** The first `total` bytes of the file are written. */
  wrote(total: number): void {
    this.written = total
    this.notify()
  }

  /** The download is over: verified, or failed with `error`. */
  ended(error?: unknown): void {
    this.outcome = error === undefined ? { failed: false } : { failed: true, error }
    this.notify()
  }

  /**
   * The sha256 digest (`sha256:<hex>`) of every byte bytes() yielded, once it has yielded all of a
   * download that succeeded; undefined before that, or when the reader stopped early.
   */
  get readDigest(): string | undefined {
    return this.digestRead
  }

  /** The blob's bytes as they are written; throws the download's failure. Read it once. */
  async *bytes(): AsyncGenerator<Buffer> {
    const hash = createHash('sha256')
    let offset = 0
    try {
      for (;;) {
        if (this.readFd !== undefined && offset < this.written) {
          const chunk = Buffer.allocUnsafe(Math.min(READ_CHUNK_BYTES, this.written - offset))
          const read = fs.readSync(this.readFd, chunk, 0, chunk.length, offset)
          if (read > 0) {
            offset += read
            const piece = chunk.subarray(0, read)
            hash.update(piece)
            yield piece
            continue
          }
        }
        if (this.outcome?.failed) throw this.outcome.error
        if (this.outcome && offset >= this.written) {
          this.digestRead = `sha256:${hash.digest('hex')}`
          return
        }
        if (this.outcome && this.readFd === undefined) return
        await new Promise<void>((wake) => this.waiting.push(wake))
      }
    } finally {
      this.close()
    }
  }

  close(): void {
    if (this.readFd !== undefined) fs.closeSync(this.readFd)
    this.readFd = undefined
  }

  private notify(): void {
    for (const wake of this.waiting.splice(0)) wake()
  }
}
