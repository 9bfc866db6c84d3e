/**
 * One run in a microVM, as both front ends (the action and krun-run) do it: host checks,
 * the private run directory, the VM process, the outcome, and cleanup of every file it made.
 */
import fs from 'node:fs'
import path from 'node:path'
import { HostError, InputError } from './errors.js'
import { checkKvmDevice, findLibkrun } from './host-checks.js'
import { type Outcome, decideOutcome } from './outcome.js'
import { isDiskFull } from './disk-space.js'
import { guestFiles, vmConfig } from './plan.js'
import { readGuestRecords } from './guest-records.js'
import { createRunDir, logTail, removeRunDir, writeRunFiles } from './run-dir.js'
import type { RunSettings } from './settings.js'
import { type VmRun, runVmProcess } from './vm-launcher.js'

export interface EngineOptions {
  settings: RunSettings
  /** The dist/ directory holding vm/index.js and native/<arch>/krun-init. */
  distDir: string
  tempDir: string
  /** How messages name tempDir's source, e.g. RUNNER_TEMP. */
  tempDirName: string
  kvmDevice: string
  interactive?: boolean
  /** Extra default guest environment (e.g. TERM for an interactive shell). */
  extraEnv?: Record<string, string>
  onRunDir?: (dir: string) => void
  onVmStart?: (pid: number) => void
}

export interface EngineResult {
  outcome: Outcome
  /** The end of libkrun's log when the outcome calls for it, else ''. */
  log: string
  libkrun: string
  wallMs: number
}

const GUEST_ARCH: Record<string, string> = { x64: 'x86_64', arm64: 'aarch64' }

export function guestInitBinary(distDir: string, arch: string = process.arch): string {
  const guestArch = GUEST_ARCH[arch]
  const binary = guestArch && path.join(distDir, 'native', guestArch, 'krun-init')
  if (!binary || !fs.existsSync(binary)) {
    throw new HostError(
      `this action has no guest init for the ${arch} architecture; it runs on x86_64 and aarch64 Linux`
    )
  }
  return binary
}

/** The VM process's environment: ours without the action's inputs (they hold env values). */
export function vmProcessEnv(libkrun: string, env: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  const kept = Object.fromEntries(Object.entries(env).filter(([name]) => !name.startsWith('INPUT_')))
  // libkrun finds libkrunfw with the dynamic loader: look beside libkrun first.
  const libraryDir = path.dirname(libkrun)
  kept.LD_LIBRARY_PATH = kept.LD_LIBRARY_PATH ? `${libraryDir}:${kept.LD_LIBRARY_PATH}` : libraryDir
  return kept
}

/**
 * A library the user named that fails to load, or is too old, is a mistake in that input.
 * The VM process words these failures with the library's path first (src/vm/index.ts,
 * src/vm/configure.ts); its channel carries no other mark of them.
 */
function checkNamedLibraryLoaded(run: VmRun, settings: RunSettings, libkrun: string): void {
  if (settings.libkrunFrom === undefined || run.messages.some((message) => message.kind === 'ready')) return
  const error = run.messages.find((message) => message.kind === 'error')
  if (error?.kind !== 'error') return
  if (error.message.startsWith(`cannot load ${libkrun}:`) || error.message.startsWith(`${libkrun} is older than`)) {
    throw new InputError(settings.libkrunFrom, error.message)
  }
}

export async function runInMicroVm(options: EngineOptions): Promise<EngineResult> {
  const { settings } = options
  checkKvmDevice(options.kvmDevice)
  const libkrun = await findLibkrun(settings.libkrun)
  const initBinary = guestInitBinary(options.distDir)

  const started = Date.now()
  const layout = createRunDir(options.tempDir)
  options.onRunDir?.(layout.dir)
  try {
    const vm = vmConfig(settings, layout, libkrun, options.kvmDevice)
    writeRunFiles(layout, guestFiles(settings, options.interactive, options.extraEnv), initBinary, vm)
    const run = await runVmProcess({
      vmEntry: path.join(options.distDir, 'vm', 'index.js'),
      configFile: layout.vmConfigFile,
      env: vmProcessEnv(libkrun),
      interactive: options.interactive ?? false,
      timeoutSeconds: settings.timeoutSeconds,
      onStart: options.onVmStart
    })
    checkNamedLibraryLoaded(run, settings, libkrun)
    const records = readGuestRecords(layout.root)
    const fullDisk = isDiskFull(layout.dir) ? `${options.tempDirName} (${options.tempDir})` : undefined
    const outcome = decideOutcome(run, records, { fullDisk })
    return { outcome, log: outcome.showLog ? logTail(layout) : '', libkrun, wallMs: Date.now() - started }
  } finally {
    await removeRunDir(layout.dir)
  }
}
