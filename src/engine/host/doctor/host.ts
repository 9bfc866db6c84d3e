/** The machine itself: its architecture (the guest init is built for two) and the kind of runner. */
import { type CheckResult, fail, pass } from './verdict.js'

const GUEST_ARCH: Record<string, string> = { x64: 'x86_64', arm64: 'aarch64' }

/** `initBinary` gives the guest init for an architecture, or throws when the action has none. */
export function architectureCheck(arch: string, initBinary: () => string): CheckResult {
  const name = 'architecture'
  const guestArch = GUEST_ARCH[arch]
  if (!guestArch) {
    return fail(name, `${arch} is not supported`, 'use an x86_64 or aarch64 Linux machine')
  }
  try {
    return pass(name, `${guestArch}, guest init ${initBinary()}`)
  } catch (error) {
    return fail(
      name,
      `${guestArch}: ${(error as Error).message}`,
      'use a complete copy of the action (its dist/ directory)'
    )
  }
}

export function runnerCheck(env: NodeJS.ProcessEnv): CheckResult {
  const kind = env.RUNNER_ENVIRONMENT
  const detail =
    kind === 'github-hosted'
      ? 'GitHub-hosted (RUNNER_ENVIRONMENT=github-hosted): kvm-access auto may install the udev rule for /dev/kvm with sudo'
      : kind
        ? `${kind} (RUNNER_ENVIRONMENT): the action never runs sudo here`
        : 'not a GitHub Actions runner (RUNNER_ENVIRONMENT is unset): the action never runs sudo here'
  return { name: 'runner', verdict: 'info', detail, required: false }
}
