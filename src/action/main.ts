/** The action's main step: only sequences the helpers and turns errors into a failed step. */
import os from 'node:os'
import * as core from '@actions/core'
import { failureMessage } from '../engine/errors.js'
import { hostContext } from '../engine/host-context.js'
import { runInMicroVm } from '../engine/run.js'
import { findDistDir } from './dist-dir.js'
import { getSettings } from './inputs.js'
import * as state from './state.js'
import { writeSummary } from './summary.js'

export async function run(): Promise<void> {
  try {
    const host = hostContext(process.env, process.cwd(), process.env.RUNNER_TEMP || os.tmpdir())
    const settings = getSettings(host.parse)
    const result = await runInMicroVm({
      settings,
      distDir: findDistDir(),
      tempDir: host.tempDir,
      tempDirName: process.env.RUNNER_TEMP ? 'RUNNER_TEMP' : 'the temporary directory',
      kvmDevice: host.kvmDevice,
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
    core.setFailed(failureMessage(error, (input) => `Input "${input}"`))
  }
}
