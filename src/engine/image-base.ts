/**
 * An OCI image as the guest's base: the image inputs parsed into ImageSettings, and, at
 * run time, the image pulled (or found in the cache) and its root put where a rootfs
 * directory would be.
 */
import { ImageError } from '../image/errors.js'
import type { PreparedImage } from '../image/index.js'
import { PULL_POLICIES, type PullPolicy } from '../image/pull-policy.js'
import { parseImageReference } from '../image/reference.js'
import { InputError, showValue } from './errors.js'

export interface ImageSettings {
  /** The reference as the user wrote it (normalized when shown). */
  reference: string
  pull: PullPolicy
  credentials: { username: string; password: string } | undefined
}

/** The `image` input: a reference checked for form, with no network. */
export function parseImage(raw: string): string | undefined {
  const text = raw.trim()
  if (text === '') return undefined
  try {
    return parseImageReference(text).normalized
  } catch (error) {
    // The image module words it `image "REF": invalid reference: ...`; inputs read `"REF" is ...`.
    if (error instanceof ImageError) {
      throw new InputError(
        'image',
        error.message.replace(/^image (".*?"): invalid reference:/, '$1 is not a valid reference:')
      )
    }
    throw error
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
}

/**
 * Pulls the image or finds it in the cache; failures name the `image` input. The image
 * code is loaded only here, so runs without an image never pay for it at start-up.
 */
export async function prepareImageBase(image: ImageSettings, options: ImageRunOptions): Promise<PreparedImage> {
  const { prepareImage } = await import('../image/index.js')
  try {
    return await prepareImage({
      reference: image.reference,
      pull: image.pull,
      credentials: image.credentials,
      cacheDir: options.cacheDir,
      log: options.log
    })
  } catch (error) {
    if (error instanceof ImageError) throw new InputError('image', error.message)
    throw error
  }
}
