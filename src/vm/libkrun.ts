/**
 * The one place that touches native code: libkrun, libkrunfw (loaded only to check it) and
 * the few libc calls the VM process needs, through koffi.
 *
 * koffi traps: a parameter spelled `*const name` aborts Node, so arrays are declared
 * `const char **` and passed as null-terminated JS arrays; uint8_t/uint32_t arguments wrap
 * silently, so callers range-check first.
 */
import fs from 'node:fs'
import path from 'node:path'
import koffi from 'koffi'

export interface Libkrun {
  /** Whether the library exports this symbol (how its version is judged). */
  has(symbol: string): boolean
  setLogLevel(level: number): number
  /** Missing in releases before its own (engine/libkrun-symbols.ts says which). */
  initLog: ((fd: number, level: number, style: number, options: number) => number) | undefined
  createCtx(): number
  setVmConfig(ctx: number, vcpus: number, ramMib: number): number
  setRoot(ctx: number, path: string): number
  setWorkdir(ctx: number, path: string): number
  setExec(ctx: number, execPath: string, argv: string[], envp: string[]): number
  addVirtiofs(ctx: number, tag: string, path: string): number
  /** Missing in older releases; the only way to make a share read-only on the host side. */
  addVirtiofs3: ((ctx: number, tag: string, path: string, shmSize: number, readOnly: boolean) => number) | undefined
  /** Missing before libkrun 1.10 and in builds without the block device feature: raw disk images. */
  addDisk2:
    ((ctx: number, blockId: string, diskPath: string, diskFormat: number, readOnly: boolean) => number) | undefined
  /** The TSI port map: "HOST:GUEST" entries; an empty list exposes no guest port (NULL would expose all). */
  setPortMap(ctx: number, portMap: string[]): number
  /** Missing in older releases; without vsock the guest has no TSI, so no network but lo. */
  disableImplicitVsock: ((ctx: number) => number) | undefined
  /** Never returns when the VM starts: libkrun ends the process with the guest's exit code. */
  startEnter(ctx: number): number
}

/** Kept for the life of the process, so the library is never unloaded. */
const preloaded: ReturnType<typeof koffi.load>[] = []

/**
 * Loads the libkrunfw.so.N beside libkrun first, when there is exactly one. libkrun dlopens
 * libkrunfw by its soname, and the dynamic loader hands back a library already loaded under
 * that soname before it searches any path: so libkrun gets the libkrunfw it was shipped with
 * whatever its run path says, and LD_LIBRARY_PATH cannot help once this process runs (the
 * loader reads it at start). Returns the file loaded, if any.
 */
export function preloadKrunfw(libraryPath: string): string | undefined {
  const dir = path.dirname(libraryPath)
  let names: string[]
  try {
    names = fs.readdirSync(dir).filter((name) => /^libkrunfw\.so\.\d+$/.test(name))
  } catch {
    return undefined
  }
  if (names.length !== 1) return undefined
  const file = path.join(dir, names[0])
  try {
    preloaded.push(koffi.load(file))
  } catch (error) {
    throw new Error(`cannot load ${names[0]} beside it: ${(error as Error).message}`, { cause: error })
  }
  return file
}

/** A libkrun function as koffi calls it: every one this module declares returns an int32_t. */
type LibkrunCall = (...args: unknown[]) => number

function nullTerminated(items: string[]): (string | null)[] {
  return [...items, null]
}

export function loadLibkrun(libraryPath: string): Libkrun {
  const lib = koffi.load(libraryPath)
  const optional = (declaration: string): LibkrunCall | undefined => {
    try {
      return lib.func(declaration)
    } catch {
      return undefined
    }
  }
  const has = (symbol: string): boolean => {
    try {
      lib.func(`void ${symbol}()`)
      return true
    } catch {
      return false
    }
  }
  const required = (declaration: string): LibkrunCall => {
    const fn = optional(declaration)
    if (!fn)
      throw new Error(
        `it does not export ${/krun_\w+/.exec(declaration)?.[0]}; expected a libkrun.so.1 built for running a root directory (not a SEV/TEE build)`
      )
    return fn
  }
  const setLogLevel = required('int32_t krun_set_log_level(uint32_t level)')
  const initLog = optional('int32_t krun_init_log(int fd, uint32_t level, uint32_t style, uint32_t options)')
  const createCtx = required('int32_t krun_create_ctx()')
  const setVmConfig = required('int32_t krun_set_vm_config(uint32_t ctx, uint8_t vcpus, uint32_t ram_mib)')
  const setRoot = required('int32_t krun_set_root(uint32_t ctx, const char *path)')
  const setWorkdir = required('int32_t krun_set_workdir(uint32_t ctx, const char *path)')
  const setExec = required(
    'int32_t krun_set_exec(uint32_t ctx, const char *path, const char **argv, const char **envp)'
  )
  const addVirtiofs = required('int32_t krun_add_virtiofs(uint32_t ctx, const char *tag, const char *path)')
  const addVirtiofs3 = optional(
    'int32_t krun_add_virtiofs3(uint32_t ctx, const char *tag, const char *path, uint64_t shm_size, bool read_only)'
  )
  const addDisk2 = optional(
    'int32_t krun_add_disk2(uint32_t ctx, const char *block_id, const char *disk_path, uint32_t disk_format, bool read_only)'
  )
  const setPortMap = required('int32_t krun_set_port_map(uint32_t ctx, const char **port_map)')
  const disableImplicitVsock = optional('int32_t krun_disable_implicit_vsock(uint32_t ctx)')
  const startEnter = required('int32_t krun_start_enter(uint32_t ctx)')
  return {
    has,
    setLogLevel: (level) => setLogLevel(level),
    initLog: initLog && ((fd, level, style, options) => initLog(fd, level, style, options)),
    createCtx: () => createCtx(),
    setVmConfig: (ctx, vcpus, ramMib) => setVmConfig(ctx, vcpus, ramMib),
    setRoot: (ctx, path) => setRoot(ctx, path),
    setWorkdir: (ctx, path) => setWorkdir(ctx, path),
    setExec: (ctx, execPath, argv, envp) => setExec(ctx, execPath, nullTerminated(argv), nullTerminated(envp)),
    addVirtiofs: (ctx, tag, path) => addVirtiofs(ctx, tag, path),
    addVirtiofs3:
      addVirtiofs3 && ((ctx, tag, path, shmSize, readOnly) => addVirtiofs3(ctx, tag, path, shmSize, readOnly)),
    addDisk2:
      addDisk2 &&
      ((ctx, blockId, diskPath, diskFormat, readOnly) => addDisk2(ctx, blockId, diskPath, diskFormat, readOnly)),
    setPortMap: (ctx, portMap) => setPortMap(ctx, nullTerminated(portMap)),
    disableImplicitVsock: disableImplicitVsock && ((ctx) => disableImplicitVsock(ctx)),
    startEnter: (ctx) => startEnter(ctx)
  }
}

let libc: ReturnType<typeof koffi.load> | undefined
function loadLibc(): ReturnType<typeof koffi.load> {
  libc ??= koffi.load('libc.so.6')
  return libc
}

/** The system's text for an errno value, e.g. "No such file or directory". */
export function strerror(errno: number): string {
  return loadLibc().func('const char *strerror(int errnum)')(errno) as string
}

const PR_SET_PDEATHSIG = 1
const SIGKILL = 9

/**
 * Ties this process's life to its parent's: if the action process is killed outright,
 * the kernel kills the VM process (and with it the microVM) at once.
 */
export function dieWithParent(): void {
  loadLibc().func(
    'int prctl(int option, unsigned long arg2, unsigned long arg3, unsigned long arg4, unsigned long arg5)'
  )(PR_SET_PDEATHSIG, SIGKILL, 0, 0, 0)
}

const KVM_GET_API_VERSION = 0xae00

/** KVM_GET_API_VERSION on an open KVM device; negative errno when the ioctl fails. */
export function kvmApiVersion(fd: number): number {
  const lib = loadLibc()
  const ioctl = lib.func('int ioctl(int fd, unsigned long request, ...)')
  const errnoLocation = lib.func('int *__errno_location()')
  const result = ioctl(fd, KVM_GET_API_VERSION, 'long', 0) as number
  if (result >= 0) return result
  return -(koffi.decode(errnoLocation(), 'int') as number)
}

/** krun_has_feature of the library, when it has it: 1 built in, 0 not, negative errno unknown. */
export function featureQuery(libraryPath: string): ((feature: number) => number) | undefined {
  try {
    const hasFeature = koffi.load(libraryPath).func('int32_t krun_has_feature(uint64_t feature)')
    return (feature) => hasFeature(feature) as number
  } catch {
    return undefined
  }
}

/**
 * Loads libkrunfw by its soname, as libkrun does (so the loader's path decides where it comes
 * from), and returns its ABI version when it says one (krunfw_get_version). Throws the
 * loader's error when it does not load.
 */
export function loadFirmware(soname: string): number | undefined {
  const lib = koffi.load(soname)
  try {
    return lib.func('uint32_t krunfw_get_version()')() as number
  } catch {
    return undefined
  }
}
