/**
 * The action's entry point (dist/index.js). When the step has commands and names its
 * libkrun, the VM process is started before the rest of the action loads, so that the two
 * Node starts overlap; main.ts then hands it its configuration, or discards it.
 */
import { type EarlyStart, runTempDir, startEarly } from '../engine/vm-process/early-start.js'
import { findDistDir } from './dist-dir.js'
import { STATE, appendState } from './state-file.js'

function tryEarlyStart(): EarlyStart | undefined {
  if (!process.env.INPUT_COMMANDS?.trim()) return undefined
  try {
    // The post step learns of the run directory before it exists: the action may be killed at any time.
    const announce = (dir: string): void => appendState(process.env, STATE.runDir, dir)
    return startEarly(process.env, process.cwd(), findDistDir(), runTempDir(process.env), announce)
  } catch {
    // Only a head start: main.ts meets and reports the same problem in its own words.
    return undefined
  }
}

const early = tryEarlyStart()
const { run } = await import('./main.js')
await run(early)
