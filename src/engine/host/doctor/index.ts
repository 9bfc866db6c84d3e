/**
 * The host doctor: one verdict per fact of the host that decides whether a microVM can
 * start here, each with its fix where it fails. It changes nothing; the facts that need the
 * native loader (the KVM API version, libkrun's symbols and features, libkrunfw) come from
 * the VM process's probe mode.
 */
import fs from 'node:fs'
import os from 'node:os'
import type { KvmAccessContext } from '../kvm-access.js'
import { guestInitBinary } from '../../guest/guest-init.js'
import { architectureCheck, runnerCheck } from './host.js'
import { kernelCheck } from './kernel.js'
import { kvmAccessCheck, kvmApiCheck, kvmDeviceCheck } from './kvm.js'
import { FEATURES, type Found, firmwareCheck, firmwareSonames, libkrunCheck, namedFirmware } from './libkrun.js'
import { VERSION_MARKERS } from '../libkrun-symbols.js'
import { type Probe, vmProcessProbe } from './probe.js'
import type { ProbeAnswer } from './probe-protocol.js'
import { imageCacheSpaceCheck, runDirSpaceCheck } from './space.js'
import { type CheckResult, skip } from './verdict.js'
import { type VmFacts, insideVmCheck, readVmFacts } from './virtualization.js'

export { type CheckResult, canStart, firstFailure, verdictLine } from './verdict.js'

export interface DoctorOptions {
  distDir: string
  kvm: KvmAccessContext
  /** Finds libkrun as a run would; rejects with the one line a run would show. */
  findLibkrun: () => Promise<string>
  tempDir: string
  /** How messages name tempDir's source, e.g. RUNNER_TEMP. */
  tempDirName: string
  imageCacheDir: string
  env: NodeJS.ProcessEnv
}

/** What the doctor reads of the machine; tests give their own. */
export interface DoctorLookups {
  arch: string
  kernelRelease: string
  vmFacts: () => VmFacts
  probe: Probe
  /** The library file's bytes, for the libkrunfw soname it names. */
  readLibrary: (file: string) => Buffer | undefined
}

function systemLookups(options: DoctorOptions): DoctorLookups {
  return {
    arch: process.arch,
    kernelRelease: os.release(),
    vmFacts: () => readVmFacts(),
    probe: vmProcessProbe(options.distDir, options.env),
    readLibrary: (file) => {
      try {
        return fs.readFileSync(file)
      } catch {
        return undefined
      }
    }
  }
}

async function findLibrary(options: DoctorOptions): Promise<Found> {
  try {
    const found = await options.findLibkrun()
    return { path: found, realPath: fs.realpathSync(found) }
  } catch (error) {
    return { error: (error as Error).message }
  }
}

/** Both sonames when the file names neither: which one applies depends on the symbols the probe finds. */
const ANY_FIRMWARE = ['libkrunfw.so.5', 'libkrunfw.so.4']

export async function runDoctor(options: DoctorOptions, lookups = systemLookups(options)): Promise<CheckResult[]> {
  const { device } = options.kvm
  const deviceCheck = kvmDeviceCheck(device)
  const accessCheck =
    deviceCheck.verdict === 'ok' ? kvmAccessCheck(options.kvm) : skip('KVM access', `${device} does not exist`)
  const found = await findLibrary(options)
  const bytes = 'path' in found ? lookups.readLibrary(found.realPath) : undefined
  const named = namedFirmware(bytes)
  let answer: ProbeAnswer | Error
  try {
    answer = await lookups.probe({
      libkrun: 'path' in found ? found.path : undefined,
      kvmDevice: accessCheck.verdict === 'ok' ? device : undefined,
      symbols: VERSION_MARKERS.map(([symbol]) => symbol),
      features: { ...FEATURES },
      firmware: named.length > 0 ? named : ANY_FIRMWARE
    })
  } catch (error) {
    answer = error as Error
  }
  const probed = answer instanceof Error ? undefined : answer
  const symbols = probed?.libkrun && 'symbols' in probed.libkrun ? probed.libkrun.symbols : []
  const libkrun = 'path' in found ? found.path : undefined
  return [
    architectureCheck(lookups.arch, () => guestInitBinary(options.distDir, lookups.arch)),
    runnerCheck(options.env),
    insideVmCheck(lookups.vmFacts()),
    kernelCheck(lookups.kernelRelease, options.env),
    deviceCheck,
    accessCheck,
    kvmApiCheck(device, accessCheck.verdict !== 'ok' ? undefined : answer instanceof Error ? answer : answer.kvm),
    libkrunCheck(found, answer instanceof Error ? answer : answer.libkrun),
    firmwareCheck(libkrun, firmwareSonames(bytes, symbols), probed?.firmware),
    runDirSpaceCheck(options.tempDir, options.tempDirName),
    imageCacheSpaceCheck(options.imageCacheDir)
  ]
}
