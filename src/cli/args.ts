/** krun-run's command line, parsed into the same raw inputs the action reads. */
import { type ParseArgsConfig, parseArgs as nodeParseArgs } from 'node:util'
import {
  type EnvEntry,
  INPUTS,
  INPUT_NAMES,
  InputError,
  type InputName,
  type InputSpec,
  type RawInputs,
  defaultInputs,
  parseEnvAssignment,
  shownDefault
} from '../engine/index.js'

/** Flags that take a value (long and short), and the input each one sets (from the input table). */
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

/** How an input is named on the command line, for error messages. */
export function flagFor(input: string): string {
  // Errors about an argument itself, FILE or KRUN_LIBRARY already carry their own name.
  if (input.startsWith('-') || input === input.toUpperCase()) return input
  const spec: InputSpec | undefined = INPUTS[input as InputName]
  return spec?.secretVariable ?? spec?.flags[0] ?? input
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

type ArgToken =
  | { kind: 'option'; name: string; value?: string }
  | { kind: 'positional'; value: string }
  | { kind: 'option-terminator' }

/** util.parseArgs's options: every flag of the input table (each alias its own option), and the switches. */
function parseOptions(): ParseArgsConfig['options'] {
  const options: NonNullable<ParseArgsConfig['options']> = {
    help: { type: 'boolean', short: 'h', multiple: true },
    doctor: { type: 'boolean', multiple: true },
    verbose: { type: 'boolean', short: 'v', multiple: true }
  }
  for (const name of INPUT_NAMES) {
    const flags: readonly string[] = INPUTS[name].flags
    const short = flags.find((flag) => /^-[^-]$/.test(flag))?.slice(1)
    flags
      .filter((flag) => flag.startsWith('--'))
      .forEach((flag, i) => {
        options[flag.slice(2)] = { type: 'string', multiple: true, ...(i === 0 && short ? { short } : {}) }
      })
  }
  return options
}

/** The long option name util.parseArgs named in its error, mapped to the input it sets. */
function parseError(error: unknown, argv: string[]): InputError {
  const code = (error as { code?: string }).code
  const named = /'(?:-\w, )?(--[\w-]+)/.exec((error as Error).message)?.[1]
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' && named && named in VALUE_FLAGS) {
    return new InputError(VALUE_FLAGS[named], `${named} needs a value; see --help`)
  }
  const unknown = named ?? argv.find((arg) => arg.startsWith('-') && arg !== '-') ?? argv.join(' ')
  return new InputError(unknown.split('=')[0], 'is not an option of krun-run; see --help')
}

/** `defaults` are what flags override: the table's, or the settings a launcher names. */
export function parseArgs(argv: string[], hostEnv: NodeJS.ProcessEnv, defaults = defaultInputs()): CliArgs {
  const raw = { ...defaults }
  for (const name of INPUT_NAMES) {
    const variable = (INPUTS[name] as InputSpec).secretVariable
    if (variable) raw[name] = hostEnv[variable] ?? ''
  }
  let tokens: ArgToken[]
  try {
    const parsed = nodeParseArgs({
      args: argv,
      options: parseOptions(),
      strict: true,
      allowPositionals: true,
      tokens: true
    })
    tokens = parsed.tokens
  } catch (error) {
    throw parseError(error, argv)
  }
  const env: EnvEntry[] = []
  const files: string[] = []
  // The first of a repeatable flag replaces the default or saved value; later ones add lines.
  const given = new Set<InputName>()
  let help = false
  let doctor = false
  let inline = false
  for (const token of tokens) {
    if (token.kind === 'positional') {
      files.push(token.value)
      continue
    }
    if (token.kind !== 'option') continue
    if (token.name === 'help') help = true
    else if (token.name === 'doctor') doctor = true
    else if (token.name === 'verbose') raw['log-level'] = 'debug'
    else {
      const input = VALUE_FLAGS[`--${token.name}`]
      const value = token.value ?? ''
      if (input === 'env') env.push(parseEnvAssignment(value, hostEnv))
      else if ((INPUTS[input] as InputSpec).repeatable && given.has(input)) raw[input] = `${raw[input]}\n${value}`
      else raw[input] = value
      given.add(input)
      if (input === 'commands') inline = true
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
