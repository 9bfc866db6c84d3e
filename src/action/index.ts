/**
 * The action's entry point (dist/index.js). When the step has commands and names its
 * libkrun, the VM process is started before the rest of the action loads, so that the two
 * Node starts overlap; main.ts then hands it its configuration, or discards it.
 */
import { actionTempDir, startEarly } from '../engine/early-start.js'
import { findDistDir } from './dist-dir.js'

const early = process.env.INPUT_COMMANDS?.trim()
  ? startEarly(process.env, process.cwd(), findDistDir(), actionTempDir(process.env))
  : undefined
const { run } = await import('./main.js')
await run(early)
