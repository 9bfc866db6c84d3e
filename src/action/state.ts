/** What the main step hands to the post step, so a killed action still leaves nothing behind. */
import * as core from '@actions/core'
import { STATE } from './state-file.js'

export function saveRunDir(dir: string): void {
  core.saveState(STATE.runDir, dir)
}

export function saveVmPid(pid: number): void {
  core.saveState(STATE.vmPid, String(pid))
}

/** Saved before a pull starts: a pull killed outright leaves a half unpacked root in the cache's tmp/. */
export function saveImageCache(dir: string): void {
  core.saveState(STATE.imageCache, dir)
}

/** Called once main has cleaned up itself: the post step then has nothing to do. */
export function clearState(): void {
  core.saveState(STATE.runDir, '')
  core.saveState(STATE.vmPid, '')
  core.saveState(STATE.imageCache, '')
}

export function leftBehind(): {
  runDir: string | undefined
  vmPid: number | undefined
  imageCache: string | undefined
} {
  const pid = Number(core.getState(STATE.vmPid))
  return {
    runDir: core.getState(STATE.runDir) || undefined,
    vmPid: Number.isInteger(pid) && pid > 0 ? pid : undefined,
    imageCache: core.getState(STATE.imageCache) || undefined
  }
}
