/**
 * The engine's front door: everything the front ends (action/, cli/) use of it. The
 * pipeline is `prepareLaterSteps` (a step without commands: doctor, image, later steps) and
 * `run` (host checks, image, the microVM, the outcome, what goes back to the host);
 * `diagnose` is the doctor alone. The rest is the vocabulary both front ends speak: the
 * input table, settings, errors, the output fence.
 */
import { type AfterRun, type HostFiles, afterRun } from './after-run.js'
import type { RawInputs } from './inputs/table.js'
import { installLaterSteps } from './prepare.js'
import { type EngineOptions, type EngineResult, runInMicroVm } from './run.js'

export interface RunOptions extends EngineOptions {
  /** Where the guest's file commands go on the host, and how the front end words it. */
  hostFiles: HostFiles
  /** Install krun-run for the job's later steps (with these raw inputs as its defaults) once the VM starts. */
  laterSteps?: { raw: RawInputs; ready: (launcherDir: string) => void }
}

export type RunReport = EngineResult & AfterRun

export async function run(options: RunOptions): Promise<RunReport> {
  const { laterSteps } = options
  const result = await runInMicroVm({
    ...options,
    onVmStart: (pid) => {
      options.onVmStart?.(pid)
      // Now, while the microVM starts: the host checks passed, and the step waits anyway.
      if (laterSteps) laterSteps.ready(installLaterSteps({ ...options, raw: laterSteps.raw }))
    }
  })
  return { ...result, ...afterRun(result, options.hostFiles) }
}

export { type PrepareOptions, type PrepareResult, prepareLaterSteps } from './prepare.js'
export { type DiagnoseOptions, diagnose } from './host/diagnose.js'
export { type CheckResult, canStart, verdictLine } from './host/doctor/index.js'
export type { EngineResult } from './run.js'
export { HostError, InputError, failureMessage } from './errors.js'
export { type HostContext, hostContext } from './host/host-context.js'
export {
  INPUTS,
  INPUT_NAMES,
  type InputName,
  type InputSpec,
  OUTPUTS,
  type ParseContext,
  type RawInputs
} from './inputs/table.js'
export { defaultInputs, parseInput, shownDefault } from './inputs/raw-inputs.js'
export { type EnvEntry, parseEnv, parseEnvAssignment } from './inputs/parse.js'
export { type RunSettings, buildSettings, libkrunSettings } from './inputs/settings.js'
export { enabledFileCommands } from './guest/file-commands.js'
export { OutputFence } from './vm-process/output-fence.js'
export { type EarlyStart, discardEarly, vmEntry } from './vm-process/early-start.js'
export { removeRunDir } from './guest/run-dir.js'
export { sweepLine } from './guest/workspace-sweep.js'
export { appliedText } from './inputs/image-config.js'
export { refusalLines } from './vm-process/refused-table.js'
