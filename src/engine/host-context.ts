/** What both front ends learn from the host before a run: the parse context, temp dir and KVM device. */
import os from 'node:os'
import { DEFAULT_KVM_DEVICE } from './host-checks.js'
import type { ParseContext } from './inputs.js'

export interface HostContext {
  parse: ParseContext
  /** Where the private run directory is made. */
  tempDir: string
  kvmDevice: string
}

export function hostContext(env: NodeJS.ProcessEnv, cwd: string, tempDir: string): HostContext {
  return {
    parse: {
      cwd,
      defaultWorkspace: env.GITHUB_WORKSPACE || undefined,
      libraryFromEnv: env.KRUN_LIBRARY || undefined,
      hostMemoryMib: Math.floor(os.totalmem() / (1024 * 1024))
    },
    tempDir,
    kvmDevice: env.KRUN_KVM_DEVICE || DEFAULT_KVM_DEVICE
  }
}
