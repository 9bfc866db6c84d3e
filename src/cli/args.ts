/** krun-run's command line, parsed into the same raw inputs the action reads. */
import { InputError } from '../engine/errors.js'
import { INPUTS, INPUT_NAMES, type InputName, type RawInputs, defaultInputs, shownDefault } from '../engine/inputs.js'
import { type EnvEntry, parseEnvAssignment } from '../engine/parse.js'

/** Flags that take a value, and the input each one sets (from the input table). */
const VALUE_FLAGS: Record<string, InputName> = Object.fromEntries(
  INPUT_NAMES.flatMap((name) => INPUTS[name].flags.map((flag) => [flag, name]))
)

function optionLines(): string[] {
  const lines = INPUT_NAMES.filter((name) => INPUTS[name].flags.length > 0).map((name) => {
    const spec = INPUTS[name]
    const shown = shownDefault(name).replace(/`/g, '')
    const usage = `${spec.flags.join(', ')} ${spec.valueName}`
    // A help text that explains its default itself keeps that one explanation.
    const help =
      shown && !shown.startsWith('(') && !spec.help.includes('(default:')
        ? `${spec.help} (default: ${shown})`
        : spec.help
    return usage.length < 24 ? `  ${usage.padEnd(24)}${help}` : `  ${usage}\n  ${' '.repeat(24)}${help}`
  })
  return [
    ...lines,
    `  ${'--doctor'.padEnd(24)}check this host, one verdict per line; run nothing (exit 0 when a microVM can start)`,
    `  ${'-v, --verbose'.padEnd(24)}same as --log-level debug`,
    `  ${'-h, --help'.padEnd(24)}show this help`
  ]
}

export const USAGE = `Usage: krun-run [options] [FILE]

Runs shell commands in a throwaway libkrun microVM, exactly as the krun-action GitHub
action does, and exits with their exit code. Commands come from -c, from FILE, or from
standard input (one per line; blank lines and # comments are fine). With a terminal as
standard input and no commands, it opens an interactive shell in the guest.

Options:
${optionLines().join('\n')}

Environment: KRUN_ENV=A,B passes those variables into the guest, like --env A --env B;
KRUN_LIBRARY names libkrun; KRUN_SETTINGS (set by the launcher krun-action installs)
names saved defaults, which flags override. With GITHUB_OUTPUT, GITHUB_STEP_SUMMARY,
GITHUB_ENV or GITHUB_PATH set, the guest gets its own, and what it writes there comes back,
checked (GITHUB_ENV and GITHUB_PATH only with --export-env true). In a GitHub job (the
launcher's KRUN_SETTINGS, or GITHUB_ACTIONS=true) the guest's output, stderr included, is
fenced on stdout so the runner acts on none of its workflow commands, unless
--guest-workflow-commands true.

Exit status: the commands' exit code; 124 on timeout; 125 for a usage or host error. With
--doctor: 0 when a microVM can start here, else 1.`

/** Secrets (inputs without a flag): krun-run reads them from these variables, never from its command line. */
const SECRET_VARIABLES: Partial<Record<InputName, string>> = { 'registry-password': 'KRUN_REGISTRY_PASSWORD' }

/** How an input is named on the command line, for error messages. */
export function flagFor(input: string): string {
  // Errors about an argument itself, FILE or KRUN_LIBRARY already carry their own name.
  if (input.startsWith('-') || input === input.toUpperCase()) return input
  const variable = SECRET_VARIABLES[input as InputName]
  if (variable) return variable
  const flags: readonly string[] = INPUTS[input as InputName]?.flags ?? []
  return flags[0] ?? input
}

export type CommandSource = { kind: 'inline' } | { kind: 'file'; path: string } | { kind: 'stdin' }

export interface CliArgs {
  help: boolean
  /** Check the host instead of running commands. */
  doctor: boolean
  raw: RawInputs
  env: EnvEntry[]
  source: CommandSource
}

/** `defaults` are what flags override: the table's, or the settings a launcher names. */
export function parseArgs(argv: string[], hostEnv: NodeJS.ProcessEnv, defaults = defaultInputs()): CliArgs {
  const raw = { ...defaults }
  for (const [input, variable] of Object.entries(SECRET_VARIABLES)) raw[input as InputName] = hostEnv[variable] ?? ''
  const env: EnvEntry[] = []
  const files: string[] = []
  // The first --port (--allow) replaces the default or saved ports (allow list); later ones add to it.
  const linesGiven = new Set<InputName>()
  let help = false
  let doctor = false
  let inline = false
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]
    const eq = arg.startsWith('--') ? arg.indexOf('=') : -1
    const flag = eq > 0 ? arg.slice(0, eq) : arg
    if (flag === '-h' || flag === '--help') {
      help = true
    } else if (flag === '--doctor') {
      doctor = true
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
      if (input === 'env') {
        env.push(parseEnvAssignment(value, hostEnv))
      } else if (input === 'ports' || input === 'allow') {
        raw[input] = linesGiven.has(input) ? `${raw[input]}\n${value}` : value
        linesGiven.add(input)
      } else {
        raw[input] = value
      }
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
  return { help, doctor, raw, env, source }
}
