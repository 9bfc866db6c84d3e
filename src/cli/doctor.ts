/** krun-run --doctor: the host doctor's verdicts on stdout; exit 0 exactly when a microVM can start. */
import {
  canStart,
  diagnose,
  failureMessage,
  hostContext,
  libkrunSettings,
  parseInput,
  verdictLine
} from '../engine/index.js'
import { startedByAction } from '../later-steps/saved-settings.js'
import { type CliArgs, flagFor } from './args.js'
import type { CliIo } from './io.js'

/** Exit status of a doctor that found a host where no microVM can start. */
export const DOCTOR_FAILED_EXIT = 1

export async function runDoctorCli(args: CliArgs, io: CliIo, distDir: string): Promise<number> {
  const host = hostContext(io.env, io.cwd, startedByAction(io.env) ? 'action' : 'user')
  const checks = await diagnose({
    kvmAccess: parseInput('kvm-access', args.raw, host.parse),
    libkrun: () => libkrunSettings(args.raw, host.parse),
    host,
    distDir,
    log: (line) => io.writeErr(`${line}\n`),
    env: io.env,
    fixKvm: false,
    libkrunFailure: (error) => failureMessage(error, flagFor)
  })
  for (const check of checks) io.writeOut(`${verdictLine(check)}\n`)
  return canStart(checks) ? 0 : DOCTOR_FAILED_EXIT
}
