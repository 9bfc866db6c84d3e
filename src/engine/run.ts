/**
 * One run in a microVM, as both front ends (the action and krun-run) do it: host checks,
 * the private run directory, the VM process, the outcome, and cleanup of every file it made.
 */
import os from 'node:os'
import { HostError, InputError, errorText } from './errors.js'
import type { HostContext } from './host/host-context.js'
import {
  type FileCommandKind,
  type GuestFileCommands,
  NO_FILE_COMMANDS,
  prepareFileCommandShare,
  readGuestFileCommands
} from './guest/file-commands.js'
import { GUEST_ARCH, guestInitBinary } from './guest/guest-init.js'
import { resolveLibkrun } from './host/libkrun-choice.js'
import { type ImageRunOptions, prepareImageBase, timeoutFromNow } from './guest/image-base.js'
import { kernelWorkaround } from './host/kernel-quirks.js'
import { type KvmAccessContext, checkKvmAccess, ensureKvmAccess } from './host/kvm-access.js'
import { type Outcome, decideOutcome } from './guest/outcome.js'
import { isDiskFull } from './host/disk-space.js'
import type { OutputFence } from './vm-process/output-fence.js'
import { type LayerDisks, guestFiles, vmConfig } from './guest/plan.js'
import { type PreparedSource, setUpLayers } from './guest/run-layers.js'
import { readGuestRecords } from './guest/guest-records.js'
import { type RunLayout, createRunDir, logTail, removeRunDir, writeRunFiles } from './guest/run-dir.js'
import { prepareGuard, writePolicy } from './vm-process/net-guard.js'
import { type Refusals, readRefusedTable } from './vm-process/refused-table.js'
import {
  type ResolvedSettings,
  type RunSettings,
  checkWorkspaceHoldsNoHostFiles,
  imageOf,
  withImageRoot,
  withRootfs
} from './inputs/settings.js'
import type { PreparedImage } from '../image/index.js'
import { type EarlyStart, discardEarly, fitsRun, vmEntry } from './vm-process/early-start.js'
import { type VmRun, VmProcess } from './vm-process/vm-launcher.js'
import { type WorkspaceSweep, changeStamp, sweepWorkspace } from './guest/workspace-sweep.js'

/** What the engine needs of the host context; the parse context has served by now. */
export type EngineHost = Omit<HostContext, 'parse'>

export interface EngineOptions {
  settings: RunSettings
  /** The dist/ directory holding vm/index.js and native/<arch>/krun-init. */
  distDir: string
  /** The host's facts the run needs: temp dir, KVM device, runner type, caches (host-context.ts). */
  host: EngineHost
  /** Progress lines (image pulls, a libkrun downloaded, what kvm-access did). */
  log: (line: string) => void
  interactive?: boolean
  /** Extra default guest environment (e.g. TERM for an interactive shell). */
  extraEnv?: Record<string, string>
  /** The file commands the guest gets (file-commands.ts); none when empty or unset. */
  fileCommands?: readonly FileCommandKind[]
  /**
   * Fences the guest's output, with its stderr sent to stdout (output-fence.ts); without
   * it, the guest's stdout and stderr are printed as they are.
   */
  fence?: OutputFence
  /** A VM process started before the settings were known (early-start.ts); this run owns it. */
  early?: EarlyStart
  onRunDir?: (dir: string) => void
  onVmStart?: (pid: number) => void
  /** A warning for the user: about this run's libkrun (shown once), or a run directory left behind. */
  onWarning?: (message: string) => void
}

export interface EngineResult {
  outcome: Outcome
  /** The end of libkrun's log when the outcome calls for it, else ''. */
  log: string
  libkrun: string
  wallMs: number
  /** What the guest wrote to its file commands, checked; also after a failed run. */
  fileCommands: GuestFileCommands
  /** The image that ran, when the base was one. */
  image: PreparedImage | undefined
  /**
   * What the run left in the workspace and what became of it (workspace-sweep.ts); undefined
   * when it was not checked (no workspace, or workspace-devices: keep).
   */
  workspaceSweep: WorkspaceSweep | undefined
  /** What the VM process was given for a host kernel with known trouble (kernel-quirks.ts). */
  kernelNote: string | undefined
  /** The settings the run used: with an image, its root and config applied (image-config.ts). */
  ran?: ResolvedSettings
  /** Where the prepare script's layer came from, when the run has one. */
  prepared?: PreparedSource
  /** With network public: what the guard refused (refused-table.ts). */
  refusals: Refusals | undefined
}

/**
 * An input this libkrun cannot honour is the user's to fix, named like any bad input. The
 * VM process says `libkrun` for a library that does not load or is too old: the user's
 * mistake when they named it, a host problem when it was found on the system.
 */
function checkInputsHonoured(run: VmRun, settings: RunSettings): void {
  for (const message of run.messages) {
    if (message.kind !== 'error' || message.input === undefined) continue
    if (message.input !== 'libkrun') throw new InputError(message.input, message.message)
    if (settings.libkrunFrom !== undefined) throw new InputError(settings.libkrunFrom, message.message)
    throw new HostError(message.message)
  }
}

function kvmAccessContext(options: Pick<EngineOptions, 'settings' | 'host'>): KvmAccessContext {
  return {
    device: options.host.kvmDevice,
    policy: options.settings.kvmAccess,
    githubHosted: options.host.githubHosted
  }
}

/**
 * The checks a run makes before it starts a VM process: KVM access, libkrun (fetched into
 * its cache when the run names an archive, or needs krun-action's own build) and the guest init.
 */
async function checkHost(
  options: Pick<EngineOptions, 'settings' | 'distDir' | 'host' | 'log'>
): Promise<{ libkrun: string; initBinary: string }> {
  await ensureKvmAccess(kvmAccessContext(options), { log: options.log })
  const initBinary = guestInitBinary(options.distDir)
  const libkrun = await resolveLibkrun(options.settings, { cacheDir: options.host.libkrunCacheDir, log: options.log })
  return { libkrun, initBinary }
}

export async function runInMicroVm(options: EngineOptions): Promise<EngineResult> {
  let early = options.early
  try {
    // Before anything is fetched into a cache the guest could then change.
    checkWorkspaceHoldsNoHostFiles(options.settings.workspace, [
      { what: "krun-action's own code", file: options.distDir },
      { what: 'the image cache', file: options.host.imageCacheDir },
      { what: 'the libkrun cache', file: options.host.libkrunCacheDir }
    ])
    const { libkrun, initBinary } = await checkHost(options)
    checkWorkspaceHoldsNoHostFiles(options.settings.workspace, [{ what: 'libkrun', file: libkrun }])
    // One timeout for the whole run: the pull spends part of it, the VM gets the rest.
    const timeout = timeoutFromNow(options.settings.timeoutSeconds)
    const imageSettings = imageOf(options.settings)
    const image = imageSettings
      ? await prepareImageBase(imageSettings, {
          cacheDir: options.host.imageCacheDir,
          log: options.log,
          timeout
        })
      : undefined
    const settings = image ? withImageRoot(options.settings, image) : withRootfs(options.settings)
    const interactive = options.interactive ?? false
    const run: Prepared = { settings, libkrun, initBinary, image, interactive, timeout, layers: {} }
    let prepareRun: EngineResult | undefined
    const layers = await setUpLayers(
      { ...options.host, settings, image, guestArch: GUEST_ARCH[process.arch], log: options.log },
      async (script, scriptLayers) => {
        // The early VM process was made for the commands' run.
        if (early) await discardEarly(early, warnOf(options))
        early = undefined
        const scriptOptions = { ...options, fileCommands: undefined }
        const scriptRun = { ...run, settings: script, interactive: false, layers: scriptLayers }
        prepareRun = await runPrepared(scriptOptions, scriptRun, undefined)
        return prepareRun.outcome.exitCode === 0 && prepareRun.outcome.failure === undefined
      }
    )
    if (!layers) {
      const { outcome } = prepareRun as EngineResult
      const failure = `prepare: ${outcome.failure ?? `exited with code ${outcome.exitCode}`}; nothing was cached`
      return { ...(prepareRun as EngineResult), outcome: { ...outcome, failure } }
    }
    try {
      const guarded = settings.network === 'public'
      const fitting =
        early && fitsRun(early, libkrun, interactive, options.fence !== undefined, guarded) ? early : undefined
      if (early && !fitting) await discardEarly(early, warnOf(options))
      early = undefined
      const result = await runPrepared(options, { ...run, layers: layers.layers }, fitting)
      return { ...result, prepared: layers.prepared }
    } finally {
      await layers.release()
    }
  } finally {
    if (early) await discardEarly(early, warnOf(options))
  }
}

/** A warning is the front end's own line: never inside the fence, where the runner would not read it. */
const warnOf =
  (options: EngineOptions) =>
  (message: string): void => {
    const say = () => options.onWarning?.(message)
    if (options.fence) options.fence.outside(say)
    else say()
  }

/** A run directory that cannot be made or written (a missing temp directory, a full disk) is named by its setting. */
function inTempDir<T>(options: EngineOptions, doing: string, step: () => T): T {
  try {
    return step()
  } catch (error) {
    throw new HostError(
      `cannot ${doing} in ${options.host.tempDirName} (${options.host.tempDir}): ${errorText(error)}; set it to a writable directory with free space`
    )
  }
}

/** What the guard refused; a table out of form is said, and the run's outcome stands. */
function readRefusals(layout: RunLayout, warn: (message: string) => void): Refusals | undefined {
  try {
    return readRefusedTable(layout.refusedTableFile)
  } catch (error) {
    warn(`what network public refused is unknown: ${errorText(error)}`)
    return undefined
  }
}

/** Runs once the VM process has ended: no guest is left to race the walk. */
function sweepAfterRun(settings: RunSettings, since: bigint): WorkspaceSweep | undefined {
  if (settings.workspace === null || settings.workspaceDevices === 'keep') return undefined
  return sweepWorkspace(settings.workspace, since)
}

interface Prepared {
  settings: ResolvedSettings
  libkrun: string
  initBinary: string
  image: PreparedImage | undefined
  interactive: boolean
  timeout: ImageRunOptions['timeout']
  layers: LayerDisks
}

async function runPrepared(
  options: EngineOptions,
  prepared: Prepared,
  early: EarlyStart | undefined
): Promise<EngineResult> {
  const { settings, libkrun, image, interactive } = prepared
  const started = Date.now()
  const layout = early?.layout ?? inTempDir(options, 'make the run directory', () => createRunDir(options.host.tempDir))
  let vmProcess = early?.vm
  try {
    options.onRunDir?.(layout.dir)
    const fileKinds = options.fileCommands ?? []
    const fileShare =
      fileKinds.length > 0
        ? inTempDir(options, "write the run's files", () =>
            prepareFileCommandShare(layout.dir, fileKinds, (settings.guestUser?.uid ?? 0) !== 0)
          )
        : undefined
    const vm = vmConfig(settings, layout, libkrun, options.host.kvmDevice, fileShare, prepared.layers)
    const files = guestFiles(settings, interactive, options.extraEnv, fileShare, prepared.layers)
    inTempDir(options, "write the run's files", () => writeRunFiles(layout, files, prepared.initBinary, vm))
    // Again right before the VM starts: an image pull may have taken minutes since the first check.
    checkKvmAccess(kvmAccessContext(options))
    const guarded = settings.network === 'public'
    // Before the go-ahead: host names of `allow` are resolved now, once.
    if (guarded) await writePolicy(layout.netPolicyFile, settings.allow)
    vmProcess ??= new VmProcess({
      vmEntry: vmEntry(options.distDir),
      configFile: layout.vmConfigFile,
      libkrun,
      interactive,
      stderrToStdout: options.fence !== undefined,
      guard: guarded ? prepareGuard(options.distDir, layout) : undefined
    })
    const running = vmProcess
    vmProcess = undefined
    const since = changeStamp(layout.vmConfigFile)
    const run = await running.run({
      timeoutSeconds: settings.timeoutSeconds,
      timeLeftMs: prepared.timeout && Math.max(0, prepared.timeout.endsAt - Date.now()),
      onStart: options.onVmStart,
      onMessage: (message) => {
        if (message.kind === 'warning') warnOf(options)(message.message)
      },
      beforeGuest: () => options.fence?.open()
    })
    // The VM process has ended, and with it everything that could print for the guest.
    options.fence?.close()
    checkInputsHonoured(run, settings)
    const workspaceSweep = sweepAfterRun(settings, since)
    const records = readGuestRecords(layout.root)
    const fullDisk = isDiskFull(layout.dir) ? `${options.host.tempDirName} (${options.host.tempDir})` : undefined
    const outcome = decideOutcome(run, records, { fullDisk })
    const fileCommands = fileShare ? readGuestFileCommands(layout.dir, fileKinds, settings.exportEnv) : NO_FILE_COMMANDS
    const log = outcome.showLog ? logTail(layout) : ''
    const kernelNote = kernelWorkaround(os.release(), process.env)?.note
    const refusals = guarded ? readRefusals(layout, warnOf(options)) : undefined
    const wallMs = Date.now() - started
    return { outcome, log, libkrun, wallMs, fileCommands, image, workspaceSweep, kernelNote, refusals, ran: settings }
  } finally {
    options.fence?.close()
    // A VM process that never got its go-ahead (writing the run's files failed) is stopped.
    await vmProcess?.discard()
    await removeRunDir(layout.dir, warnOf(options))
  }
}
