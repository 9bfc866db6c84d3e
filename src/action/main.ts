/** The action's main step: only sequences the helpers and turns errors into a failed step. */
import * as core from '@actions/core'
import {
  type EarlyStart,
  HostError,
  OUTPUTS,
  OutputFence,
  canStart,
  discardEarly,
  enabledFileCommands,
  failureMessage,
  hostContext,
  prepareLaterSteps,
  run as runEngine,
  verdictLine
} from '../engine/index.js'
import { findDistDir } from './dist-dir.js'
import { getSettings, hasCommands, readRawInputs } from './inputs.js'
import * as state from './state.js'
import { writeDoctorSummary, writeSummary } from './summary.js'

export const READY_LINE =
  'krun-run is ready for later steps: shell: krun-run {0} (no commands given, so nothing was run)'

/** `early`: a VM process index.ts started (early-start.ts); this run uses or discards it. */
export async function run(early?: EarlyStart): Promise<void> {
  let unused = early
  try {
    const host = hostContext(process.env, process.cwd(), 'action')
    const raw = readRawInputs()
    const settings = getSettings(host.parse, raw)
    const distDir = findDistDir()
    if (!hasCommands(raw)) {
      // What a run checks before it starts a VM process, and more; nothing is booted.
      const prepared = await prepareLaterSteps({
        settings,
        raw,
        host,
        distDir,
        log: core.info,
        onPull: { start: () => state.saveImageCache(host.imageCacheDir), end: state.clearState }
      })
      for (const check of prepared.checks) core.info(verdictLine(check))
      await writeDoctorSummary(prepared.checks, canStart(prepared.checks))
      if (prepared.failure) throw new HostError(prepared.failure)
      if (prepared.image) core.setOutput('image-digest', prepared.image.digest)
      if (prepared.launcherDir) core.addPath(prepared.launcherDir)
      core.info(READY_LINE)
      return
    }
    unused = undefined
    if (settings.base.kind === 'image') state.saveImageCache(host.imageCacheDir)
    const result = await runEngine({
      settings,
      distDir,
      host,
      log: core.info,
      fileCommands: enabledFileCommands(process.env),
      hostFiles: { env: process.env, reservedOutputs: Object.keys(OUTPUTS), exportEnvSetting: 'export-env: true' },
      fence: settings.guestWorkflowCommands ? undefined : new OutputFence((text) => process.stdout.write(text)),
      early,
      onRunDir: state.saveRunDir,
      onVmStart: state.saveVmPid,
      laterSteps: { raw, ready: core.addPath },
      onWarning: (message) => core.warning(message)
    })
    state.clearState()
    const { outcome } = result
    for (const note of result.notes) core.info(note)
    for (const warning of result.warnings) core.warning(warning)
    if (outcome.exitCode !== undefined) core.setOutput('exit-code', String(outcome.exitCode))
    if (result.image) core.setOutput('image-digest', result.image.digest)
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
  } finally {
    if (unused) await discardEarly(unused, core.warning)
  }
}
