/**
 * Unpack-and-verify: the layers applied in order to a new root as they download, each then checked:
 * its file in the cache against its digest (by the download), and the very bytes the unpacker read
 * against the same digest (a restarted download could have fed it bytes no check saw).
 */
import type { DownloadScheduler } from './download-scheduler.js'
import { ImageError } from './errors.js'
import { RootBuilder, unpackNotes } from './layers.js'
import type { Descriptor } from './manifest.js'
import type { PullActivity } from './pull-activity.js'
import type { UnpackBudget } from './unpack-budget.js'

export interface UnpackOptions {
  /** The image's registry and repository, as errors begin. */
  where: string
  label: (i: number) => string
  budget: UnpackBudget
  /** The image cache's directory, as errors about its disk name it. */
  storage: string
  activity: PullActivity
  /** Aborted: the pull stops where it is, with `stopped(what)` as its failure. */
  stop: AbortSignal | undefined
  stopped: (what: string) => ImageError
  log: (line: string) => void
}

/** A layer's bytes, ending in `failure()` once `stop` is aborted. */
async function* untilStopped(
  bytes: AsyncIterable<Buffer>,
  stop: AbortSignal | undefined,
  failure: () => ImageError
): AsyncGenerator<Buffer> {
  for await (const chunk of bytes) {
    if (stop?.aborted) throw failure()
    yield chunk
  }
}

/** Builds the root at `rootfs` from `layers`; returns its disk use in bytes. */
export async function unpackLayers(
  rootfs: string,
  layers: Descriptor[],
  downloads: DownloadScheduler,
  options: UnpackOptions
): Promise<number> {
  const { where, label, activity } = options
  const builder = new RootBuilder(rootfs, { budget: options.budget, storage: options.storage })
  for (const [i, layer] of layers.entries()) {
    const bytes = untilStopped(downloads.bytes(i, layer.digest), options.stop, () =>
      options.stopped(`unpacking ${label(i)}`)
    )
    const unpacked = activity.start(() => `unpacking ${label(i)}`)
    try {
      await builder.applyLayer(bytes, `${where}: ${label(i)}`)
    } catch (error) {
      await downloads.finished(i) // when the download failed, that is the problem to report
      throw error
    } finally {
      unpacked()
    }
    await downloads.finished(i) // the file is verified against its digest; what was unpacked is checked next
    if (!downloads.readMatches(i, layer.digest)) {
      throw new ImageError(
        `${where}: ${label(i)}: the bytes unpacked while it downloaded do not match its digest ` +
          '(the registry sent other bytes before a connection broke); the image was not cached, try again'
      )
    }
  }
  builder.finish()
  for (const line of unpackNotes(builder.stats)) options.log(`  ${line}`)
  return builder.diskUsage
}
