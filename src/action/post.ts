/**
 * The post step (dist/post/index.js): when the main step was killed before it could clean
 * up, stop the VM process it left, remove the run directory and what a pull left in the
 * image cache. Failures only warn.
 */
import fs from 'node:fs'
import * as core from '@actions/core'
import { removeRunDir } from '../engine/index.js'
import { leftBehind } from './state.js'

/** A pid is ours only while its command line still names our run directory (pids get reused). */
function isOurVmProcess(pid: number, runDir: string): boolean {
  try {
    return fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(runDir)
  } catch {
    return false
  }
}

/** A pull killed outright leaves its half unpacked root in the cache's tmp/, under the main step's pid, now gone. */
async function removePullLeftovers(cacheDir: string): Promise<void> {
  try {
    const { ImageCache } = await import('../image/cache.js')
    await new ImageCache(cacheDir).removeStaleTemps()
  } catch (error) {
    core.warning(`Cleanup of the image cache ${cacheDir} failed: ${(error as Error).message}`)
  }
}

export async function cleanup(): Promise<void> {
  const { runDir, vmPid, imageCache } = leftBehind()
  if (imageCache !== undefined) await removePullLeftovers(imageCache)
  if (runDir === undefined) return
  try {
    if (vmPid !== undefined && isOurVmProcess(vmPid, runDir)) {
      core.info(`Stopping the microVM left running (pid ${vmPid})`)
      process.kill(vmPid, 'SIGKILL')
    }
    await removeRunDir(runDir, core.warning)
  } catch (error) {
    core.warning(`Cleanup of ${runDir} failed: ${(error as Error).message}`)
  }
}

await cleanup()
