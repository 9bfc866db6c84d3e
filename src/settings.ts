/**
 * Turns the raw inputs (from action.yml inputs or CLI flags) into one typed, validated
 * RunSettings. Everything is checked here, before any file is written or process started.
 */
import fs from 'node:fs'
import path from 'node:path'
import { InputError, showValue } from './input-error.js'
import {
  type EnvEntry,
  type LogLevel,
  parseCommands,
  parseCpus,
  parseEnv,
  parseLogLevel,
  parseMemory,
  parseShell,
  parseTimeout
} from './parse.js'

export const INPUT_NAMES = [
  'commands',
  'shell',
  'rootfs',
  'workspace',
  'workdir',
  'env',
  'cpus',
  'memory',
  'libkrun',
  'log-level',
  'timeout'
] as const
export type InputName = (typeof INPUT_NAMES)[number]
export type RawInputs = Record<InputName, string>

export interface RunSettings {
  /** The script body, verbatim. */
  commands: string
  /** The shell's argv, with `{0}` where the script's guest path goes. */
  shell: string[]
  /** Host directory shown read-only (under a writable overlay) as the guest's `/`. */
  rootfs: string
  /** Host directory shared read-write at the same path in the guest, or null for none. */
  workspace: string | null
  /** Absolute guest path the commands start in. */
  workdir: string
  /** The guest's environment, in addition to the defaults (PATH, HOME). */
  env: EnvEntry[]
  cpus: number
  memoryMib: number
  /** The libkrun the user named (input, flag or KRUN_LIBRARY); otherwise it is searched for. */
  libkrun: string | undefined
  /** libkrun's log level when the user asked for one: then it is shown live. */
  logLevel: LogLevel | undefined
  timeoutSeconds: number | undefined
}

export interface SettingsContext {
  /** The directory relative paths are resolved against. */
  cwd: string
  /** GITHUB_WORKSPACE, when set. */
  defaultWorkspace: string | undefined
  /** KRUN_LIBRARY, when set. */
  libraryFromEnv: string | undefined
  hostMemoryMib: number
}

/** Guest paths travel in a TAB-separated plan file, and on no command line. */
function checkPlanSafe(input: string, value: string): void {
  if (/[\t\n\r\0]/.test(value)) {
    throw new InputError(input, `${showValue(value)} contains a tab, newline or NUL byte; use a path without them`)
  }
}

function hostDirectory(input: string, raw: string, cwd: string): string {
  checkPlanSafe(input, raw)
  const resolved = path.resolve(cwd, raw)
  let stat: fs.Stats
  try {
    stat = fs.statSync(resolved)
  } catch {
    throw new InputError(input, `${showValue(raw)} does not exist; expected an existing directory on the host`)
  }
  if (!stat.isDirectory()) {
    throw new InputError(input, `${showValue(raw)} is not a directory; expected an existing directory on the host`)
  }
  return resolved
}

const DEFAULT_PATH = ['/usr/local/sbin', '/usr/local/bin', '/usr/sbin', '/usr/bin', '/sbin', '/bin']

/** The guest PATH: the user's, or the usual one. */
export function guestPath(env: EnvEntry[]): string {
  const own = env.filter(([name]) => name === 'PATH').at(-1)
  return own ? own[1] : DEFAULT_PATH.join(':')
}

function checkShellInRootfs(shell: string[], rootfs: string, env: EnvEntry[]): void {
  const program = shell[0]
  const candidates = program.includes('/')
    ? [program]
    : guestPath(env)
        .split(':')
        .filter((dir) => dir.startsWith('/'))
        .map((dir) => path.posix.join(dir, program))
  // lstat, not stat: inside a rootfs other than /, absolute symlinks point into the
  // rootfs, not the host, so the link itself is what can be checked here.
  const found = candidates.some((candidate) => {
    try {
      return !fs.lstatSync(path.join(rootfs, candidate)).isDirectory()
    } catch {
      return false
    }
  })
  if (!found) {
    throw new InputError(
      'shell',
      `${showValue(program)} was not found in rootfs ${rootfs} (looked in ${candidates.join(', ')}); install it there or choose another shell`
    )
  }
}

function libraryPath(raw: string, source: string, cwd: string): string | undefined {
  if (raw.trim() === '') return undefined
  checkPlanSafe(source, raw)
  const resolved = path.resolve(cwd, raw.trim())
  let header: Buffer
  try {
    const fd = fs.openSync(resolved, 'r')
    try {
      header = Buffer.alloc(18)
      fs.readSync(fd, header, 0, 18, 0)
    } finally {
      fs.closeSync(fd)
    }
  } catch {
    throw new InputError(source, `${showValue(raw)} does not exist or cannot be read; expected the path of libkrun.so.1`)
  }
  const isElf = header.subarray(0, 4).equals(Buffer.from([0x7f, 0x45, 0x4c, 0x46]))
  const ET_DYN = 3
  if (!isElf || header.readUInt16LE(16) !== ET_DYN) {
    throw new InputError(source, `${showValue(raw)} is not a shared library; expected the path of libkrun.so.1`)
  }
  return resolved
}

/** `envEntries`, when given, replaces the `env` text (the CLI's --env flags arrive parsed). */
export function buildSettings(raw: RawInputs, context: SettingsContext, envEntries?: EnvEntry[]): RunSettings {
  const commands = parseCommands(raw.commands)
  const shell = parseShell(raw.shell)
  const env = envEntries ?? parseEnv(raw.env)
  const cpus = parseCpus(raw.cpus === '' ? '2' : raw.cpus)
  const memoryMib = parseMemory(raw.memory === '' ? '2048' : raw.memory, context.hostMemoryMib)
  const logLevel = parseLogLevel(raw['log-level'])
  const timeoutSeconds = parseTimeout(raw.timeout)

  const rootfs = hostDirectory('rootfs', raw.rootfs.trim() === '' ? '/' : raw.rootfs.trim(), context.cwd)
  checkShellInRootfs(shell, rootfs, env)

  const workspaceRaw = raw.workspace.trim()
  const workspace =
    workspaceRaw === 'none'
      ? null
      : hostDirectory('workspace', workspaceRaw === '' ? (context.defaultWorkspace ?? context.cwd) : workspaceRaw, context.cwd)

  if (workspace === '/') {
    throw new InputError('workspace', '"/" would share the whole host read-write; name a project directory, or none')
  }

  const workdirRaw = raw.workdir.trim()
  const workdir = workdirRaw === '' ? (workspace ?? '/') : workdirRaw
  checkPlanSafe('workdir', workdir)
  if (!workdir.startsWith('/')) {
    throw new InputError('workdir', `${showValue(workdirRaw)} is relative; expected an absolute path inside the guest, e.g. /src`)
  }

  const libkrun =
    libraryPath(raw.libkrun, 'libkrun', context.cwd) ??
    libraryPath(context.libraryFromEnv ?? '', 'KRUN_LIBRARY', context.cwd)

  return { commands, shell, rootfs, workspace, workdir: path.posix.normalize(workdir), env, cpus, memoryMib, libkrun, logLevel, timeoutSeconds }
}
