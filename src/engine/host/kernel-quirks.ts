/**
 * Host kernels with known trouble for libkrun, judged from the kernel release string alone
 * (`uname -r`, os.release()).
 */

/** libkrun reads this from the VM process's environment (libkrun 1.15 and newer). */
export const ENOMEM_WORKAROUND_VARIABLE = 'KRUN_ENOMEM_WORKAROUND'

/**
 * KVM_RUN fails with ENOMEM on some 6.11 to 6.13 kernels (libkrun issue 314: Fedora's
 * 6.12.15 on, and Azure's 6.11, which GitHub-hosted runners have run); 6.14 has the fix.
 * Distributions backport, so the whole range is treated alike.
 */
export function enomemProneKernel(release: string): boolean {
  const match = /^(\d+)\.(\d+)(?:\D|$)/.exec(release.trim())
  if (!match) return false
  const [major, minor] = [Number(match[1]), Number(match[2])]
  return major === 6 && minor >= 11 && minor <= 13
}

export interface KernelWorkaround {
  /** The variables the VM process gets besides its own environment. */
  env: Record<string, string>
  /** One line for the job summary and the doctor. */
  note: string
}

/** What the VM process needs on this kernel, given the environment it would inherit. */
export function kernelWorkaround(release: string, env: NodeJS.ProcessEnv): KernelWorkaround | undefined {
  if (!enomemProneKernel(release)) return undefined
  const trouble = `host kernel ${release} is one on which KVM_RUN can fail with ENOMEM (libkrun issue 314)`
  if (env[ENOMEM_WORKAROUND_VARIABLE] !== undefined) {
    return { env: {}, note: `${trouble}; ${ENOMEM_WORKAROUND_VARIABLE} is left as set in the environment` }
  }
  return {
    env: { [ENOMEM_WORKAROUND_VARIABLE]: '1' },
    note: `${trouble}; the VM process runs with ${ENOMEM_WORKAROUND_VARIABLE}=1`
  }
}
