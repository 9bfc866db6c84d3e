/** The host check of a step without commands, which only prepares the job's later steps. */
import * as core from '@actions/core'
import { canStart, firstFailure, runDoctor, verdictLine } from '../engine/doctor/index.js'
import { HostError } from '../engine/errors.js'
import type { HostContext } from '../engine/host-context.js'
import { ensureKvmAccess } from '../engine/kvm-access.js'
import { resolveLibkrun } from '../engine/libkrun-choice.js'
import type { RunSettings } from '../engine/settings.js'
import { writeDoctorSummary } from './summary.js'

/**
 * A step without commands: kvm-access may fix the device first (as a run would), then the
 * doctor's verdicts, in the log and the job summary. Throws a HostError naming the first
 * failed check when no microVM could start here.
 */
export async function checkHostForLaterSteps(settings: RunSettings, host: HostContext, distDir: string): Promise<void> {
  const kvm = { device: host.kvmDevice, policy: settings.kvmAccess, githubHosted: host.githubHosted }
  try {
    await ensureKvmAccess(kvm, { log: core.info })
  } catch (error) {
    // The doctor's verdict on KVM access follows; this says what kvm-access tried.
    if (!(error instanceof HostError)) throw error
    core.info(`kvm-access: ${error.message}`)
  }
  const checks = await runDoctor({
    distDir,
    kvm,
    findLibkrun: () => resolveLibkrun(settings, { cacheDir: host.libkrunCacheDir, log: core.info }),
    tempDir: host.tempDir,
    tempDirName: host.tempDirName,
    imageCacheDir: host.imageCacheDir,
    env: process.env
  })
  for (const check of checks) core.info(verdictLine(check))
  await writeDoctorSummary(checks, canStart(checks))
  const failure = firstFailure(checks)
  if (failure) throw new HostError(failure)
}
