/** krun-run's command line, parsed into the same raw inputs the action reads. */
import { InputError } from '../input-error.js'
import { type EnvEntry, parseEnvAssignment } from '../parse.js'
import { INPUT_NAMES, type InputName, type RawInputs } from '../settings.js'

export const USAGE = `Usage: krun-run [options] [FILE]

Runs shell commands in a throwaway libkrun microVM, exactly as the krun-action GitHub
action does, and exits with their exit code. Commands come from -c, from FILE, or from
standard input (one per line; blank lines and # comments are fine). With a terminal as
standard input and no commands, it opens an interactive shell in the guest.

Options:
  -c, --commands TEXT    the commands to run
      --shell SHELL      sh (default), bash, or a template containing {0}
      --rootfs, --root DIR
                         base filesystem, read-only under a throwaway overlay (default /)
      --workspace DIR    shared read-write at the same path (default: current directory;
                         "none" shares nothing)
      --workdir PATH     guest working directory (default: the workspace, or /)
      --env KEY=VALUE    guest environment entry (repeatable); --env KEY copies KEY's
                         value from this environment, keeping it off the command line
      --cpus N           virtual CPUs, 1 to 255 (default 2)
      --memory, --mem MIB
                         guest memory in MiB (default 2048)
      --timeout DURATION stop after 90, 90s, 10m, 1h ... (exit code 124)
      --libkrun PATH     libkrun.so.1 to use (default: KRUN_LIBRARY, then the usual places)
      --log-level LEVEL  libkrun's log level: off, error, warn, info, debug, trace
  -v, --verbose          same as --log-level debug
  -h, --help             show this help

Exit status: the commands' exit code; 124 on timeout; 125 for a usage or host error.`

/** Flags that take a value, and the input each one sets. */
const VALUE_FLAGS: Record<string, InputName> = {
  '-c': 'commands',
  '--commands': 'commands',
  '--shell': 'shell',
  '--rootfs': 'rootfs',
  '--root': 'rootfs',
  '--workspace': 'workspace',
  '--workdir': 'workdir',
  '--env': 'env',
  '--cpus': 'cpus',
  '--memory': 'memory',
  '--mem': 'memory',
  '--timeout': 'timeout',
  '--libkrun': 'libkrun',
  '--log-level': 'log-level'
}

/** How an input is named on the command line, for error messages. */
export function flagFor(input: string): string {
  // Errors about an argument itself, FILE or KRUN_LIBRARY already carry their own name.
  if (input.startsWith('-') || input === input.toUpperCase()) return input
  return input === 'commands' ? '-c' : `--${input}`
}

export type CommandSource = { kind: 'inline' } | { kind: 'file'; path: string } | { kind: 'stdin' }

export interface CliArgs {
  help: boolean
  raw: RawInputs
  env: EnvEntry[]
  source: CommandSource
}

export function parseArgs(argv: string[], hostEnv: NodeJS.ProcessEnv): CliArgs {
  const raw = Object.fromEntries(INPUT_NAMES.map((name) => [name, ''])) as RawInputs
  const env: EnvEntry[] = []
  const files: string[] = []
  let help = false
  let inline = false
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]
    const eq = arg.startsWith('--') ? arg.indexOf('=') : -1
    const flag = eq > 0 ? arg.slice(0, eq) : arg
    if (flag === '-h' || flag === '--help') {
      help = true
    } else if (flag === '-v' || flag === '--verbose') {
      raw['log-level'] = 'debug'
    } else if (flag in VALUE_FLAGS) {
      const input = VALUE_FLAGS[flag]
      let value: string
      if (eq > 0) {
        value = arg.slice(eq + 1)
      } else if (i + 1 < argv.length) {
        value = argv[++i]
      } else {
        throw new InputError(input, `${flag} needs a value; see --help`)
      }
      if (input === 'env') env.push(parseEnvAssignment(value, hostEnv))
      else raw[input] = value
      if (input === 'commands') inline = true
    } else if (arg.startsWith('-') && arg !== '-') {
      throw new InputError(arg, 'is not an option of krun-run; see --help')
    } else {
      files.push(arg)
    }
  }
  if (files.length > 1) throw new InputError('FILE', `only one commands file can be given, got ${files.length}`)
  if (files.length === 1 && inline) throw new InputError('FILE', 'give commands either with -c or in a file, not both')
  const source: CommandSource = inline
    ? { kind: 'inline' }
    : files.length === 1 && files[0] !== '-'
      ? { kind: 'file', path: files[0] }
      : { kind: 'stdin' }
  return { help, raw, env, source }
}
