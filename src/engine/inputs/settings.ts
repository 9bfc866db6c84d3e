/**
 * Turns the raw inputs (from action.yml inputs or CLI flags) into one typed, validated
 * RunSettings. Every input is checked here, before a run's files are written; only what
 * needs the host or the image (the libkrun found, the image's root) is checked later, in
 * run.ts, still before the guest starts.
 */
import fs from 'node:fs'
import { InputError } from '../errors.js'
import { guestPath } from '../guest/guest-protocol.js'
import type { AllowEntry } from './allow-input.js'
import { type ImageSettings, registryCredentials } from '../guest/image-base.js'
import { type ImageConfigApplied, type ImageRunConfig, applyImageConfig, resolveGuestUser } from './image-config.js'
import type { GuestUser, UserSpec } from './guest-user.js'
import { libkrunInputName } from './host-paths.js'
import type { PinnedArchive } from '../host/libkrun-pinned.js'
import { INPUTS, INPUT_NAMES, type InputSpec, type ParseContext, type RawInputs } from './table.js'
import { parseInput, parseOnce } from './raw-inputs.js'
import type { KvmAccessPolicy } from '../host/kvm-access.js'
import type { PersistMode } from './persist-inputs.js'
import { type EnvEntry, type LogLevel, type NetworkMode, type WorkspaceDevices, parseCommandBytes } from './parse.js'
import { checkWorkspaceHoldsNoHostFiles } from './workspace-guard.js'
import {
  anyInRootfs,
  checkBaseOutsideWorkspace,
  checkShellInRootfs,
  checkWorkdirExists,
  shellCandidates
} from './base-checks.js'

export { checkWorkspaceHoldsNoHostFiles }

/** The guest's base as the inputs name it: a host directory, or an OCI image. */
export type BaseSettings = { kind: 'rootfs'; rootfs: string } | { kind: 'image'; image: ImageSettings }

/**
 * A run's settings once its base is known, what the plan (plan.ts) is made from: `rootfs` is
 * the host directory shown read-only as the guest's `/` (a rootfs input's, or the image's
 * unpacked root with its config applied).
 */
export interface ResolvedSettings extends RunSettings {
  rootfs: string
}

/** The image a run's base names, if any. */
export function imageOf(settings: Pick<RunSettings, 'base'>): ImageSettings | undefined {
  return settings.base.kind === 'image' ? settings.base.image : undefined
}

/** The settings of a run whose base is a rootfs directory: known from the inputs. */
export function withRootfs(settings: RunSettings): ResolvedSettings {
  if (settings.base.kind !== 'rootfs') throw new Error('an image base is resolved by withImageRoot, after the pull')
  return { ...settings, rootfs: settings.base.rootfs }
}

export interface RunSettings {
  /** The script body, byte for byte. */
  commands: Buffer
  /** The shell's argv, with `{0}` where the script's guest path goes. */
  shell: string[]
  /** The guest's base: a host directory, or an image still to be pulled (ResolvedSettings once it is). */
  base: BaseSettings
  /** Host directory shared read-write at the same path in the guest, or null for none. */
  workspace: string | null
  /** What becomes of the device nodes and set-ID files the run leaves in the workspace. */
  workspaceDevices: WorkspaceDevices
  /** Absolute guest path the commands start in. */
  workdir: string
  /** Neither `workdir` nor a workspace set workdir: an image's WorkingDir may. */
  workdirDefaulted: boolean
  /** The guest's environment, in addition to the defaults (PATH, HOME) and imageEnv. */
  env: EnvEntry[]
  /** The image config's Env, under `env`; empty without an image. */
  imageEnv: EnvEntry[]
  /** The `user` input: who the commands run as instead of the image's User. */
  user: UserSpec | undefined
  /** Who the commands run as, resolved in the base's /etc/passwd; undefined: root, unchanged. */
  guestUser: GuestUser | undefined
  /** What of the image config was applied (image-config.ts), once the image is known. */
  imageConfig: ImageConfigApplied | undefined
  cpus: number
  memoryMib: number
  network: NetworkMode
  /** Where the guest's writable layer lives: a tmpfs per step, or a disk for the job (job-disk.ts). */
  persist: PersistMode
  /** The size of a layer disk (persist: job, prepare), in bytes. */
  persistSizeBytes: number
  /** The setup script whose layer is cached (prepared-layer.ts); only with an image. */
  prepare: Buffer | undefined
  /** With network public, the destinations let through besides public addresses (host names not yet resolved). */
  allow: AllowEntry[]
  /** Guest ports exposed on the host, as libkrun's "HOST:GUEST" port map entries. */
  ports: string[]
  /** The libkrun the user named (input, flag or KRUN_LIBRARY); otherwise it is searched for. */
  libkrun: string | undefined
  /** The pinned archive the user named instead of a path: fetched into the cache when the run starts. */
  libkrunArchive?: PinnedArchive
  /** Which input named libkrun (libkrun or KRUN_LIBRARY), for messages about it. */
  libkrunFrom?: string
  /** Whether the run may install the udev rule that opens the KVM device (kvm-access.ts). */
  kvmAccess: KvmAccessPolicy
  /** libkrun's log level when the user asked for one: then it is shown live. */
  logLevel: LogLevel | undefined
  timeoutSeconds: number | undefined
  /** Whether the guest may set GITHUB_ENV and GITHUB_PATH, which steer later steps on the host. */
  exportEnv: boolean
  /** Whether the runner may act on workflow commands the guest prints; otherwise its output is fenced. */
  guestWorkflowCommands: boolean
  /** The host-path inputs (the input table's `hostPath`) as this step resolved them, for later steps. */
  resolvedHostPaths: Partial<RawInputs>
}

function resolveHostPaths(input: ReturnType<typeof parseOnce>): Partial<RawInputs> {
  return Object.fromEntries(
    INPUT_NAMES.flatMap((name) => {
      const spec: InputSpec = INPUTS[name]
      return spec.hostPath ? [[name, spec.hostPath(input(name) as never)]] : []
    })
  )
}

function imageSettings(raw: RawInputs, context: ParseContext): ImageSettings | undefined {
  const reference = parseInput('image', raw, context)
  const pull = parseInput('pull', raw, context)
  const credentials = registryCredentials(
    parseInput('registry-username', raw, context),
    parseInput('registry-password', raw, context)
  )
  if (reference === undefined) return undefined
  if (![INPUTS.rootfs.default, ''].includes(raw.rootfs.trim())) {
    throw new InputError(
      'image',
      'and rootfs are both set; the base is either an image or a rootfs directory, not both'
    )
  }
  return { reference, pull, credentials, maxCacheBytes: parseInput('cache-size', raw, context) }
}

/** The settings once the image's root is unpacked: its config applied, the checks a rootfs gets up front. */
export function withImageRoot(
  settings: RunSettings,
  image: { rootfs: string; config: ImageRunConfig }
): ResolvedSettings {
  const root = image.rootfs
  const reference = imageOf(settings)?.reference ?? root
  const applied = applyImageConfig(settings, { root, reference, config: image.config })
  const program = settings.shell[0]
  const candidates = shellCandidates(program, guestPath([...applied.imageEnv, ...settings.env]))
  if (!anyInRootfs(candidates, root)) {
    throw new InputError(
      'image',
      `${reference} has no ${program} (looked in ${candidates.join(', ')}); use an image with that shell, or set shell`
    )
  }
  checkBaseOutsideWorkspace('image', fs.realpathSync(root), settings.workspace)
  const withRoot = { ...applied, rootfs: root }
  // A WorkingDir the image lacks is made by the guest init, as docker makes it.
  if (applied.imageConfig?.workingDir === undefined) checkWorkdirExists(withRoot.workdir, withRoot)
  return withRoot
}

/** A name given more than once keeps its last value, in the place it was first given. */
function lastOfEach(entries: EnvEntry[]): EnvEntry[] {
  return [...new Map(entries.map((entry) => [entry[0], entry])).values()]
}

export type LibkrunSettings = Pick<RunSettings, 'libkrun' | 'libkrunArchive' | 'libkrunFrom'>

/** What the user named as libkrun, if anything (the doctor needs this part alone). */
export function libkrunSettings(
  raw: RawInputs,
  context: ParseContext,
  input = parseOnce(raw, context)
): LibkrunSettings {
  const named = input('libkrun')
  return {
    libkrun: named && 'path' in named ? named.path : undefined,
    libkrunArchive: named && 'archive' in named ? named.archive : undefined,
    libkrunFrom: named === undefined ? undefined : libkrunInputName(raw.libkrun)
  }
}

/**
 * `envEntries`, when given, replaces the `env` text (the CLI's --env flags arrive parsed);
 * `commandBytes` replaces the `commands` text (a CLI file or stdin, kept as bytes).
 */
export function buildSettings(
  raw: RawInputs,
  context: ParseContext,
  envEntries?: EnvEntry[],
  commandBytes?: Buffer
): RunSettings {
  // The host-path inputs are read again for the later steps' saved settings: parsed once.
  const input = parseOnce(raw, context)
  const commands = commandBytes ? parseCommandBytes(commandBytes) : parseInput('commands', raw, context)
  const shell = parseInput('shell', raw, context)
  const env = lastOfEach(envEntries ?? parseInput('env', raw, context))
  const cpus = parseInput('cpus', raw, context)
  const memoryMib = parseInput('memory', raw, context)
  const logLevel = parseInput('log-level', raw, context)
  const timeoutSeconds = parseInput('timeout', raw, context)
  const image = imageSettings(raw, context)
  const rootfs = image ? '' : input('rootfs')
  const base: BaseSettings = image ? { kind: 'image', image } : { kind: 'rootfs', rootfs }
  const workspace = input('workspace')
  const workspaceDevices = parseInput('workspace-devices', raw, context)
  const workdirInput = parseInput('workdir', raw, context)
  const workdir = workdirInput ?? workspace ?? '/'
  const user = parseInput('user', raw, context)
  checkWorkspaceHoldsNoHostFiles(workspace, [{ what: 'the temporary directory', file: context.tempDir }])
  if (!image) {
    checkBaseOutsideWorkspace('rootfs', rootfs, workspace)
    checkShellInRootfs(shell, rootfs, env, [INPUTS.shell.default, ''].includes(raw.shell.trim()))
    checkWorkdirExists(workdir, { rootfs, workspace })
  }
  const guestUser = image ? undefined : resolveGuestUser({ user }, rootfs, { input: 'rootfs', name: rootfs })
  const network = parseInput('network', raw, context)
  const ports = parseInput('ports', raw, context)
  if (network === 'none' && ports.length > 0) {
    throw new InputError(
      'ports',
      'cannot expose a port with network none, which gives the guest no network; use network public or tsi, or no ports'
    )
  }
  const allow = parseInput('allow', raw, context)
  if (network !== 'public' && allow.length > 0) {
    throw new InputError(
      'allow',
      `applies only to network public, and network is ${network}; remove allow or use network public`
    )
  }
  const persist = parseInput('persist', raw, context)
  const persistSizeBytes = parseInput('persist-size', raw, context)
  const prepare = parseInput('prepare', raw, context)
  if (prepare && !image) {
    throw new InputError('prepare', 'needs image: its layer is cached per image digest; set image, or drop prepare')
  }
  const { libkrun, libkrunArchive, libkrunFrom } = libkrunSettings(raw, context, input)
  if (libkrun !== undefined) checkWorkspaceHoldsNoHostFiles(workspace, [{ what: 'libkrun', file: libkrun }])
  const kvmAccess = parseInput('kvm-access', raw, context)
  const exportEnv = parseInput('export-env', raw, context)
  const guestWorkflowCommands = parseInput('guest-workflow-commands', raw, context)
  return {
    commands,
    shell,
    base,
    workspace,
    workspaceDevices,
    workdir,
    workdirDefaulted: workdirInput === undefined && workspace === null,
    env,
    imageEnv: [],
    user,
    guestUser,
    imageConfig: undefined,
    cpus,
    memoryMib,
    network,
    persist,
    persistSizeBytes,
    prepare,
    allow,
    ports,
    libkrun,
    libkrunArchive,
    libkrunFrom,
    kvmAccess,
    logLevel,
    timeoutSeconds,
    exportEnv,
    guestWorkflowCommands,
    resolvedHostPaths: resolveHostPaths(input)
  }
}
