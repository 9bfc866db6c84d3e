/**
 * Turns the raw inputs (from action.yml inputs or CLI flags) into one typed, validated
 * RunSettings. Everything is checked here, before any file is written or process started.
 */
import fs from 'node:fs'
import path from 'node:path'
import { InputError, showValue } from './errors.js'
import { type ParseContext, type RawInputs, parseInput } from './inputs.js'
import type { EnvEntry, LogLevel, NetworkMode } from './parse.js'
import { guestPath } from './plan.js'

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
  network: NetworkMode
  /** Guest ports exposed on the host, as libkrun's "HOST:GUEST" port map entries. */
  ports: string[]
  /** The libkrun the user named (input, flag or KRUN_LIBRARY); otherwise it is searched for. */
  libkrun: string | undefined
  /** libkrun's log level when the user asked for one: then it is shown live. */
  logLevel: LogLevel | undefined
  timeoutSeconds: number | undefined
  /** Whether the guest may set GITHUB_ENV and GITHUB_PATH, which steer later steps on the host. */
  exportEnv: boolean
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

/** `envEntries`, when given, replaces the `env` text (the CLI's --env flags arrive parsed). */
export function buildSettings(raw: RawInputs, context: ParseContext, envEntries?: EnvEntry[]): RunSettings {
  const commands = parseInput('commands', raw, context)
  const shell = parseInput('shell', raw, context)
  const env = envEntries ?? parseInput('env', raw, context)
  const cpus = parseInput('cpus', raw, context)
  const memoryMib = parseInput('memory', raw, context)
  const logLevel = parseInput('log-level', raw, context)
  const timeoutSeconds = parseInput('timeout', raw, context)
  const rootfs = parseInput('rootfs', raw, context)
  checkShellInRootfs(shell, rootfs, env)
  const workspace = parseInput('workspace', raw, context)
  const workdir = parseInput('workdir', raw, context) ?? workspace ?? '/'
  const network = parseInput('network', raw, context)
  const ports = parseInput('ports', raw, context)
  if (network === 'none' && ports.length > 0) {
    throw new InputError(
      'ports',
      'cannot expose a port with network none, which gives the guest no network; use network tsi or no ports'
    )
  }
  const libkrun = parseInput('libkrun', raw, context)
  const exportEnv = parseInput('export-env', raw, context)
  return {
    commands,
    shell,
    rootfs,
    workspace,
    workdir,
    env,
    cpus,
    memoryMib,
    network,
    ports,
    libkrun,
    logLevel,
    timeoutSeconds,
    exportEnv
  }
}
