/** krun-run --doctor: the host doctor's verdicts on stdout; exit 0 exactly when a microVM can start. */
import { failureMessage } from '../engine/errors.js'
import { canStart, runDoctor, verdictLine } from '../engine/doctor/index.js'
import { hostContext } from '../engine/host-context.js'
import { parseInput } from '../engine/inputs.js'
import { resolveLibkrun } from '../engine/libkrun-choice.js'
import { libkrunSettings } from '../engine/settings.js'
import { startedByAction } from '../shell/saved-settings.js'
import { type CliArgs, flagFor } from './args.js'
import type { CliIo } from './io.js'

/** Exit status of a doctor that found a host where no microVM can start. */
export const DOCTOR_FAILED_EXIT = 1

export async function runDoctorCli(args: CliArgs, io: CliIo, distDir: string): Promise<number> {
  const host = hostContext(io.env, io.cwd, startedByAction(io.env) ? 'action' : 'user')
  const checks = await runDoctor({
    distDir,
    kvm: {
      device: host.kvmDevice,
      policy: parseInput('kvm-access', args.raw, host.parse),
      githubHosted: host.githubHosted
    },
    findLibkrun: async () => {
      try {
        return await resolveLibkrun(libkrunSettings(args.raw, host.parse), {
          cacheDir: host.libkrunCacheDir,
          log: (line) => io.writeErr(`${line}\n`)
        })
      } catch (error) {
        throw new Error(failureMessage(error, flagFor), { cause: error })
      }
    },
    tempDir: host.tempDir,
    tempDirName: host.tempDirName,
    imageCacheDir: host.imageCacheDir,
    env: io.env
  })
  for (const check of checks) io.writeOut(`${verdictLine(check)}\n`)
  return canStart(checks) ? 0 : DOCTOR_FAILED_EXIT
}
