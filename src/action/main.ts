/** The action's main step: only sequences the helpers and turns errors into a failed step. */
import * as core from '@actions/core'
import { failureMessage } from '../engine/errors.js'
import { droppedWarning, enabledFileCommands } from '../engine/file-commands.js'
import { applyGuestFileCommands } from '../engine/host-file-commands.js'
import { hostContext } from '../engine/host-context.js'
import { prepareImageBase, timeoutFromNow } from '../engine/image-base.js'
import { OUTPUTS } from '../engine/inputs.js'
import { type EarlyStart, discardEarly } from '../engine/early-start.js'
import { refusalLines } from '../engine/refused-table.js'
import { OutputFence } from '../engine/output-fence.js'
import { runInMicroVm } from '../engine/run.js'
import { sweepLine, sweepWarnings } from '../engine/workspace-sweep.js'
import { findDistDir } from './dist-dir.js'
import { checkHostForLaterSteps } from './host-check.js'
import { getSettings, hasCommands, readRawInputs } from './inputs.js'
import { READY_LINE, installForLaterSteps } from './later-steps.js'
import * as state from './state.js'
import { writeSummary } from './summary.js'

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
      await checkHostForLaterSteps(settings, host, distDir)
      if (settings.image) {
        state.saveImageCache(host.imageCacheDir)
        // Pulled now, with this step's credentials (never saved for later steps): krun-run
        // started by the launcher installed below runs it from this same cache.
        const image = await prepareImageBase(settings.image, {
          cacheDir: host.imageCacheDir,
          log: core.info,
          timeout: timeoutFromNow(settings.timeoutSeconds)
        })
        core.setOutput('image-digest', image.digest)
        state.clearState()
      }
      installForLaterSteps(raw, settings, host.tempDir, distDir)
      core.info(READY_LINE)
      return
    }
    unused = undefined
    if (settings.image) state.saveImageCache(host.imageCacheDir)
    const result = await runInMicroVm({
      settings,
      distDir,
      host,
      log: core.info,
      fileCommands: enabledFileCommands(process.env),
      fence: settings.guestWorkflowCommands ? undefined : new OutputFence((text) => process.stdout.write(text)),
      early,
      onRunDir: state.saveRunDir,
      onVmStart: (pid) => {
        state.saveVmPid(pid)
        // Now, while the microVM starts: the host checks passed, and the step waits anyway.
        installForLaterSteps(raw, settings, host.tempDir, distDir)
      },
      onWarning: (message) => core.warning(message)
    })
    state.clearState()
    const { outcome } = result
    const reserved = Object.keys(OUTPUTS)
    for (const warning of [
      droppedWarning(result.fileCommands.dropped, 'export-env: true'),
      ...result.fileCommands.warnings,
      ...applyGuestFileCommands(result.fileCommands, process.env, reserved)
    ]) {
      if (warning !== undefined) core.warning(warning)
    }
    if (result.workspaceSweep) {
      const line = sweepLine(result.workspaceSweep)
      if (line) core.info(line)
      for (const warning of sweepWarnings(result.workspaceSweep)) core.warning(warning)
    }
    if (result.refusals && result.refusals.total > 0) {
      for (const line of refusalLines(result.refusals)) core.info(line)
    }
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
