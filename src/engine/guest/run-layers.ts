/**
 * The layer disks a run's overlay uses: the prepared layer (from the cache, or made now by
 * running the prepare script once) and the job's writable layer (persist: job), held for the run.
 */
import fs from 'node:fs'
import path from 'node:path'
import { ImageCache } from '../../image/cache.js'
import type { PreparedImage } from '../../image/index.js'
import { HostError } from '../errors.js'
import { type DiskLock, JOB_DISK_NAME, ensureLayerDisk, lockDisk } from './layer-disk.js'
import type { LayerDisks } from './plan.js'
import { findPreparedLayer, preparedKeyParts, preparedLayerKey, publishPreparedLayer } from './prepared-layer.js'
import { type ResolvedSettings, imageOf } from '../inputs/settings.js'

/** Where the prepared layer came from, for the summary. */
export type PreparedSource = 'cache' | 'made'

export interface RunLayers {
  layers: LayerDisks
  prepared: PreparedSource | undefined
  /** Lets the job's disk go to the next step. */
  release(): Promise<void>
}

export interface LayerContext {
  settings: ResolvedSettings
  image: PreparedImage | undefined
  imageCacheDir: string
  tempDir: string
  guestArch: string
  log: (line: string) => void
}

/** Runs the prepare script with the given writable layer disk; true when it exited 0. */
export type PrepareRun = (settings: ResolvedSettings, layers: LayerDisks) => Promise<boolean>

/**
 * The prepare script runs on the bare image, without the workspace (whose content is not part
 * of the key), in /; its writable layer is a fresh disk that becomes the cached layer.
 */
function prepareSettings(settings: ResolvedSettings): ResolvedSettings {
  return {
    ...settings,
    commands: settings.prepare ?? Buffer.alloc(0),
    workspace: null,
    workdir: '/',
    ports: [],
    persist: 'step'
  }
}

/** The cached prepared layer, made first when the cache has none; undefined when the script failed. */
async function preparedLayer(context: LayerContext, runPrepare: PrepareRun): Promise<RunLayers | undefined> {
  const { settings, image } = context
  const imageSettings = imageOf(settings)
  if (!settings.prepare || !image || !imageSettings)
    return { layers: {}, prepared: undefined, release: () => Promise.resolve() }
  const script = prepareSettings(settings)
  const key = preparedLayerKey(preparedKeyParts(script, image.manifestDigest, context.guestArch))
  const cache = new ImageCache(context.imageCacheDir)
  await cache.init()
  const found = await findPreparedLayer(cache, key)
  if (found) {
    context.log('prepared layer from cache: the prepare script does not run again')
    return { layers: { middle: found }, prepared: 'cache', release: () => Promise.resolve() }
  }
  const disk = cache.tempPath('prepare')
  try {
    await ensureLayerDisk(disk, settings.persistSizeBytes)
    context.log('Running the prepare script; its layer is cached for later runs')
    if (!(await runPrepare(script, { upper: disk }))) {
      context.log('The prepare script failed: nothing was cached, and the commands do not run')
      return undefined
    }
    await publishPreparedLayer(cache, disk, key)
    await cache.evict(imageSettings.maxCacheBytes, new Set([key]))
  } finally {
    await fs.promises.rm(disk, { force: true })
  }
  const published = await findPreparedLayer(cache, key)
  if (!published) throw new HostError(`the prepared layer vanished from the image cache ${context.imageCacheDir}`)
  return { layers: { middle: published }, prepared: 'made', release: () => Promise.resolve() }
}

/** The job's writable layer, made on first use, held by this run alone. */
async function jobDisk(context: LayerContext): Promise<{ upper: string; lock: DiskLock }> {
  const file = path.join(context.tempDir, JOB_DISK_NAME)
  await ensureLayerDisk(file, context.settings.persistSizeBytes)
  const lock = await lockDisk(
    file,
    () =>
      new HostError(
        `persist: job: the job's layer disk ${file} is in use by another step running now; steps that share it must run one at a time`
      )
  )
  return { upper: file, lock }
}

/** Sets up the run's layer disks; undefined when the prepare script failed (the step fails, nothing is cached). */
export async function setUpLayers(context: LayerContext, runPrepare: PrepareRun): Promise<RunLayers | undefined> {
  // The job's disk first: a step refused for it runs no prepare script.
  const job = context.settings.persist === 'job' ? await jobDisk(context) : undefined
  try {
    const prepared = await preparedLayer(context, runPrepare)
    if (!prepared) {
      await job?.lock.release()
      return undefined
    }
    if (!job) return prepared
    return { ...prepared, layers: { ...prepared.layers, upper: job.upper }, release: () => job.lock.release() }
  } catch (error) {
    await job?.lock.release()
    throw error
  }
}
