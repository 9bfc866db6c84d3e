/** Reads the action's inputs into RunSettings. */
import * as core from '@actions/core'
import { INPUT_NAMES, type ParseContext, type RawInputs } from '../engine/inputs.js'
import { type RunSettings, buildSettings } from '../engine/settings.js'

export function getSettings(context: ParseContext): RunSettings {
  const raw = Object.fromEntries(
    // Trimming is left to each parser: commands and env values keep their whitespace.
    INPUT_NAMES.map((name) => [name, core.getInput(name, { trimWhitespace: false })])
  ) as RawInputs
  return buildSettings(raw, context)
}
