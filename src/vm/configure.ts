/**
 * The VM process's checks and configuration, written against the Libkrun interface so
 * they can be tested without native code.
 */
import { InputError } from '../engine/errors.js'
import { MIN_LIBKRUN_SYMBOL, MIN_LIBKRUN_VERSION, since } from '../engine/host/libkrun-symbols.js'
import type { LogLevel } from '../engine/inputs/parse.js'
import type { VmConfig } from '../engine/guest/plan.js'
import type { Libkrun } from './libkrun.js'

/** Older builds than MIN_LIBKRUN_VERSION are refused: they do not report the guest's exit code. */
export function checkLibkrunVersion(krun: Pick<Libkrun, 'has'>, libraryPath: string): void {
  if (!krun.has(MIN_LIBKRUN_SYMBOL)) {
    throw new InputError(
      'libkrun',
      `${libraryPath} is older than libkrun ${MIN_LIBKRUN_VERSION} (it lacks ${MIN_LIBKRUN_SYMBOL}), and older versions do not report the guest's exit code. Install libkrun ${MIN_LIBKRUN_VERSION} or newer.`
    )
  }
}

/**
 * An image's root must be shared read-only on the host side, which needs krun_add_virtiofs3: with
 * an older libkrun a guest could write into the image cache, and every later run of the image would
 * run what it left there.
 */
export function checkImageShareable(
  krun: Pick<Libkrun, 'addVirtiofs3'>,
  config: Pick<VmConfig, 'shares' | 'libkrun'>
): void {
  if (krun.addVirtiofs3 || !config.shares.some((share) => share.imageCache)) return
  throw new InputError(
    'image',
    `needs libkrun ${since('krun_add_virtiofs3')} or newer (${config.libkrun} lacks krun_add_virtiofs3) to share the image read-only on the host side, ` +
      'so that no guest can change the image cache; install a newer libkrun or use a rootfs directory'
  )
}

/** What the user should know about this libkrun's limits for this config, one line each. */
export function libkrunWarnings(krun: Pick<Libkrun, 'addVirtiofs3'>, config: Pick<VmConfig, 'shares'>): string[] {
  if (krun.addVirtiofs3 || !config.shares.some((share) => share.readOnly)) return []
  return [
    `this libkrun has no krun_add_virtiofs3 (libkrun ${since('krun_add_virtiofs3')}): the base filesystem is read-only only inside the guest, which could remount it`
  ]
}

export const EXPECTED_KVM_API = 12

export function checkKvmApi(version: number, device: string, describeErrno: (errno: number) => string): void {
  if (version < 0) {
    throw new Error(
      `${device} did not answer KVM_GET_API_VERSION (${describeErrno(-version)}); it is not a working KVM device`
    )
  }
  if (version !== EXPECTED_KVM_API) {
    throw new Error(
      `${device} reports KVM API version ${version}, but libkrun needs version ${EXPECTED_KVM_API}; use a host with a standard Linux KVM`
    )
  }
}

const KRUN_LOG_TARGET_DEFAULT = -1
const KRUN_LOG_STYLE_NEVER = 2
/** shm_size 0: libkrun's default DAX window, what krun_add_virtiofs itself passes. */
const DEFAULT_DAX_WINDOW = 0
/** libkrun's numbers for the log levels (krun_set_log_level, krun_init_log). */
const KRUN_LOG_LEVEL: Record<LogLevel, number> = { off: 0, error: 1, warn: 2, info: 3, debug: 4, trace: 5 }

/** libkrun's KRUN_DISK_FORMAT_RAW: a layer disk is never probed for another format. */
const KRUN_DISK_FORMAT_RAW = 0

/** Attaches the layer disks (persist: job, prepare), which need a libkrun built with disk support. */
function addDisks(krun: Libkrun, ctx: number, config: VmConfig, describeErrno: (errno: number) => string): void {
  if (config.disks.length === 0) return
  const addDisk2 = krun.addDisk2
  if (!addDisk2) {
    const input = config.disks.some((disk) => !disk.readOnly) ? 'persist' : 'prepare'
    throw new InputError(
      input,
      `needs a libkrun with disk support (${config.libkrun} lacks krun_add_disk2: libkrun 1.10 or newer, built with the block device feature); install such a libkrun, or drop ${input}`
    )
  }
  for (const disk of config.disks) {
    call(
      'krun_add_disk2',
      addDisk2(ctx, disk.blockId, disk.hostPath, KRUN_DISK_FORMAT_RAW, disk.readOnly),
      describeErrno,
      disk.hostPath
    )
  }
}

/** Calls libkrun; a negative result becomes an error naming the call, what it was about, and the errno. */
function call(name: string, result: number, describeErrno: (errno: number) => string, about?: string): number {
  if (result < 0) {
    throw new Error(`${name} failed${about ? ` for ${about}` : ''}: ${describeErrno(-result)}`)
  }
  return result
}

/**
 * Sets up logging and a context from the config. `logFd` is an open descriptor for the
 * log file, used when the user chose no level (warnings then go to the file, shown only
 * when the run fails).
 */
export function configureContext(
  krun: Libkrun,
  config: VmConfig,
  logFd: () => number,
  describeErrno: (errno: number) => string
): number {
  if (config.logLevel !== undefined) {
    const level = KRUN_LOG_LEVEL[config.logLevel]
    if (krun.initLog)
      call('krun_init_log', krun.initLog(KRUN_LOG_TARGET_DEFAULT, level, KRUN_LOG_STYLE_NEVER, 0), describeErrno)
    else call('krun_set_log_level', krun.setLogLevel(level), describeErrno)
  } else if (krun.initLog) {
    call('krun_init_log', krun.initLog(logFd(), KRUN_LOG_LEVEL.warn, KRUN_LOG_STYLE_NEVER, 0), describeErrno)
  }

  const ctx = call('krun_create_ctx', krun.createCtx(), describeErrno)
  // libkrun takes uint8_t vcpus and uint32_t MiB; koffi would wrap larger values silently.
  if (!(config.cpus >= 1 && config.cpus <= 255) || !(config.memoryMib >= 1 && config.memoryMib <= 0xffffffff)) {
    throw new Error(`cpus ${config.cpus} or memory ${config.memoryMib} is out of libkrun's range`)
  }
  call('krun_set_vm_config', krun.setVmConfig(ctx, config.cpus, config.memoryMib), describeErrno)
  call('krun_set_root', krun.setRoot(ctx, config.root), describeErrno, config.root)
  for (const share of config.shares) {
    const about = `${share.hostPath} (tag ${share.tag})`
    // Read-only on the host side where libkrun can do it; the guest init mounts the base
    // read-only in any case, but a guest's root could remount it.
    if (share.readOnly && krun.addVirtiofs3) {
      call(
        'krun_add_virtiofs3',
        krun.addVirtiofs3(ctx, share.tag, share.hostPath, DEFAULT_DAX_WINDOW, true),
        describeErrno,
        about
      )
    } else {
      call('krun_add_virtiofs', krun.addVirtiofs(ctx, share.tag, share.hostPath), describeErrno, about)
    }
  }
  addDisks(krun, ctx, config, describeErrno)
  // Always set: without a port map libkrun exposes every port the guest listens on.
  call('krun_set_port_map', krun.setPortMap(ctx, config.portMap), describeErrno)
  if (config.network === 'none') {
    // Refused rather than run with TSI: the user asked for no network.
    const disableImplicitVsock = krun.disableImplicitVsock
    if (!disableImplicitVsock) {
      throw new InputError(
        'network',
        `none needs libkrun ${since('krun_disable_implicit_vsock')} or newer (${config.libkrun} lacks krun_disable_implicit_vsock); install a newer libkrun or use network tsi`
      )
    }
    call('krun_disable_implicit_vsock', disableImplicitVsock(ctx), describeErrno)
  }
  call('krun_set_workdir', krun.setWorkdir(ctx, '/'), describeErrno)
  // An explicit, empty environment: NULL would copy the host's onto the kernel command line.
  call('krun_set_exec', krun.setExec(ctx, config.execPath, [], []), describeErrno)
  return ctx
}
