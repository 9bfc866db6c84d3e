/**
 * Pure parsers, one per input. Each takes the raw text and returns a typed value or
 * throws an InputError that names the input, shows the value (never a secret), and says
 * what form is accepted.
 */
import { InputError, showValue } from '../errors.js'

const LOG_LEVELS = ['off', 'error', 'warn', 'info', 'debug', 'trace'] as const
export type LogLevel = (typeof LOG_LEVELS)[number]

/** Where the script path goes in a shell template, as in GitHub's own `shell:`. */
export const SCRIPT_PLACEHOLDER = '{0}'

const NAMED_SHELLS: Record<string, string> = {
  sh: 'sh -e {0}',
  bash: 'bash --noprofile --norc -eo pipefail {0}'
}

function wholeNumber(input: string, raw: string, min: number, max: number, unit = '', why = ''): number {
  const text = raw.trim()
  const expected = `expected a whole number${unit} from ${min} to ${max}${why}`
  if (!/^[0-9]+$/.test(text)) {
    throw new InputError(input, `${showValue(raw)} is not a whole number; ${expected}`)
  }
  const value = Number(text)
  if (value < min || value > max) {
    throw new InputError(input, `${showValue(raw)} is out of range; ${expected}`)
  }
  return value
}

export function parseCpus(raw: string): number {
  // libkrun takes the count as a uint8_t: anything above 255 would silently wrap.
  return wholeNumber('cpus', raw, 1, 255)
}

export function parseMemory(raw: string, hostMemoryMib: number): number {
  return wholeNumber('memory', raw, 128, Math.max(128, hostMemoryMib), ' of MiB', " (the host's memory)")
}

export function parseLogLevel(raw: string): LogLevel | undefined {
  const text = raw.trim().toLowerCase()
  if (text === '') return undefined
  if ((LOG_LEVELS as readonly string[]).includes(text)) return text as LogLevel
  throw new InputError('log-level', `${showValue(raw)} is not a log level; expected one of ${LOG_LEVELS.join(', ')}`)
}

/** `true` or `false`, as action.yml booleans are written. */
export function parseBoolean(input: string, raw: string): boolean {
  const text = raw.trim().toLowerCase()
  if (text === 'true') return true
  if (text === 'false' || text === '') return false
  throw new InputError(input, `${showValue(raw)} is not a boolean; expected true or false`)
}

/** Returns the shell's argv, with SCRIPT_PLACEHOLDER standing for the script's path. */
export function parseShell(raw: string): string[] {
  const text = raw.trim() === '' ? 'sh' : raw.trim()
  const template = NAMED_SHELLS[text] ?? text
  if (!template.includes(SCRIPT_PLACEHOLDER)) {
    throw new InputError(
      'shell',
      `${showValue(raw)} is neither a known shell nor a template; expected sh, bash, or a command containing {0} (e.g. "bash -x {0}")`
    )
  }
  return template.split(/\s+/).filter((word) => word !== '')
}

/**
 * The script as bytes: a YAML input arrives as UTF-8 text, a CLI file or stdin as whatever
 * bytes it holds, and either reaches the guest unchanged.
 */
export function parseCommandBytes(bytes: Buffer): Buffer {
  if (bytes.every((byte) => byte === 0x20 || (byte >= 0x09 && byte <= 0x0d))) {
    throw new InputError('commands', 'is empty; give at least one shell command to run in the microVM')
  }
  const nul = bytes.indexOf(0)
  if (nul >= 0) {
    const line = bytes.subarray(0, nul).filter((byte) => byte === 0x0a).length + 1
    throw new InputError(
      'commands',
      `line ${line} contains a NUL byte; remove it (a shell script cannot hold NUL bytes)`
    )
  }
  return bytes
}

export function parseCommands(raw: string): Buffer {
  return parseCommandBytes(Buffer.from(raw, 'utf8'))
}

const UNITS: Record<string, number> = { '': 1, s: 1, m: 60, h: 3600 }

/** A duration such as 90, 90s, 10m or 1h; a plain number is seconds. */
export function parseTimeout(raw: string): number | undefined {
  const text = raw.trim()
  if (text === '' || text === 'none') return undefined
  const match = /^([0-9]+)([smh]?)$/.exec(text)
  const seconds = match ? Number(match[1]) * UNITS[match[2]] : NaN
  if (!match || !(seconds > 0) || seconds > 7 * 24 * 3600) {
    throw new InputError(
      'timeout',
      `${showValue(raw)} is not a duration; expected a positive whole number of seconds, or one followed by s, m or h (e.g. 90, 90s, 10m, 1h), at most a week`
    )
  }
  return seconds
}

/** How a duration in seconds is written back to the user ("10m", "90s"). */
export function formatDuration(seconds: number): string {
  if (seconds % 3600 === 0) return `${seconds / 3600}h`
  if (seconds % 60 === 0) return `${seconds / 60}m`
  return `${seconds}s`
}

export type EnvEntry = readonly [name: string, value: string]

/** A variable name, as the guest's environment and the runner's GITHUB_ENV take it. */
export const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/

/**
 * Refuses a name that is not a variable name without quoting it: an env line that went
 * wrong can hold part of a secret, and the runner masks only whole secret values.
 */
function checkEnvName(name: string, where: string): void {
  if (!ENV_NAME.test(name)) {
    throw new InputError(
      'env',
      `${where}the name is not a valid variable name; expected KEY=VALUE with a KEY of letters, digits and _, not starting with a digit`
    )
  }
}

function checkEnvValue(name: string, value: string): void {
  if (value.includes('\0')) {
    throw new InputError('env', `the value of ${name} contains a NUL byte; environment values cannot hold NUL bytes`)
  }
}

/**
 * One `KEY=VALUE` assignment (a CLI --env flag); a bare `KEY` takes the value from
 * `hostEnv`, so secrets need not appear on a command line.
 */
export function parseEnvAssignment(text: string, hostEnv: NodeJS.ProcessEnv): EnvEntry {
  const equals = text.indexOf('=')
  const name = equals < 0 ? text : text.slice(0, equals)
  checkEnvName(name, '')
  const value = equals < 0 ? hostEnv[name] : text.slice(equals + 1)
  if (value === undefined) {
    throw new InputError(
      'env',
      `${name} is not set in this environment; expected KEY=VALUE, or KEY for a variable that is set`
    )
  }
  checkEnvValue(name, value)
  return [name, value]
}

/**
 * `KEY=VALUE` lines; a value runs to the end of its line and may hold `=`, spaces and
 * quotes. Multi-line values use the same heredoc form as GITHUB_ENV:
 * `KEY<<DELIMITER`, the lines of the value, then DELIMITER alone on a line.
 * Blank lines and lines starting with `#` are ignored. Values are never echoed back.
 */
export function parseEnv(raw: string): EnvEntry[] {
  const lines = raw.split('\n').map((line) => line.replace(/\r$/, ''))
  const entries: EnvEntry[] = []
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]
    const lineNumber = i + 1
    if (line.trim() === '' || line.trimStart().startsWith('#')) continue
    // A name holds no '=': a '<<' after the first '=' is part of a KEY=VALUE value.
    const heredoc = /^([^=]*?)<<(.+)$/.exec(line)
    const equals = line.indexOf('=')
    let name: string
    let value: string
    if (heredoc) {
      name = heredoc[1].trim()
      checkEnvName(name, `line ${lineNumber}: `)
      const delimiter = heredoc[2]
      const end = lines.indexOf(delimiter, i + 1)
      if (end < 0) {
        throw new InputError(
          'env',
          `line ${lineNumber}: the multi-line value of ${name} is never closed; end it with a line holding only the delimiter given after <<`
        )
      }
      value = lines.slice(i + 1, end).join('\n')
      i = end
    } else if (equals < 0) {
      throw new InputError(
        'env',
        `line ${lineNumber} has no "="; expected KEY=VALUE, or KEY<<DELIMITER for a multi-line value`
      )
    } else {
      name = line.slice(0, equals).trim()
      checkEnvName(name, `line ${lineNumber}: `)
      value = line.slice(equals + 1)
    }
    checkEnvValue(name, value)
    entries.push([name, value])
  }
  return entries
}

const NETWORK_MODES = ['public', 'tsi', 'none'] as const
export type NetworkMode = (typeof NETWORK_MODES)[number]

/**
 * `tsi`: guest sockets are opened on the host by the VM process; `public`: the same, but only
 * to public addresses (net-guard.ts); `none`: the guest has only lo.
 */
export function parseNetwork(raw: string): NetworkMode {
  const text = raw.trim().toLowerCase()
  if ((NETWORK_MODES as readonly string[]).includes(text)) return text as NetworkMode
  throw new InputError('network', `${showValue(raw)} is not a network mode; expected public, tsi or none`)
}

const WORKSPACE_DEVICES = ['remove', 'keep'] as const
export type WorkspaceDevices = (typeof WORKSPACE_DEVICES)[number]

/** `remove`: device nodes and set-ID bits the run left in the workspace go; `keep`: they stay. */
export function parseWorkspaceDevices(raw: string): WorkspaceDevices {
  const text = raw.trim().toLowerCase()
  if ((WORKSPACE_DEVICES as readonly string[]).includes(text)) return text as WorkspaceDevices
  throw new InputError(
    'workspace-devices',
    `${showValue(raw)} is not a choice; expected ${WORKSPACE_DEVICES.join(' or ')}`
  )
}

const PORT_PAIR = /^([0-9]+):([0-9]+)$/
const PORTS_FORM = 'expected HOST:GUEST, two whole numbers from 1 to 65535 (e.g. 8080:80), one pair per line'

function validPort(digits: string): number | undefined {
  const significant = digits.replace(/^0+(?=.)/, '')
  const value = Number(significant)
  return significant.length <= 5 && value >= 1 && value <= 65535 ? value : undefined
}

/**
 * HOST:GUEST lines, each exposing a guest port on the host: libkrun's port map entries,
 * written back in canonical form. A line is shown in a message only when it is made of
 * digits and colons, so nothing else the user wrote is echoed.
 */
export function parsePorts(raw: string): string[] {
  const pairs: string[] = []
  const hostPorts = new Set<number>()
  const guestPorts = new Set<number>()
  raw.split('\n').forEach((rawLine, index) => {
    const line = rawLine.trim()
    if (line === '') return
    const where = /^[0-9:]+$/.test(line) ? `line ${index + 1} (${showValue(line, 20)})` : `line ${index + 1}`
    const match = PORT_PAIR.exec(line)
    if (!match) throw new InputError('ports', `${where} is not HOST:GUEST; ${PORTS_FORM}`)
    const host = validPort(match[1])
    const guest = validPort(match[2])
    if (host === undefined || guest === undefined) {
      throw new InputError('ports', `${where} has a port out of range; ${PORTS_FORM}`)
    }
    if (hostPorts.has(host)) {
      throw new InputError('ports', `${where} exposes host port ${host} a second time; give each host port once`)
    }
    // libkrun maps each guest port to one host port and refuses a second.
    if (guestPorts.has(guest)) {
      throw new InputError('ports', `${where} exposes guest port ${guest} a second time; give each guest port once`)
    }
    hostPorts.add(host)
    guestPorts.add(guest)
    pairs.push(`${host}:${guest}`)
  })
  return pairs
}

const SIZE_UNITS: Record<string, number> = { '': 1, k: 2 ** 10, m: 2 ** 20, g: 2 ** 30, t: 2 ** 40 }

/** A size such as 8G, 512M or 2T (binary units, an optional B or iB); a plain number is bytes. */
export function byteSize(raw: string): number | undefined {
  const match = /^([0-9]{1,15})\s*([kmgt]?)(?:i?b)?$/i.exec(raw.trim())
  return match ? Number(match[1]) * SIZE_UNITS[match[2].toLowerCase()] : undefined
}

export const MIN_CACHE_BYTES = 256 * 2 ** 20

/** The image cache's size cap: images, their roots and prepared layers past it are evicted, least recently used first. */
export function parseCacheSize(raw: string): number {
  const bytes = byteSize(raw)
  if (bytes === undefined || bytes < MIN_CACHE_BYTES) {
    throw new InputError(
      'cache-size',
      `${showValue(raw)} is not a cache size of at least 256M; expected a number with K, M, G or T (e.g. 10G)`
    )
  }
  return bytes
}
