/**
 * An OCI image as the guest's base: the image inputs parsed into ImageSettings, and, at
 * run time, the image pulled (or found in the cache) and its root put where a rootfs
 * directory would be.
 */
import { ImageError, InvalidReferenceError } from '../../image/errors.js'
import type { PreparedImage } from '../../image/index.js'
import { PULL_POLICIES, type PullPolicy } from '../../image/pull-policy.js'
import { parseImageReference } from '../../image/reference.js'
import { HostError, InputError, showValue } from '../errors.js'
import { formatDuration } from '../inputs/parse.js'

export interface ImageSettings {
  /** The reference as the user wrote it (normalized when shown). */
  reference: string
  pull: PullPolicy
  credentials: { username: string; password: string } | undefined
  /** The image cache's size cap (cache-size): pulls and prepared layers evict past it. */
  maxCacheBytes: number
}

/**
 * How an image failure reads: a mistake in what was asked for (a malformed reference, an image
 * that is not there or not for this platform, one not cached under pull "never") names the
 * `image` input; anything else (the registry, the network, the cache's disk) is shown as it is.
 */
function imageFailure(error: unknown): unknown {
  if (error instanceof InvalidReferenceError) {
    return new InputError('image', `${showValue(error.reference)} is not a valid reference: ${error.problem}`)
  }
  if (error instanceof ImageError)
    return error.inputMistake ? new InputError('image', error.message) : new HostError(error.message)
  return error
}

/** The `image` input: a reference checked for form, with no network. */
export function parseImage(raw: string): string | undefined {
  const text = raw.trim()
  if (text === '') return undefined
  try {
    return parseImageReference(text).normalized
  } catch (error) {
    throw imageFailure(error)
  }
}

export function parsePull(raw: string): PullPolicy {
  const text = raw.trim().toLowerCase()
  if ((PULL_POLICIES as readonly string[]).includes(text)) return text as PullPolicy
  throw new InputError('pull', `${showValue(raw)} is not a pull policy; expected ${PULL_POLICIES.join(', ')}`)
}

/** Registry credentials come as a pair or not at all; the password is never shown. */
export function registryCredentials(username: string, password: string): ImageSettings['credentials'] {
  const user = username.trim()
  if (user === '' && password === '') return undefined
  if (user === '') {
    throw new InputError('registry-password', 'is set but registry-username is not; give both, or neither')
  }
  if (password === '') {
    throw new InputError('registry-password', 'is empty but registry-username is set; give both, or neither')
  }
  return { username: user, password }
}

export interface ImageRunOptions {
  cacheDir: string
  log: (line: string) => void
  /** The run's timeout, which the pull is part of: it must be over when the timeout runs out. */
  timeout?: { seconds: number; endsAt: number }
}

/**
 * What stops a pull: the run's timeout running out, or SIGINT or SIGTERM (a cancelled job),
 * which would otherwise end the process with the pull's temporary files left behind.
 */
function pullStop(timeout: ImageRunOptions['timeout']): { signal: AbortSignal; release: () => void } {
  const controller = new AbortController()
  const timer =
    timeout &&
    setTimeout(
      () => controller.abort(`the timeout (${formatDuration(timeout.seconds)}) ran out`),
      Math.max(0, timeout.endsAt - Date.now())
    )
  const onSignal = (signal: NodeJS.Signals): void => controller.abort(`the run was cancelled (${signal})`)
  process.on('SIGINT', onSignal)
  process.on('SIGTERM', onSignal)
  return {
    signal: controller.signal,
    release: () => {
      clearTimeout(timer)
      process.off('SIGINT', onSignal)
      process.off('SIGTERM', onSignal)
    }
  }
}

/**
 * Pulls the image or finds it in the cache; a failure is one line (see imageFailure). The
 * image code is loaded only here, so runs without an image never pay for it at start-up.
 */
export async function prepareImageBase(image: ImageSettings, options: ImageRunOptions): Promise<PreparedImage> {
  const { prepareImage } = await import('../../image/index.js')
  const stop = pullStop(options.timeout)
  try {
    return await prepareImage({
      reference: image.reference,
      pull: image.pull,
      credentials: image.credentials,
      maxCacheBytes: image.maxCacheBytes,
      cacheDir: options.cacheDir,
      log: options.log,
      signal: stop.signal
    })
  } catch (error) {
    throw imageFailure(error)
  } finally {
    stop.release()
  }
}

/** The run's timeout, from now, as prepareImageBase takes it; undefined without one. */
export function timeoutFromNow(seconds: number | undefined): ImageRunOptions['timeout'] {
  return seconds === undefined ? undefined : { seconds, endsAt: Date.now() + seconds * 1000 }
}
