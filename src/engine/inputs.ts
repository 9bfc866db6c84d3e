/**
 * The one table of inputs and outputs. action.yml, the README's tables and `krun-run
 * --help` are checked against it (__tests__/metadata.test.ts); the action reads its
 * inputs by these names, the CLI maps its flags through it, and settings.ts parses each
 * value with the parser named here.
 */
import { parseAllow } from './allow-input.js'
import { parseImage, parsePull } from './image-base.js'
import { parseHostDirectory, parseLibkrun, parseWorkdir, parseWorkspace } from './host-paths.js'
import { parseKvmAccess } from './kvm-access.js'
import {
  parseBoolean,
  parseCommands,
  parseCpus,
  parseEnv,
  parseLogLevel,
  parseMemory,
  parseNetwork,
  parsePorts,
  parseShell,
  parseTimeout,
  parseWorkspaceDevices
} from './parse.js'

/** What a parser may need besides the raw text: facts of the host it runs on. */
export interface ParseContext {
  /** The directory relative paths are resolved against. */
  cwd: string
  /** GITHUB_WORKSPACE, when set. */
  defaultWorkspace: string | undefined
  /** KRUN_LIBRARY, when set. */
  libraryFromEnv: string | undefined
  hostMemoryMib: number
  /** Where run directories, the krun-run launcher and its saved settings are made. */
  tempDir: string
}

export interface InputSpec {
  /** action.yml's default ('' when the default is worked out at run time). */
  default: string
  required: boolean
  /** How the default reads in help and in the README when it is not the literal value. */
  defaultText?: string
  /** krun-run's flags for it, the first being the main one; none for secrets. */
  flags: readonly string[]
  /** What the flag's value looks like in --help. */
  valueName: string
  /** One line of help. */
  help: string
  /** Turns the raw text into a typed value, or throws an InputError naming the input. */
  parse: (raw: string, context: ParseContext) => unknown
}

export const INPUTS = {
  commands: {
    default: '',
    required: false,
    defaultText: '(none)',
    flags: ['-c', '--commands'],
    valueName: 'TEXT',
    help: 'the commands to run',
    parse: parseCommands
  },
  shell: {
    default: 'sh',
    required: false,
    flags: ['--shell'],
    valueName: 'SHELL',
    help: 'sh, bash, or a command template containing {0}',
    parse: parseShell
  },
  rootfs: {
    default: '/',
    required: false,
    flags: ['--rootfs', '--root'],
    valueName: 'DIR',
    help: 'base filesystem, read-only under a throwaway overlay',
    parse: (raw: string, context: ParseContext) => parseHostDirectory('rootfs', raw, context.cwd)
  },
  image: {
    default: '',
    required: false,
    flags: ['--image'],
    valueName: 'REF',
    help: 'an OCI image as the base instead of rootfs: alpine, ubuntu:24.04, ghcr.io/owner/name:tag, name@sha256:...',
    parse: parseImage
  },
  pull: {
    default: 'missing',
    required: false,
    flags: ['--pull'],
    valueName: 'POLICY',
    help: 'missing (use the cached image if there is one), always (ask the registry again) or never (cache only)',
    parse: parsePull
  },
  'registry-username': {
    default: '',
    required: false,
    flags: ['--registry-username'],
    valueName: 'NAME',
    help: "the registry's user name (password: KRUN_REGISTRY_PASSWORD; else the Docker config; else anonymous)",
    parse: (raw: string) => raw.trim()
  },
  'registry-password': {
    default: '',
    required: false,
    // A secret: never on a command line (krun-run reads KRUN_REGISTRY_PASSWORD).
    flags: [],
    valueName: 'PASSWORD',
    help: "the registry's password or token, masked in the log",
    parse: (raw: string) => raw
  },
  workspace: {
    default: '',
    required: false,
    defaultText: '`GITHUB_WORKSPACE`',
    flags: ['--workspace'],
    valueName: 'DIR',
    help: 'shared read-write at the same path ("none" shares nothing; default: GITHUB_WORKSPACE, else the current directory)',
    parse: parseWorkspace
  },
  'workspace-devices': {
    default: 'remove',
    required: false,
    flags: ['--workspace-devices'],
    valueName: 'remove|keep',
    help: 'remove the device nodes and clear the set-user/group-ID bits the run left in the workspace, or keep them',
    parse: parseWorkspaceDevices
  },
  workdir: {
    default: '',
    required: false,
    defaultText: 'the workspace',
    flags: ['--workdir'],
    valueName: 'PATH',
    help: 'guest working directory (default: the workspace, or / with no workspace)',
    parse: parseWorkdir
  },
  env: {
    default: '',
    required: false,
    flags: ['--env'],
    valueName: 'KEY=VALUE',
    help: 'guest environment entry (repeatable); --env KEY copies KEY from this environment, off the command line',
    parse: parseEnv
  },
  cpus: {
    default: '2',
    required: false,
    flags: ['--cpus'],
    valueName: 'N',
    help: 'virtual CPUs, 1 to 255',
    parse: parseCpus
  },
  memory: {
    default: '2048',
    required: false,
    flags: ['--memory', '--mem'],
    valueName: 'MIB',
    help: "guest memory in MiB, from 128 to the host's memory",
    parse: (raw: string, context: ParseContext) => parseMemory(raw, context.hostMemoryMib)
  },
  network: {
    default: 'public',
    required: false,
    flags: ['--network'],
    valueName: 'MODE',
    help: "public (guest sockets open on the host, to public addresses and the host's resolvers only), tsi (to anything the host reaches, its loopback included) or none (only lo)",
    parse: parseNetwork
  },
  allow: {
    default: '',
    required: false,
    flags: ['--allow'],
    valueName: 'DEST',
    help: 'with network public, a destination it lets through: CIDR, CIDR:PORT, HOST or HOST:PORT (repeatable; one per line)',
    parse: parseAllow
  },
  ports: {
    default: '',
    required: false,
    flags: ['--port'],
    valueName: 'HOST:GUEST',
    help: 'expose a guest port on the host (repeatable; none is exposed otherwise; needs network public or tsi)',
    parse: parsePorts
  },
  libkrun: {
    default: '',
    required: false,
    flags: ['--libkrun'],
    valueName: 'PATH|URL',
    help: "libkrun.so.1, or a pinned archive URL#sha256=<hex> (default: KRUN_LIBRARY, the usual places, krun-action's build)",
    parse: parseLibkrun
  },
  'kvm-access': {
    default: 'auto',
    required: false,
    flags: ['--kvm-access'],
    valueName: 'POLICY',
    help: 'auto (on a GitHub-hosted runner, install the udev rule with sudo when the KVM device does not open) or check (never change the host)',
    parse: parseKvmAccess
  },
  'log-level': {
    default: '',
    required: false,
    flags: ['--log-level'],
    valueName: 'LEVEL',
    help: "libkrun's log level, shown live: off, error, warn, info, debug, trace",
    parse: parseLogLevel
  },
  timeout: {
    default: '',
    required: false,
    defaultText: 'none',
    flags: ['--timeout'],
    valueName: 'DURATION',
    help: 'stop after 90, 90s, 10m, 1h ..., the pull included (exit code 124)',
    parse: parseTimeout
  },
  'export-env': {
    default: 'false',
    required: false,
    flags: ['--export-env'],
    valueName: 'true|false',
    help: "let the guest's GITHUB_ENV and GITHUB_PATH change later steps on the host",
    parse: (raw: string) => parseBoolean('export-env', raw)
  },
  'guest-workflow-commands': {
    default: 'false',
    required: false,
    flags: ['--guest-workflow-commands'],
    valueName: 'true|false',
    help: "let the runner act on workflow commands (::error::, ::add-mask:: ...) in the guest's output",
    parse: (raw: string) => parseBoolean('guest-workflow-commands', raw)
  }
} as const satisfies Record<string, InputSpec>

export type InputName = keyof typeof INPUTS
export const INPUT_NAMES = Object.keys(INPUTS) as InputName[]
export type RawInputs = Record<InputName, string>

type Parsed<N extends InputName> = ReturnType<(typeof INPUTS)[N]['parse']>

/** Parses one input; an empty value stands for the input's default, as on a runner. */
export function parseInput<N extends InputName>(name: N, raw: RawInputs, context: ParseContext): Parsed<N> {
  const spec: InputSpec = INPUTS[name]
  return spec.parse(raw[name] === '' ? spec.default : raw[name], context) as Parsed<N>
}

/** The raw inputs as action.yml's defaults give them. */
export function defaultInputs(): RawInputs {
  return Object.fromEntries(INPUT_NAMES.map((name) => [name, INPUTS[name].default])) as RawInputs
}

/** How an input's default reads to a person. */
export function shownDefault(name: InputName): string {
  const spec: InputSpec = INPUTS[name]
  return spec.defaultText ?? (spec.default === '' ? '' : `\`${spec.default}\``)
}

export const OUTPUTS = {
  'exit-code':
    "The commands' exit code: 128+N when signal N killed them, 124 on timeout. Unset when they never ran (bad input, host problem, boot failure).",
  'timed-out': '`true` when the timeout stopped the microVM, else `false`.',
  'image-digest':
    "The digest of the image that ran (an image index's for multi-platform images), when `image` was given."
} as const

export type OutputName = keyof typeof OUTPUTS
