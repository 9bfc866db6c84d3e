/**
 * The `krun-run` launcher for later steps (`shell: krun-run {0}`): a small sh script in a
 * private directory under RUNNER_TEMP that runs dist/cli/index.js with the Node the action
 * itself runs on (the runner's Node is not on PATH), naming the saved settings. The runner
 * empties RUNNER_TEMP when the job ends, so nothing here is removed by the post step.
 */
import fs from 'node:fs'
import path from 'node:path'
import { HostError } from '../engine/errors.js'
import { errorCode } from '../image/errors.js'
import { SETTINGS_VARIABLE, type SavedInputs, writeSettingsFile } from './saved-settings.js'

/** Not starting with the run directories' prefix: this one stays for the rest of the job. */
export const LAUNCHER_DIR = 'krun-run-shell'
export const LAUNCHER_NAME = 'krun-run'
export const SETTINGS_FILE = 'settings.json'

export interface LauncherOptions {
  /** RUNNER_TEMP (or the system's temp directory off a runner). */
  tempDir: string
  /** The action's dist/, holding cli/index.js. */
  distDir: string
  /** The Node that runs the action. */
  nodePath: string
  saved: SavedInputs
}

function shellQuote(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`
}

export function launcherScript(nodePath: string, cliEntry: string, settingsFile: string): string {
  return [
    '#!/bin/sh',
    '# krun-run for the later steps of this job (shell: krun-run {0}), made by krun-action.',
    `${SETTINGS_VARIABLE}=${shellQuote(settingsFile)}`,
    `export ${SETTINGS_VARIABLE}`,
    `exec ${shellQuote(nodePath)} ${shellQuote(cliEntry)} "$@"`,
    ''
  ].join('\n')
}

/** A directory of ours, mode 0700: made, or one an earlier run of the action made. */
function privateDirectory(dir: string): void {
  try {
    fs.mkdirSync(dir, { mode: 0o700 })
  } catch (error) {
    if (errorCode(error) !== 'EEXIST') throw error
    const stat = fs.lstatSync(dir)
    if (!stat.isDirectory() || stat.uid !== process.getuid?.()) {
      throw new HostError(`${dir} exists and is not a directory of this user; remove it, or use a fresh RUNNER_TEMP`)
    }
  }
  fs.chmodSync(dir, 0o700)
}

/** Writes the settings (0600) and the launcher (0755); returns the directory to put on PATH. */
export function installLauncher(options: LauncherOptions): string {
  const dir = path.join(options.tempDir, LAUNCHER_DIR)
  privateDirectory(dir)
  const settingsFile = path.join(dir, SETTINGS_FILE)
  writeSettingsFile(settingsFile, options.saved)
  const launcher = path.join(dir, LAUNCHER_NAME)
  const partial = `${launcher}.${process.pid}.partial`
  fs.writeFileSync(
    partial,
    launcherScript(options.nodePath, path.join(options.distDir, 'cli', 'index.js'), settingsFile),
    { mode: 0o755 }
  )
  fs.renameSync(partial, launcher)
  return dir
}
