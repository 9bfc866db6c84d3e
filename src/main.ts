/** The action's main step: only sequences the helpers and turns errors into a failed step. */
import os from 'node:os'
import * as core from '@actions/core'
import { runInMicroVm } from './engine.js'
import { DEFAULT_KVM_DEVICE, HostError } from './host-checks.js'
import { getSettings } from './input-helper.js'
import { InputError } from './input-error.js'
import * as state from './state-helper.js'
import { writeSummary } from './summary.js'

export async function run(distDir: string): Promise<void> {
  try {
    const settings = getSettings()
    const result = await runInMicroVm({
      settings,
      distDir,
      tempDir: process.env.RUNNER_TEMP || os.tmpdir(),
      kvmDevice: process.env.KRUN_KVM_DEVICE || DEFAULT_KVM_DEVICE,
      onRunDir: state.saveRunDir,
      onVmStart: state.saveVmPid
    })
    state.clearState()
    const { outcome } = result
    if (outcome.exitCode !== undefined) core.setOutput('exit-code', String(outcome.exitCode))
    core.setOutput('timed-out', String(outcome.timedOut))
    if (result.log) {
      core.startGroup("libkrun's log (last lines)")
      core.info(result.log)
      core.endGroup()
    }
    await writeSummary(settings, result)
    if (outcome.failure) core.setFailed(outcome.failure)
  } catch (error) {
    if (error instanceof InputError) core.setFailed(`Input "${error.input}": ${error.problem}`)
    else if (error instanceof HostError) core.setFailed(error.message)
    else core.setFailed(`krun-action failed unexpectedly: ${(error as Error).message}`)
  }
}
