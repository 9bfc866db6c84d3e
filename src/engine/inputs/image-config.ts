/**
 * The image config's Env, WorkingDir and User, applied as `docker run` applies them: Env
 * under the `env` input, WorkingDir when neither `workdir` nor a workspace sets the working
 * directory, User unless the `user` input is given. The config is the image author's, so
 * every value is checked before it reaches the guest's files.
 */
import path from 'node:path'
import { InputError, showValue } from '../errors.js'
import {
  AccountFileError,
  type GuestUser,
  type UserSpec,
  readAccountFiles,
  resolveUser,
  toUserSpec,
  userSpecProblem
} from './guest-user.js'
import { ENV_NAME, type EnvEntry } from './parse.js'

/** What the image config holds of interest here (src/image's ImageConfig fits). */
export interface ImageRunConfig {
  env: string[]
  workingDir?: string
  user?: string
}

/** What of the image config a run applied, for the summary: names, never values. */
export interface ImageConfigApplied {
  /** The names of the Env entries that `env` does not replace. */
  env: string[]
  workingDir: string | undefined
  user: string | undefined
}

/** The settings this module reads and fills. */
export interface ImageConfigTarget {
  env: EnvEntry[]
  workdir: string
  workdirDefaulted: boolean
  user: UserSpec | undefined
  imageEnv: EnvEntry[]
  guestUser: GuestUser | undefined
  imageConfig: ImageConfigApplied | undefined
}

function configProblem(reference: string, what: string, fix: string): InputError {
  return new InputError('image', `${reference}: its config's ${what}; ${fix}`)
}

/** Env entries as NAME=VALUE with a variable name; a value is never shown. */
export function imageEnvEntries(env: readonly string[], reference: string): EnvEntry[] {
  const entries = env.map((text, index): EnvEntry => {
    const equals = text.indexOf('=')
    const name = text.slice(0, equals)
    const value = text.slice(equals + 1)
    if (equals < 0 || !ENV_NAME.test(name) || value.includes('\0')) {
      throw configProblem(
        reference,
        `Env entry ${index + 1} is not NAME=VALUE with a variable name and no NUL byte`,
        'fix the image, or use another'
      )
    }
    return [name, value]
  })
  return [...new Map(entries.map((entry) => [entry[0], entry])).values()]
}

function imageWorkingDir(workingDir: string, reference: string): string {
  if (!workingDir.startsWith('/') || /[\t\n\r\0]/.test(workingDir)) {
    throw configProblem(
      reference,
      `WorkingDir ${showValue(workingDir)} is not an absolute path without tabs, newlines or NUL bytes`,
      'set workdir'
    )
  }
  return path.posix.normalize(workingDir).replace(/(?<=.)\/+$/, '')
}

/**
 * Resolves the run's user in `root`: the `user` input when given, else the image config's
 * User (`imageUser`); undefined when neither names one (the commands run as root, as before).
 */
export function resolveGuestUser(
  settings: Pick<ImageConfigTarget, 'user'>,
  root: string,
  base: { input: 'rootfs' | 'image'; name: string },
  imageUser?: string
): GuestUser | undefined {
  let spec = settings.user
  if (spec === undefined && imageUser !== undefined) {
    const problem = userSpecProblem(imageUser)
    if (problem) throw configProblem(base.name, `User ${showValue(imageUser)} is not a user`, `${problem}; or set user`)
    spec = toUserSpec(imageUser)
  }
  if (spec === undefined) return undefined
  try {
    return resolveUser(spec, readAccountFiles(root))
  } catch (error) {
    if (!(error instanceof AccountFileError)) throw error
    if (settings.user !== undefined) {
      throw new InputError(
        'user',
        `${showValue(spec.text)} cannot be used in ${base.input} ${base.name}: ${error.message}; expected a user of its /etc/passwd, or a uid`
      )
    }
    throw configProblem(
      base.name,
      `User ${showValue(spec.text)} cannot be used: ${error.message}`,
      'set user (e.g. user: root)'
    )
  }
}

/** The settings with the image's config applied in `root`, the image's unpacked root. */
export function applyImageConfig<S extends ImageConfigTarget>(
  settings: S,
  image: { root: string; reference: string; config: ImageRunConfig }
): S {
  const { config, reference } = image
  const imageEnv = imageEnvEntries(config.env, reference)
  const workingDir =
    settings.workdirDefaulted && config.workingDir !== undefined
      ? imageWorkingDir(config.workingDir, reference)
      : undefined
  const guestUser = resolveGuestUser(settings, image.root, { input: 'image', name: reference }, config.user)
  return {
    ...settings,
    imageEnv,
    workdir: workingDir ?? settings.workdir,
    guestUser,
    imageConfig: {
      env: imageEnv.map(([name]) => name).filter((name) => !settings.env.some(([own]) => own === name)),
      workingDir,
      user: settings.user === undefined && guestUser !== undefined ? config.user : undefined
    }
  }
}

/** How the summary names what was applied. */
export function appliedText(applied: ImageConfigApplied): string {
  const parts = [
    applied.env.length > 0 ? `Env (${applied.env.join(', ')})` : '',
    applied.workingDir !== undefined ? `WorkingDir ${applied.workingDir}` : '',
    applied.user !== undefined ? `User ${applied.user}` : ''
  ].filter((part) => part !== '')
  return parts.length > 0 ? parts.join(', ') : 'nothing'
}
