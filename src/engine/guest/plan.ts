/**
 * From settings to what the guest and the VM process receive: the guest init's plan and
 * environment files (native/README.md describes their format) and the VM process's
 * configuration. Pure: nothing here touches the disk.
 */
import type { FileCommandShare } from './file-commands.js'
import {
  BASE_TAG,
  DEFAULT_HOME,
  GUEST,
  PLAN,
  SHARE_RW,
  SHARE_VIRTIOFS,
  WORKSPACE_TAG,
  guestPath
} from './guest-protocol.js'
import { type EnvEntry, type LogLevel, type NetworkMode, SCRIPT_PLACEHOLDER } from '../inputs/parse.js'
import type { ResolvedSettings, RunSettings } from '../inputs/settings.js'
import type { GuestUser } from '../inputs/guest-user.js'

export interface VirtiofsShare {
  tag: string
  hostPath: string
  readOnly: boolean
  /**
   * Set for an image's root, which is the image cache's: shared by every later run of the image, so
   * only a share read-only on the host side will do (a guest can remount its own mount read-write).
   */
  imageCache?: true
}

/** A raw disk image attached as a virtio-blk device (krun_add_disk2). */
export interface VmDisk {
  blockId: string
  hostPath: string
  readOnly: boolean
}

/**
 * The disk images a run's overlay uses beside tmpfs: a prepared layer, read-only between the
 * base and the writable layer, and a writable layer that outlives the run (persist: job).
 */
export interface LayerDisks {
  middle?: string
  upper?: string
}

/** The disks in the order they are attached, which is the order the guest names them: vda, vdb ... */
function layerDiskList(layers: LayerDisks): { role: typeof PLAN.middle | typeof PLAN.upper; disk: VmDisk }[] {
  const list: { role: typeof PLAN.middle | typeof PLAN.upper; disk: VmDisk }[] = []
  if (layers.middle)
    list.push({ role: PLAN.middle, disk: { blockId: 'krun-prepared', hostPath: layers.middle, readOnly: true } })
  if (layers.upper)
    list.push({ role: PLAN.upper, disk: { blockId: 'krun-upper', hostPath: layers.upper, readOnly: false } })
  return list
}

/** What the VM process needs to configure libkrun. Holds no environment values. */
export interface VmConfig {
  libkrun: string
  root: string
  cpus: number
  memoryMib: number
  shares: VirtiofsShare[]
  disks: VmDisk[]
  execPath: string
  network: NetworkMode
  /** libkrun's port map ("HOST:GUEST"); always set, so an empty list exposes no guest port. */
  portMap: string[]
  /** Set: libkrun logs at this level to stderr, live. Unset: warnings go to logFile. */
  logLevel: LogLevel | undefined
  logFile: string
  kvmDevice: string
}

export interface GuestFiles {
  plan: string
  env: Buffer
  script: Buffer
}

/** The shell's argv with the script's guest path in place of `{0}`; argv only when interactive. */
export function workloadArgv(settings: Pick<RunSettings, 'shell'>, interactive = false): string[] {
  if (interactive) return [settings.shell[0]]
  return settings.shell.map((word) => word.split(SCRIPT_PLACEHOLDER).join(GUEST.scriptInGuest))
}

/** `user UID GID GROUPS`: the ids the commands run as; GROUPS the supplementary gids, comma-separated, or `-`. */
function userDirective(user: GuestUser): string[] {
  return [PLAN.user, String(user.uid), String(user.gid), user.groups.length > 0 ? user.groups.join(',') : '-']
}

export function renderPlan(
  settings: RunSettings,
  interactive = false,
  fileShare?: FileCommandShare,
  layers: LayerDisks = {}
): string {
  const lines: string[][] = [[PLAN.lower, SHARE_VIRTIOFS, BASE_TAG]]
  layerDiskList(layers).forEach(({ role }, index) => lines.push([role, `/dev/vd${String.fromCharCode(0x61 + index)}`]))
  if (settings.workspace !== null) {
    lines.push([PLAN.share, SHARE_VIRTIOFS, WORKSPACE_TAG, settings.workspace, SHARE_RW])
  }
  if (fileShare) lines.push([PLAN.share, SHARE_VIRTIOFS, fileShare.tag, fileShare.guestDir, SHARE_RW])
  lines.push([PLAN.workdir, settings.workdir])
  if (settings.guestUser) lines.push(userDirective(settings.guestUser))
  lines.push([PLAN.script, GUEST.scriptInGuest])
  for (const arg of workloadArgv(settings, interactive)) lines.push([PLAN.arg, arg])
  return lines.map((fields) => fields.join('\t') + '\n').join('')
}

/**
 * The guest's environment in layers, each replacing the names of those before it: PATH and
 * HOME (the user's home when the run has a user), the image config's Env, the user's
 * entries, then `forced` (the file commands), which nothing replaces.
 */
export function renderEnv(
  settings: Pick<RunSettings, 'env'> & Partial<Pick<RunSettings, 'imageEnv' | 'guestUser'>>,
  extra: Record<string, string> = {},
  forced: Record<string, string> = {}
): Buffer {
  const defaults: EnvEntry[] = [
    ['PATH', guestPath([])],
    ['HOME', settings.guestUser?.home ?? DEFAULT_HOME],
    ...Object.entries(extra)
  ]
  const layers: EnvEntry[][] = [defaults, settings.imageEnv ?? [], settings.env, Object.entries(forced)]
  const entries = layers.flatMap((layer, index) => {
    const later = new Set(layers.slice(index + 1).flatMap((entries) => entries.map(([name]) => name)))
    return layer.filter(([name]) => !later.has(name))
  })
  return Buffer.from(entries.map(([name, value]) => `${name}=${value}\0`).join(''), 'utf8')
}

export function guestFiles(
  settings: RunSettings,
  interactive = false,
  extraEnv: Record<string, string> = {},
  fileShare?: FileCommandShare,
  layers: LayerDisks = {}
): GuestFiles {
  return {
    plan: renderPlan(settings, interactive, fileShare, layers),
    env: renderEnv(settings, extraEnv, fileShare?.env),
    script: settings.commands
  }
}

export function vmConfig(
  settings: ResolvedSettings,
  /** The run directory's places (run-dir.ts's RunLayout). */
  layout: { root: string; logFile: string },
  libkrun: string,
  kvmDevice: string,
  fileShare?: FileCommandShare,
  layers: LayerDisks = {}
): VmConfig {
  const base: VirtiofsShare = { tag: BASE_TAG, hostPath: settings.rootfs, readOnly: true }
  const shares: VirtiofsShare[] = [settings.base.kind === 'image' ? { ...base, imageCache: true } : base]
  if (settings.workspace !== null) {
    shares.push({ tag: WORKSPACE_TAG, hostPath: settings.workspace, readOnly: false })
  }
  if (fileShare) shares.push({ tag: fileShare.tag, hostPath: fileShare.hostDir, readOnly: false })
  return {
    libkrun,
    root: layout.root,
    cpus: settings.cpus,
    memoryMib: settings.memoryMib,
    shares,
    disks: layerDiskList(layers).map(({ disk }) => disk),
    execPath: GUEST.init,
    network: settings.network,
    portMap: settings.ports,
    logLevel: settings.logLevel,
    logFile: layout.logFile,
    kvmDevice
  }
}
