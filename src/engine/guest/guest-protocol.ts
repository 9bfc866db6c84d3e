/**
 * The contract between the host and the guest init (native/init/krun-init.c): where things are
 * in the guest's private root, the mount tags, the guest's defaults, and the records the init
 * writes back. native/README.md ("The guest protocol") says it in words.
 *
 * The init takes the facts it needs from native/init/guest-protocol.h, which
 * scripts/guest-protocol-header.ts writes from INIT_FACTS below (a test fails when the
 * committed header is stale): change a fact here, then run that script, never edit the header.
 *
 * The channel between the action process and the VM process (vm-protocol.ts) is not part of
 * this: the guest never sees it, and it belongs to the VM process's bundle.
 */
import type { EnvEntry } from '../inputs/parse.js'

/** The directory of the guest's own files (the script, the file commands) in the merged root. */
const GUEST_RUN_DIR = '/run/krun-action'

/** Where things are inside the guest's private root: relative to it, but for init and scriptInGuest. */
export const GUEST = {
  /** The init's path, given to krun_set_exec. */
  init: '/krun-init',
  records: '.krun',
  plan: '.krun/plan',
  env: '.krun/env',
  script: '.krun/script',
  started: '.krun/started',
  status: '.krun/status',
  initError: '.krun/init-error',
  /**
   * Where the init mounts the image's root, a prepared layer's disk, its writable layer
   * (tmpfs or a disk: overlay upper and work) and the merged root.
   */
  lower: '.krun/lower',
  middle: '.krun/middle',
  rw: '.krun/rw',
  root: '.krun/root',
  /** Where the init places the script inside the merged root. */
  scriptInGuest: `${GUEST_RUN_DIR}/script.sh`
} as const

/** The directories the host makes for the init to mount on. */
export const GUEST_MOUNT_POINTS = [GUEST.lower, GUEST.middle, GUEST.rw, GUEST.root] as const

/** The virtio-fs tags: the image's root (the overlay's lower), the workspace, the file commands. */
export const BASE_TAG = 'krun-base'
export const WORKSPACE_TAG = 'krun-workspace'
export const FILE_COMMAND_TAG = 'krun-files'
/** Where the guest sees the file-command share (GITHUB_OUTPUT and friends). */
export const FILE_COMMAND_GUEST_DIR = `${GUEST_RUN_DIR}/files`

/** The guest's PATH when the user sets none: also the init's search path for the workload. */
export const DEFAULT_PATH = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin'
export const DEFAULT_HOME = '/root'

/** The guest PATH: the user's, or the usual one. */
export function guestPath(env: EnvEntry[]): string {
  const own = env.filter(([name]) => name === 'PATH').at(-1)
  return own ? own[1] : DEFAULT_PATH
}

/** The status record's exact size: one word and a number, padded with spaces, then a newline. */
export const STATUS_BYTES = 32
/** The status record's words: the workload runs, or ended with an exit code or a signal. */
export const STATUS_RUNNING = 'running'
export const STATUS_EXITED = 'exited'
export const STATUS_KILLED = 'killed'

/** The plan's directives, one per line with tab-separated fields (native/README.md has their fields). */
export const PLAN = {
  lower: 'lower',
  share: 'share',
  workdir: 'workdir',
  script: 'script',
  arg: 'arg',
  user: 'user',
  upper: 'upper',
  middle: 'middle'
} as const
/** A share's kind and modes in a `share` (and `lower`) directive. */
export const SHARE_VIRTIOFS = 'virtiofs'
export const SHARE_RW = 'rw'
export const SHARE_RO = 'ro'

/** The guest paths the init opens: absolute, since the init runs with the private root as `/`. */
const inRoot = (relative: string): string => `/${relative}`

/**
 * What native/init/guest-protocol.h defines, by C macro name. Strings become C string
 * literals, numbers C integers.
 */
export const INIT_FACTS: Readonly<Record<string, string | number>> = {
  KRUN_DIR: inRoot(GUEST.records),
  PLAN_FILE: inRoot(GUEST.plan),
  ENV_FILE: inRoot(GUEST.env),
  SCRIPT_FILE: inRoot(GUEST.script),
  STARTED_FILE: inRoot(GUEST.started),
  STATUS_FILE: inRoot(GUEST.status),
  INIT_ERROR_FILE: inRoot(GUEST.initError),
  LOWER_DIR: inRoot(GUEST.lower),
  MIDDLE_DIR: inRoot(GUEST.middle),
  RW_DIR: inRoot(GUEST.rw),
  ROOT_DIR: inRoot(GUEST.root),
  DEFAULT_PATH,
  STATUS_SIZE: STATUS_BYTES,
  STATUS_RUNNING,
  STATUS_EXITED,
  STATUS_KILLED,
  PLAN_LOWER: PLAN.lower,
  PLAN_SHARE: PLAN.share,
  PLAN_WORKDIR: PLAN.workdir,
  PLAN_SCRIPT: PLAN.script,
  PLAN_ARG: PLAN.arg,
  PLAN_USER: PLAN.user,
  PLAN_UPPER: PLAN.upper,
  PLAN_MIDDLE: PLAN.middle,
  SHARE_VIRTIOFS,
  SHARE_RW,
  SHARE_RO
}
