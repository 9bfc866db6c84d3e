/** Reads the action's inputs into RunSettings. */
import * as core from '@actions/core'
import { INPUT_NAMES, type ParseContext, type RawInputs, type RunSettings, buildSettings } from '../engine/index.js'

export function readRawInputs(): RawInputs {
  const raw = Object.fromEntries(
    // Trimming is left to each parser: commands and env values keep their whitespace.
    INPUT_NAMES.map((name) => [name, core.getInput(name, { trimWhitespace: false })])
  ) as RawInputs
  // Masked before anything could print it.
  if (raw['registry-password'] !== '') core.setSecret(raw['registry-password'])
  return raw
}

/** Whether the step gave commands; without them it only prepares later steps. */
export function hasCommands(raw: RawInputs): boolean {
  return raw.commands.trim() !== ''
}

/** Without commands nothing runs now, but every other input is checked as a run checks it. */
export function getSettings(context: ParseContext, raw: RawInputs): RunSettings {
  return buildSettings(hasCommands(raw) ? raw : { ...raw, commands: ':' }, context)
}
