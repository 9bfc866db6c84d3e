/** What the action does for later `shell: krun-run {0}` steps of the job. */
import * as core from '@actions/core'
import type { RawInputs } from '../engine/inputs.js'
import type { RunSettings } from '../engine/settings.js'
import { installLauncher } from '../shell/launcher.js'
import { savedInputs } from '../shell/saved-settings.js'

export const READY_LINE =
  'krun-run is ready for later steps: shell: krun-run {0} (no commands given, so nothing was run)'

/** Puts the krun-run launcher on later steps' PATH, with this step's settings as its defaults. */
export function installForLaterSteps(raw: RawInputs, settings: RunSettings, tempDir: string, distDir: string): void {
  core.addPath(installLauncher({ tempDir, distDir, nodePath: process.execPath, saved: savedInputs(raw, settings) }))
}
