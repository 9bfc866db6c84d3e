/**
 * The downloads of a pull: the layers not already in the cache, a few at a time, each into the cache
 * through its digest check while the unpacker follows it (growing-file.ts). It owns how many run
 * at once and breaking them all off: close() aborts whatever is running or waiting, and waits until
 * every download has stopped.
 */
import { downloadBlob } from './blob.js'
import type { ImageCache } from './cache.js'
import { GrowingFile } from './growing-file.js'
import { layerFile } from './layers.js'
import type { Descriptor } from './manifest.js'
import { formatBytes, formatSeconds } from './progress.js'
import type { PullActivity } from './pull-activity.js'
import type { RegistryClient } from './registry.js'

const DOWNLOAD_CONCURRENCY = 3

/** At most `size` holders at once; waiters go in turn, and all are let go (with false) once `abort` fires. */
class Slots {
  private free: number
  private readonly waiting: (() => void)[] = []

  constructor(
    size: number,
    private readonly abort: AbortSignal
  ) {
    this.free = size
    abort.addEventListener('abort', () => this.waiting.splice(0).forEach((wake) => wake()), { once: true })
  }

  /** Takes a slot; false (nothing taken) when aborted first. */
  async take(): Promise<boolean> {
    while (this.free === 0 && !this.abort.aborted) await new Promise<void>((wake) => this.waiting.push(wake))
    if (this.abort.aborted) return false
    this.free--
    return true
  }

  give(): void {
    this.free++
    this.waiting.shift()?.()
  }
}

export interface SchedulerOptions {
  client: RegistryClient
  cache: ImageCache
  activity: PullActivity
  log: (line: string) => void
  /** The layer as messages name it: 'layer 2/5 sha256:…'. */
  label: (i: number) => string
}

export class DownloadScheduler {
  /** Bytes downloaded so far (layers already in the cache not counted). */
  downloaded = 0
  private readonly abandon = new AbortController()
  private readonly slots = new Slots(DOWNLOAD_CONCURRENCY, this.abandon.signal)
  private progress: (GrowingFile | undefined)[] = []
  private downloads: Promise<void>[] = []

  constructor(private readonly options: SchedulerOptions) {}

  /** Aborted once the pull is over, failed or not: for other fetches of the pull to stop with it. */
  get signal(): AbortSignal {
    return this.abandon.signal
  }

  /** Starts downloading the layers not in the cache, in order, a few at a time. */
  async start(layers: Descriptor[]): Promise<void> {
    const { cache, log, label } = this.options
    const inCache = await Promise.all(layers.map((layer) => cache.hasBlob(layer.digest, layer.size)))
    this.progress = layers.map((_, i) => (inCache[i] ? undefined : new GrowingFile()))
    this.downloads = layers.map((layer, i) => {
      const following = this.progress[i]
      if (following) return this.fetch(layer, i, following)
      log(`  ${label(i)} ${formatBytes(layer.size)}, already in the cache`)
      return Promise.resolve()
    })
    // Each failure is reported where its layer is unpacked (finished()), or not at all once the pull failed.
    for (const download of this.downloads) download.catch(() => undefined)
  }

  private async fetch(layer: Descriptor, i: number, following: GrowingFile): Promise<void> {
    const { client, cache, activity, log } = this.options
    const label = this.options.label(i)
    if (!(await this.slots.take())) return
    const done = activity.start(
      () => `fetching ${label} (${formatBytes(following.received)} of ${formatBytes(layer.size)})`
    )
    try {
      const t0 = Date.now()
      const temp = cache.tempPath('blob')
      await downloadBlob(client, layer, temp, `fetching ${label}`, { progress: following, abandon: this.signal })
      await cache.publishBlob(temp, layer.digest)
      this.downloaded += layer.size
      log(`  ${label} fetched, ${formatBytes(layer.size)} in ${formatSeconds(Date.now() - t0)}`)
    } finally {
      done()
      this.slots.give()
    }
  }

  /** Layer `i`'s bytes: followed as it downloads, or read from the cache. */
  bytes(i: number, digest: string): AsyncIterable<Buffer> {
    return this.progress[i]?.bytes() ?? layerFile(this.options.cache.blobPath(digest))
  }

  /** Settles when layer `i` is in the cache, verified against its digest; throws its download's failure. */
  finished(i: number): Promise<void> {
    return this.downloads[i] ?? Promise.resolve()
  }

  /**
   * Whether what bytes(i) yielded is the blob with `digest`: a download that restarted after a broken
   * connection may have handed the unpacker bytes of an earlier attempt that no digest check saw.
   */
  readMatches(i: number, digest: string): boolean {
    const following = this.progress[i]
    return !following || following.readDigest === digest
  }

  /** Breaks off every download still running or waiting, and waits until all have stopped. */
  async close(): Promise<void> {
    this.abandon.abort()
    this.progress.forEach((following) => following?.close())
    await Promise.allSettled(this.downloads)
  }
}
