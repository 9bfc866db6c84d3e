/** What the main step hands to the post step, so a killed action still leaves nothing behind. */
import * as core from '@actions/core'

const RUN_DIR = 'runDir'
const VM_PID = 'vmPid'

export function saveRunDir(dir: string): void {
  core.saveState(RUN_DIR, dir)
}

export function saveVmPid(pid: number): void {
  core.saveState(VM_PID, String(pid))
}

/** Called once main has cleaned up itself: the post step then has nothing to do. */
export function clearState(): void {
  core.saveState(RUN_DIR, '')
  core.saveState(VM_PID, '')
}

export function leftBehind(): { runDir: string | undefined; vmPid: number | undefined } {
  const pid = Number(core.getState(VM_PID))
  return { runDir: core.getState(RUN_DIR) || undefined, vmPid: Number.isInteger(pid) && pid > 0 ? pid : undefined }
}
