/**
 * The host doctor as a front end asks for it: kvm-access may fix the device first (as a run
 * would), then one verdict per host fact. Shared by the action's step without commands and
 * `krun-run --doctor`.
 */
import { type CheckResult, runDoctor } from './doctor/index.js'
import { HostError } from '../errors.js'
import type { HostContext } from './host-context.js'
import { type KvmAccessPolicy, ensureKvmAccess } from './kvm-access.js'
import { resolveLibkrun } from './libkrun-choice.js'
import type { LibkrunSettings } from '../inputs/settings.js'

export interface DiagnoseOptions {
  kvmAccess: KvmAccessPolicy
  /** What the user named as libkrun; asked when the doctor gets to it, so a bad name is its verdict. */
  libkrun: () => LibkrunSettings
  host: Omit<HostContext, 'parse'>
  distDir: string
  /** Progress lines: a libkrun downloaded, what kvm-access did. */
  log: (line: string) => void
  env: NodeJS.ProcessEnv
  /** Let kvm-access change the host first, as a run would; else only look. */
  fixKvm: boolean
  /** The one line a failed libkrun lookup shows, in the front end's words. */
  libkrunFailure?: (error: unknown) => string
}

export async function diagnose(options: DiagnoseOptions): Promise<CheckResult[]> {
  const { host } = options
  const kvm = { device: host.kvmDevice, policy: options.kvmAccess, githubHosted: host.githubHosted }
  if (options.fixKvm) {
    try {
      await ensureKvmAccess(kvm, { log: options.log })
    } catch (error) {
      // The doctor's verdict on KVM access follows; this says what kvm-access tried.
      if (!(error instanceof HostError)) throw error
      options.log(`kvm-access: ${error.message}`)
    }
  }
  return runDoctor({
    distDir: options.distDir,
    kvm,
    findLibkrun: async () => {
      try {
        return await resolveLibkrun(options.libkrun(), { cacheDir: host.libkrunCacheDir, log: options.log })
      } catch (error) {
        if (!options.libkrunFailure) throw error
        throw new Error(options.libkrunFailure(error), { cause: error })
      }
    },
    tempDir: host.tempDir,
    tempDirName: host.tempDirName,
    imageCacheDir: host.imageCacheDir,
    env: options.env
  })
}
