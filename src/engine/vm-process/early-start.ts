/**
 * Starting the VM process early: before the action has loaded and read its inputs, when
 * the libkrun to use is already named (input or KRUN_LIBRARY), so that the VM process's
 * Node start overlaps the action's own. It waits until the run's files are written, and
 * is discarded when the run turns out to need another (a different libkrun, bad inputs).
 * This module loads little, since it runs before the rest of the action.
 */
import os from 'node:os'
import path from 'node:path'
import { actionCacheDir } from '../host/cache-places.js'
import { cachedPinnedLibrary, isUrlLike, parsePinnedUrl } from '../host/libkrun-pinned.js'
import { netguardBinary, prepareGuard, wantsGuard } from './net-guard.js'
import { type RunLayout, createRunDir, removeRunDir } from '../guest/run-dir.js'
import { VmProcess } from './vm-launcher.js'

export interface EarlyStart {
  layout: RunLayout
  vm: VmProcess
}

/**
 * Where a run makes its run directory, the action's and krun-run's alike: RUNNER_TEMP (the
 * runner empties it after the job), else the system's temporary directory.
 */
export function runTempDir(env: NodeJS.ProcessEnv): string {
  return env.RUNNER_TEMP || os.tmpdir()
}

export function vmEntry(distDir: string): string {
  return path.join(distDir, 'vm', 'index.js')
}

/**
 * The libkrun the action's environment names, if any, as the input parser resolves it: a path,
 * or a pinned archive's URL when the cache already has it (a download waits for the inputs).
 */
function namedLibkrun(env: NodeJS.ProcessEnv, cwd: string, tempDir: string): string | undefined {
  const named = env.INPUT_LIBKRUN?.trim() || env.KRUN_LIBRARY?.trim()
  if (!named) return undefined
  if (!isUrlLike(named)) return path.resolve(cwd, named)
  try {
    return cachedPinnedLibrary(actionCacheDir(env, tempDir, 'libkrun'), parsePinnedUrl('libkrun', named))
  } catch {
    return undefined
  }
}

/**
 * Starts the VM process early when the environment names libkrun. `announce` hears the run
 * directory's path before it is made (see createRunDir): the action saves it for its post step.
 */
export function startEarly(
  env: NodeJS.ProcessEnv,
  cwd: string,
  distDir: string,
  tempDir: string,
  announce?: (dir: string) => void
): EarlyStart | undefined {
  const libkrun = namedLibkrun(env, cwd, tempDir)
  if (libkrun === undefined) return undefined
  const guarded = wantsGuard(env.INPUT_NETWORK)
  if (guarded) {
    try {
      netguardBinary(distDir)
    } catch {
      return undefined
    }
  }
  const layout = createRunDir(tempDir, announce)
  const vm = new VmProcess({
    vmEntry: vmEntry(distDir),
    configFile: layout.vmConfigFile,
    libkrun,
    interactive: false,
    // As a run with the default guest-workflow-commands (false) wants it: fenced.
    stderrToStdout: true,
    env,
    guard: guarded ? prepareGuard(distDir, layout) : undefined
  })
  return { layout, vm }
}

/** Whether an early start fits a run: the loader's path, the process's stdio and its guard are fixed at start. */
export function fitsRun(
  early: EarlyStart,
  libkrun: string,
  interactive: boolean,
  stderrToStdout: boolean,
  guarded: boolean
): boolean {
  return (
    !interactive &&
    (early.vm.start.guard !== undefined) === guarded &&
    early.vm.start.stderrToStdout === stderrToStdout &&
    path.dirname(early.vm.start.libkrun) === path.dirname(libkrun)
  )
}

/** Stops an early VM process and removes its run directory; a removal that fails is only said, through `warn`. */
export async function discardEarly(early: EarlyStart, warn: (message: string) => void): Promise<void> {
  await early.vm.discard()
  await removeRunDir(early.layout.dir, warn)
}
