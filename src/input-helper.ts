/** Reads the action's inputs into RunSettings. */
import os from 'node:os'
import * as core from '@actions/core'
import { INPUT_NAMES, type RawInputs, type RunSettings, buildSettings } from './settings.js'

export function getSettings(): RunSettings {
  const raw = Object.fromEntries(
    // Trimming is left to each parser: commands and env values keep their whitespace.
    INPUT_NAMES.map((name) => [name, core.getInput(name, { trimWhitespace: false })])
  ) as RawInputs
  return buildSettings(raw, {
    cwd: process.cwd(),
    defaultWorkspace: process.env.GITHUB_WORKSPACE || undefined,
    libraryFromEnv: process.env.KRUN_LIBRARY || undefined,
    hostMemoryMib: Math.floor(os.totalmem() / (1024 * 1024))
  })
}
