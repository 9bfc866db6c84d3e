/**
 * Makes the unpacker's small files on the thread pool, a bounded number at once, while it goes on
 * reading the layer: each is created (O_EXCL | O_NOFOLLOW: never through whatever stands at its path),
 * its bytes written, and then it is finished on the main thread by `then`. Creating and filling files
 * is the costly part of unpacking, and each file needs nothing from the entries after it.
 *
 * The one thing the unpacker must do is wait before it touches a path again: done(file) before a path
 * is removed, replaced or hard-linked to, drain() before a directory is removed.
 */
import fs from 'node:fs'

export const MAX_FILES_IN_FLIGHT = 64
const MAX_BYTES_IN_FLIGHT = 16 * 1024 * 1024
const BATCH_FILES = 16
const BATCH_BYTES = 1024 * 1024
const { O_WRONLY, O_CREAT, O_EXCL, O_NOFOLLOW } = fs.constants
const CREATE_FLAGS = O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW

/** Closes a file whose write already failed: that failure is the one worth reporting. */
function closeQuietly(fd: number): void {
  try {
    fs.closeSync(fd)
  } catch {
    // see above
  }
}

interface PendingFile {
  file: string
  mode: number
  data: Buffer
  then: (fd: number) => void
}

export class FileWrites {
  private bytes = 0
  private failure: { error: unknown } | undefined
  private waiting: (() => void)[] = []
  private batch: PendingFile[] = []
  private batchBytes = 0
  /** Files handed over and not yet finished, by path. */
  private readonly pending = new Map<string, PendingFile>()

  /**
   * Creates `file` (which must not exist) with `mode`, writes `data` into it, then calls `then` with
   * its descriptor, which `then` must close. Waits first while too much is in flight; throws the first
   * failure of an earlier file.
   */
  async create(file: string, mode: number, data: Buffer, then: (fd: number) => void): Promise<void> {
    while (this.pending.has(file)) await this.next() // one file per path at a time, whatever the caller does
    while (
      this.pending.size >= MAX_FILES_IN_FLIGHT ||
      (this.bytes > 0 && this.bytes + data.length > MAX_BYTES_IN_FLIGHT)
    ) {
      this.check()
      await this.next()
    }
    this.check()
    const handed: PendingFile = { file, mode, data, then }
    this.pending.set(file, handed)
    this.bytes += data.length
    this.batch.push(handed)
    this.batchBytes += data.length
    if (this.batch.length >= BATCH_FILES || this.batchBytes >= BATCH_BYTES) this.flush()
  }

  /** Waits until `file`, if it was handed over, is finished; throws the first failure. */
  async done(file: string): Promise<void> {
    while (this.pending.has(file)) await this.next()
    this.check()
  }

  /** Waits until every file handed over is finished; throws the first failure. */
  async drain(): Promise<void> {
    await this.settle()
    this.check()
  }

  /** Waits until every file handed over is finished, whatever the outcome (for cleaning up after a failure). */
  async settle(): Promise<void> {
    while (this.pending.size > 0) await this.next()
  }

  /** Waits for the next file to finish, after handing over any still held back. */
  private next(): Promise<void> {
    this.flush()
    return new Promise<void>((wake) => this.waiting.push(wake))
  }

  // Handed to the pool together: waking an idle pool thread costs more than the hand-over itself, and
  // threads that are awake take the rest of a batch without being woken.
  private flush(): void {
    const batch = this.batch
    this.batch = []
    this.batchBytes = 0
    for (const handed of batch) this.start(handed)
  }

  private start(handed: PendingFile): void {
    fs.open(handed.file, CREATE_FLAGS, handed.mode, (error, fd) => {
      if (error) this.finished(handed, undefined, error)
      else if (handed.data.length === 0) this.finished(handed, fd, undefined)
      else this.writeFrom(handed, fd, 0)
    })
  }

  private writeFrom(handed: PendingFile, fd: number, offset: number): void {
    const { data } = handed
    fs.write(fd, data, offset, data.length - offset, null, (error, written) => {
      if (error) this.finished(handed, fd, error)
      else if (offset + written < data.length) this.writeFrom(handed, fd, offset + written)
      else this.finished(handed, fd, undefined)
    })
  }

  private finished(handed: PendingFile, fd: number | undefined, error: unknown): void {
    if (error === undefined) {
      try {
        handed.then(fd!)
      } catch (thrown) {
        error = thrown
      }
    } else if (fd !== undefined) {
      closeQuietly(fd)
    }
    if (error !== undefined) this.failure ??= { error }
    this.pending.delete(handed.file)
    this.bytes -= handed.data.length
    for (const wake of this.waiting.splice(0)) wake()
  }

  private check(): void {
    if (this.failure) throw this.failure.error
  }
}
