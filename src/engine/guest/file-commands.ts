/**
 * The guest's file commands: each one the host has (GITHUB_OUTPUT, GITHUB_STEP_SUMMARY,
 * GITHUB_ENV, GITHUB_PATH) names a file in a private share in the guest, so a script
 * written for the runner works unchanged. After the run the host reads those files as
 * untrusted input and parses them strictly, in the runner's own format; GITHUB_ENV and
 * GITHUB_PATH only with export-env, and otherwise they are only looked at to say they
 * were dropped. Warnings never echo guest content beyond a valid name.
 */
import fs from 'node:fs'
import path from 'node:path'
import { FILE_COMMAND_GUEST_DIR, FILE_COMMAND_TAG } from './guest-protocol.js'
import { TamperedError, readUntrustedFile } from './untrusted-file.js'
import { ENV_NAME } from '../inputs/parse.js'

/** What each file command is called in a step's environment. */
export const FILE_COMMANDS = {
  output: 'GITHUB_OUTPUT',
  summary: 'GITHUB_STEP_SUMMARY',
  env: 'GITHUB_ENV',
  path: 'GITHUB_PATH'
} as const
export type FileCommandKind = keyof typeof FILE_COMMANDS

/** GITHUB_ENV and GITHUB_PATH change later steps on the host: read only with export-env. */
const EXPORTED: readonly FileCommandKind[] = ['env', 'path']

/** The share's directory inside the private run directory (outside the guest's root). */
const FILE_COMMAND_DIR = 'files'
/** What GitHub allows a step's summary; the same cap for each file. */
export const FILE_COMMAND_MAX_BYTES = 1024 * 1024
/** More warnings than this are counted, not listed. */
export const MAX_WARNINGS = 10

export interface FileCommandShare {
  tag: string
  hostDir: string
  guestDir: string
  /** The guest's GITHUB_* variables, naming files in the share. */
  env: Record<string, string>
}

export interface GuestFileCommands {
  outputs: [string, string][]
  summary: string
  env: [string, string][]
  path: string[]
  /** One line each, at most MAX_WARNINGS and a count of the rest. */
  warnings: string[]
  /** GITHUB_ENV or GITHUB_PATH when the guest wrote to them without export-env: nothing of it was read. */
  dropped: FileCommandKind[]
}

export const NO_FILE_COMMANDS: GuestFileCommands = {
  outputs: [],
  summary: '',
  env: [],
  path: [],
  warnings: [],
  dropped: []
}

/** The file commands this host has files for: the guest gets each of them. */
export function enabledFileCommands(hostEnv: NodeJS.ProcessEnv): FileCommandKind[] {
  return (Object.keys(FILE_COMMANDS) as FileCommandKind[]).filter((kind) => Boolean(hostEnv[FILE_COMMANDS[kind]]))
}

/**
 * The one warning for what the guest wrote to GITHUB_ENV or GITHUB_PATH without export-env;
 * `setting` is how the front end's user turns it on, e.g. `export-env: true`.
 */
export function droppedWarning(dropped: readonly FileCommandKind[], setting: string): string | undefined {
  if (dropped.length === 0) return undefined
  const names = dropped.map((kind) => FILE_COMMANDS[kind]).join(' and ')
  const [it, was] = dropped.length === 1 ? ['it', 'it was'] : ['them', 'they were']
  return `the guest wrote to ${names}; ${was} dropped: set ${setting} to pass ${it} to later steps`
}

/**
 * Makes the share (mode 0700) with one empty file per enabled command (0600). When the
 * commands run as a user other than root (`forAnyUser`), the share is 0777 and its files 0666
 * so that user can write them: the run directory around it stays 0700 on the host.
 */
export function prepareFileCommandShare(
  runDir: string,
  kinds: readonly FileCommandKind[],
  forAnyUser = false
): FileCommandShare {
  const hostDir = path.join(runDir, FILE_COMMAND_DIR)
  fs.mkdirSync(hostDir, { mode: 0o700 })
  if (forAnyUser) fs.chmodSync(hostDir, 0o777)
  const env: Record<string, string> = {}
  for (const kind of kinds) {
    fs.writeFileSync(path.join(hostDir, kind), '', { mode: 0o600 })
    if (forAnyUser) fs.chmodSync(path.join(hostDir, kind), 0o666)
    env[FILE_COMMANDS[kind]] = `${FILE_COMMAND_GUEST_DIR}/${kind}`
  }
  return { tag: FILE_COMMAND_TAG, hostDir, guestDir: FILE_COMMAND_GUEST_DIR, env }
}

interface Parsed<T> {
  entries: T[]
  warnings: string[]
}

const OUTPUT_NAME = /^[A-Za-z_][A-Za-z0-9_-]*$/
/** The runner itself refuses NODE_OPTIONS from GITHUB_ENV. */
const REFUSED_ENV = ['NODE_OPTIONS']

/**
 * `name=value` lines and `name<<DELIMITER` blocks (the value's lines, then DELIMITER alone),
 * as the runner reads GITHUB_OUTPUT and GITHUB_ENV. Anything else is skipped with a warning.
 */
function parseKeyValues(
  text: string,
  variable: string,
  nameCheck: (name: string) => string | undefined
): Parsed<[string, string]> {
  const lines = text.split('\n').map((line) => line.replace(/\r$/, ''))
  if (lines.at(-1) === '') lines.pop()
  const entries: [string, string][] = []
  const warnings: string[] = []
  const warn = (lineNumber: number, problem: string) =>
    warnings.push(`the guest's ${variable}, line ${lineNumber}: ${problem}; skipped`)
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]
    const lineNumber = i + 1
    if (line === '') continue
    const equals = line.indexOf('=')
    const heredoc = line.indexOf('<<')
    let name: string
    let value: string
    if (equals >= 0 && (heredoc < 0 || equals < heredoc)) {
      name = line.slice(0, equals)
      value = line.slice(equals + 1)
    } else if (heredoc >= 0) {
      name = line.slice(0, heredoc)
      const delimiter = line.slice(heredoc + 2)
      if (delimiter === '') {
        warn(lineNumber, 'a name<<DELIMITER line with an empty delimiter')
        continue
      }
      const end = lines.indexOf(delimiter, i + 1)
      if (end < 0) {
        warnings.push(
          `the guest's ${variable}, line ${lineNumber}: a name<<DELIMITER block that is never closed; skipped it and the rest of the file`
        )
        break
      }
      value = lines.slice(i + 1, end).join('\n')
      i = end
    } else {
      warn(lineNumber, 'neither name=value nor name<<DELIMITER')
      continue
    }
    const problem = nameCheck(name)
    if (problem) {
      warn(lineNumber, problem)
    } else if (value.includes('\0')) {
      warn(lineNumber, `the value of ${name} holds a NUL byte`)
    } else {
      entries.push([name, value])
    }
  }
  return { entries, warnings }
}

export function parseOutputFile(text: string): Parsed<[string, string]> {
  return parseKeyValues(text, FILE_COMMANDS.output, (name) =>
    OUTPUT_NAME.test(name)
      ? undefined
      : 'not a valid output name (letters, digits, _ and -, not starting with a digit or -)'
  )
}

export function parseEnvFile(text: string): Parsed<[string, string]> {
  return parseKeyValues(text, FILE_COMMANDS.env, (name) => {
    if (!ENV_NAME.test(name)) return 'not a valid variable name (letters, digits and _, not starting with a digit)'
    if (REFUSED_ENV.includes(name)) return `${name} cannot be set for later steps`
    return undefined
  })
}

/** One absolute directory per line; `:` is refused, as it would add more than one. */
export function parsePathFile(text: string): Parsed<string> {
  const entries: string[] = []
  const warnings: string[] = []
  text.split('\n').forEach((raw, i) => {
    const line = raw.replace(/\r$/, '')
    if (line === '') return
    if (!line.startsWith('/') || /[:\0]/.test(line)) {
      warnings.push(
        `the guest's ${FILE_COMMANDS.path}, line ${i + 1}: not an absolute directory without ":" or NUL; skipped`
      )
    } else {
      entries.push(line)
    }
  })
  return { entries, warnings }
}

function capWarnings(warnings: string[]): string[] {
  if (warnings.length <= MAX_WARNINGS) return warnings
  return [
    ...warnings.slice(0, MAX_WARNINGS),
    `${warnings.length - MAX_WARNINGS} more problems in the guest's file commands were skipped`
  ]
}

/** The text the guest left in one file command; '' (with a warning) when it cannot be trusted. */
function readGuestFile(runDir: string, kind: FileCommandKind, warnings: string[]): string {
  const variable = FILE_COMMANDS[kind]
  let bytes: Buffer | undefined
  try {
    bytes = readUntrustedFile(runDir, `${FILE_COMMAND_DIR}/${kind}`, FILE_COMMAND_MAX_BYTES)
  } catch (error) {
    if (!(error instanceof TamperedError)) throw error
    warnings.push(`the guest's ${variable} was not a regular file of at most 1 MiB; ignored`)
    return ''
  }
  if (bytes === undefined) return ''
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch {
    warnings.push(`the guest's ${variable} is not UTF-8 text; ignored`)
    return ''
  }
}

/** Whether the guest left anything but the empty file it was given (read no further than one byte). */
function guestWroteTo(runDir: string, kind: FileCommandKind): boolean {
  try {
    readUntrustedFile(runDir, `${FILE_COMMAND_DIR}/${kind}`, 0)
    return false
  } catch (error) {
    if (!(error instanceof TamperedError)) throw error
    return true
  }
}

/** Reads and checks what the guest wrote to each enabled file command; GITHUB_ENV and GITHUB_PATH only if exported. */
export function readGuestFileCommands(
  runDir: string,
  kinds: readonly FileCommandKind[],
  exportEnv: boolean
): GuestFileCommands {
  const warnings: string[] = []
  const result: GuestFileCommands = { ...NO_FILE_COMMANDS, dropped: [] }
  const keep = <T>(parsed: Parsed<T>): T[] => {
    warnings.push(...parsed.warnings)
    return parsed.entries
  }
  for (const kind of kinds) {
    if (!exportEnv && EXPORTED.includes(kind)) {
      if (guestWroteTo(runDir, kind)) result.dropped.push(kind)
      continue
    }
    const text = readGuestFile(runDir, kind, warnings)
    if (kind === 'summary') result.summary = text
    else if (kind === 'output') result.outputs = keep(parseOutputFile(text))
    else if (kind === 'env') result.env = keep(parseEnvFile(text))
    else result.path = keep(parsePathFile(text))
  }
  result.warnings = capWarnings(warnings)
  return result
}
