/**
 * What a run hands back to the host once it has ended: the guest's file commands appended
 * to the host's own files, and the lines the front end shows about them, about what the run
 * left in the workspace and about what the network policy refused.
 */
import { droppedWarning } from './guest/file-commands.js'
import { applyGuestFileCommands } from './guest/host-file-commands.js'
import { refusalLines } from './vm-process/refused-table.js'
import type { EngineResult } from './run.js'
import { sweepLine, sweepWarnings } from './guest/workspace-sweep.js'

export interface HostFiles {
  /** The environment naming the host's GITHUB_OUTPUT, GITHUB_ENV and friends. */
  env: NodeJS.ProcessEnv
  /** The front end's own outputs, which the guest cannot set. */
  reservedOutputs?: readonly string[]
  /** How the front end's user lets the guest's GITHUB_ENV and GITHUB_PATH through, e.g. `export-env: true`. */
  exportEnvSetting: string
}

export interface AfterRun {
  /** Lines for the log. */
  notes: string[]
  /** Lines for the user's attention. */
  warnings: string[]
}

export function afterRun(result: EngineResult, files: HostFiles): AfterRun {
  const warnings = [
    droppedWarning(result.fileCommands.dropped, files.exportEnvSetting),
    ...result.fileCommands.warnings,
    ...applyGuestFileCommands(result.fileCommands, files.env, files.reservedOutputs)
  ].filter((warning) => warning !== undefined)
  const notes: string[] = []
  if (result.workspaceSweep) {
    const line = sweepLine(result.workspaceSweep)
    if (line) notes.push(line)
    warnings.push(...sweepWarnings(result.workspaceSweep))
  }
  if (result.refusals && result.refusals.total > 0) notes.push(...refusalLines(result.refusals))
  return { notes, warnings }
}
