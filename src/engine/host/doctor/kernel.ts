/** The host kernel, against the kernels with known trouble for libkrun (kernel-quirks.ts). */
import { kernelWorkaround } from '../kernel-quirks.js'
import type { CheckResult } from './verdict.js'

export function kernelCheck(release: string, env: NodeJS.ProcessEnv): CheckResult {
  const workaround = kernelWorkaround(release, env)
  if (!workaround)
    return { name: 'host kernel', verdict: 'ok', detail: `${release}: no known trouble`, required: false }
  return {
    name: 'host kernel',
    verdict: 'warn',
    detail: workaround.note,
    fix: 'a 6.14 or newer kernel has the fix; the workaround needs libkrun 1.15 or newer',
    required: false
  }
}
