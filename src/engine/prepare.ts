/**
 * The setup-only path, a step without commands: the doctor (what a run checks before it
 * starts a VM process, and more), the image pulled into the cache with this step's
 * credentials, and krun-run installed for the job's later steps. Nothing is booted.
 */
import type { PreparedImage } from '../image/index.js'
import { installLauncher } from '../later-steps/launcher.js'
import { savedInputs } from '../later-steps/saved-settings.js'
import { diagnose } from './host/diagnose.js'
import { type CheckResult, firstFailure } from './host/doctor/index.js'
import type { HostContext } from './host/host-context.js'
import { prepareImageBase, timeoutFromNow } from './guest/image-base.js'
import type { RawInputs } from './inputs/table.js'
import { type RunSettings, imageOf } from './inputs/settings.js'

export interface PrepareOptions {
  settings: RunSettings
  /** The step's raw inputs: the later steps' defaults are saved from them. */
  raw: RawInputs
  host: Omit<HostContext, 'parse'>
  distDir: string
  log: (line: string) => void
  /** Before a pull starts (it may leave a partial root in the cache if killed), and after it ends. */
  onPull?: { start: () => void; end: () => void }
}

export interface PrepareResult {
  checks: CheckResult[]
  /** The first failed check: no microVM could start here, and nothing else was done. */
  failure: string | undefined
  image: PreparedImage | undefined
  /** The directory holding krun-run, for the later steps' PATH. */
  launcherDir: string | undefined
}

export async function prepareLaterSteps(options: PrepareOptions): Promise<PrepareResult> {
  const { settings, host } = options
  const checks = await diagnose({
    kvmAccess: settings.kvmAccess,
    libkrun: () => settings,
    host,
    distDir: options.distDir,
    log: options.log,
    env: process.env,
    fixKvm: true
  })
  const failure = firstFailure(checks)
  if (failure) return { checks, failure, image: undefined, launcherDir: undefined }
  let image: PreparedImage | undefined
  const imageSettings = imageOf(settings)
  if (imageSettings) {
    options.onPull?.start()
    // Pulled now, with this step's credentials (never saved for later steps): the krun-run
    // installed below runs it from this same cache.
    image = await prepareImageBase(imageSettings, {
      cacheDir: host.imageCacheDir,
      log: options.log,
      timeout: timeoutFromNow(settings.timeoutSeconds)
    })
    options.onPull?.end()
  }
  return { checks, failure, image, launcherDir: installLaterSteps(options) }
}

/** Puts krun-run in a directory for the later steps' PATH, with this step's settings as its defaults. */
export function installLaterSteps(options: Pick<PrepareOptions, 'raw' | 'settings' | 'host' | 'distDir'>): string {
  return installLauncher({
    tempDir: options.host.tempDir,
    distDir: options.distDir,
    nodePath: process.execPath,
    saved: savedInputs(options.raw, options.settings)
  })
}
