/**
 * The one table of inputs and outputs. action.yml, the README's tables and `krun-run
 * --help` are checked against it (__tests__/metadata.test.ts); the action reads its
 * inputs by these names, the CLI maps its flags through it, and settings.ts parses each
 * value with the parser named here.
 */
import { type InputSpec, type ParseContext, hostPathInput } from './input-spec.js'
import { parseUser } from './guest-user.js'
import { parseAllow } from './allow-input.js'
import { parseImage, parsePull } from '../guest/image-base.js'
import { parseHostDirectory, parseLibkrun, parseWorkdir, parseWorkspace } from './host-paths.js'
import { parseKvmAccess } from '../host/kvm-access.js'
import { pinnedUrlText } from '../host/libkrun-pinned.js'
import { parseDiskSize, parsePersist, parsePrepare } from './persist-inputs.js'
import {
  parseBoolean,
  parseCacheSize,
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

export const INPUTS = {
  commands: {
    default: '',
    required: false,
    defaultText: '(none)',
    flags: ['-c', '--commands'],
    valueName: 'TEXT',
    help: 'the commands to run',
    parse: parseCommands,
    reachesVm: true,
    stepOwn: true
  },
  shell: {
    default: 'sh',
    required: false,
    flags: ['--shell'],
    valueName: 'SHELL',
    help: 'sh, bash, or a command template containing {0}',
    parse: parseShell,
    reachesVm: true,
    stepOwn: true
  },
  rootfs: hostPathInput({
    default: '/',
    required: false,
    flags: ['--rootfs', '--root'],
    valueName: 'DIR',
    help: 'base filesystem, read-only under a throwaway overlay',
    parse: (raw: string, context: ParseContext) => parseHostDirectory('rootfs', raw, context.cwd),
    reachesVm: true,
    hostPath: (dir) => dir
  }),
  image: {
    default: '',
    required: false,
    flags: ['--image'],
    valueName: 'REF',
    help: 'an OCI image as the base instead of rootfs: alpine, ubuntu:24.04, ghcr.io/owner/name:tag, name@sha256:...',
    parse: parseImage,
    reachesVm: true
  },
  pull: {
    default: 'missing',
    required: false,
    flags: ['--pull'],
    valueName: 'POLICY',
    help: 'missing (use the cached image if there is one), always (ask the registry again) or never (cache only)',
    parse: parsePull,
    reachesVm: false
  },
  'cache-size': {
    default: '10G',
    required: false,
    flags: ['--cache-size'],
    valueName: 'SIZE',
    help: "the image cache's size cap (images, their roots, prepared layers; least recently used go first), at least 256M",
    parse: parseCacheSize,
    reachesVm: false
  },
  'registry-username': {
    default: '',
    required: false,
    flags: ['--registry-username'],
    valueName: 'NAME',
    help: "the registry's user name (password: KRUN_REGISTRY_PASSWORD; else the Docker config; else anonymous)",
    parse: (raw: string) => raw.trim(),
    reachesVm: false,
    // Its password is never saved, and a user name alone would fail every later step.
    stepOwn: true
  },
  'registry-password': {
    default: '',
    required: false,
    flags: [],
    valueName: 'PASSWORD',
    help: "the registry's password or token, masked in the log",
    parse: (raw: string) => raw,
    reachesVm: false,
    secretVariable: 'KRUN_REGISTRY_PASSWORD'
  },
  workspace: hostPathInput({
    default: '',
    required: false,
    defaultText: '`GITHUB_WORKSPACE`',
    flags: ['--workspace'],
    valueName: 'DIR',
    help: 'shared read-write at the same path ("none" shares nothing; default: GITHUB_WORKSPACE, else the current directory)',
    parse: parseWorkspace,
    reachesVm: true,
    hostPath: (workspace) => workspace ?? 'none'
  }),
  'workspace-devices': {
    default: 'remove',
    required: false,
    flags: ['--workspace-devices'],
    valueName: 'remove|keep',
    help: 'remove the device nodes and clear the set-user/group-ID bits the run left in the workspace, or keep them',
    parse: parseWorkspaceDevices,
    reachesVm: false
  },
  workdir: {
    default: '',
    required: false,
    defaultText: 'the workspace',
    flags: ['--workdir'],
    valueName: 'PATH',
    help: 'guest working directory (default: the workspace, or / with no workspace)',
    parse: parseWorkdir,
    reachesVm: true
  },
  user: {
    default: '',
    required: false,
    defaultText: "the image's User, else root",
    flags: ['--user'],
    valueName: 'USER[:GROUP]',
    help: "who the commands run as: a name or uid, optionally :group or :gid, looked up in the base's /etc/passwd and /etc/group (default: the image's User, else root)",
    parse: parseUser,
    reachesVm: true
  },
  env: {
    default: '',
    required: false,
    flags: ['--env'],
    valueName: 'KEY=VALUE',
    help: 'guest environment entry (repeatable); --env KEY copies KEY from this environment, off the command line',
    parse: parseEnv,
    reachesVm: true,
    repeatable: true
  },
  persist: {
    default: 'step',
    required: false,
    flags: ['--persist'],
    valueName: 'step|job',
    help: "step (each step starts from the base) or job (the guest's changes live on a disk in the job's temporary directory, which later krun-run steps use again)",
    parse: parsePersist,
    reachesVm: true
  },
  'persist-size': {
    default: '8G',
    required: false,
    flags: ['--persist-size'],
    valueName: 'SIZE',
    help: 'the size of the disk that holds the changes of persist: job or prepare (sparse: only what is written takes space), e.g. 8G',
    parse: parseDiskSize,
    reachesVm: false
  },
  prepare: {
    default: '',
    required: false,
    defaultText: '(none)',
    flags: ['--prepare'],
    valueName: 'TEXT',
    help: "a setup script run once on the image: what it leaves is cached (keyed by the image, the script, shell, env and the guest's architecture) and later runs start on it",
    parse: parsePrepare,
    reachesVm: true
  },
  cpus: {
    default: '2',
    required: false,
    flags: ['--cpus'],
    valueName: 'N',
    help: 'virtual CPUs, 1 to 255',
    parse: parseCpus,
    reachesVm: true
  },
  memory: {
    default: '2048',
    required: false,
    flags: ['--memory', '--mem'],
    valueName: 'MIB',
    help: "guest memory in MiB, from 128 to the host's memory",
    parse: (raw: string, context: ParseContext) => parseMemory(raw, context.hostMemoryMib),
    reachesVm: true
  },
  network: {
    default: 'public',
    required: false,
    flags: ['--network'],
    valueName: 'MODE',
    help: "public (guest sockets open on the host, to public addresses and the host's resolvers only), tsi (to anything the host reaches, its loopback included) or none (only lo)",
    parse: parseNetwork,
    reachesVm: true
  },
  allow: {
    default: '',
    required: false,
    flags: ['--allow'],
    valueName: 'DEST',
    help: 'with network public, a destination it lets through: CIDR, CIDR:PORT, HOST or HOST:PORT (repeatable; one per line)',
    parse: parseAllow,
    reachesVm: true,
    repeatable: true
  },
  ports: {
    default: '',
    required: false,
    flags: ['--port'],
    valueName: 'HOST:GUEST',
    help: 'expose a guest port on the host (repeatable; none is exposed otherwise; needs network public or tsi)',
    parse: parsePorts,
    reachesVm: true,
    repeatable: true
  },
  libkrun: hostPathInput({
    default: '',
    required: false,
    flags: ['--libkrun'],
    valueName: 'PATH|URL',
    help: "libkrun.so.1, or a pinned archive URL#sha256=<hex> (default: KRUN_LIBRARY, the usual places, krun-action's build)",
    parse: parseLibkrun,
    reachesVm: true,
    hostPath: (choice) => (!choice ? '' : 'archive' in choice ? pinnedUrlText(choice.archive) : choice.path)
  }),
  'kvm-access': {
    default: 'auto',
    required: false,
    flags: ['--kvm-access'],
    valueName: 'POLICY',
    help: 'auto (on a GitHub-hosted runner, install the udev rule with sudo when the KVM device does not open) or check (never change the host)',
    parse: parseKvmAccess,
    reachesVm: false
  },
  'log-level': {
    default: '',
    required: false,
    flags: ['--log-level'],
    valueName: 'LEVEL',
    help: "libkrun's log level, shown live: off, error, warn, info, debug, trace",
    parse: parseLogLevel,
    reachesVm: true
  },
  timeout: {
    default: '',
    required: false,
    defaultText: 'none',
    flags: ['--timeout'],
    valueName: 'DURATION',
    help: 'stop after 90, 90s, 10m, 1h ..., the pull included (exit code 124)',
    parse: parseTimeout,
    reachesVm: false
  },
  'export-env': {
    default: 'false',
    required: false,
    flags: ['--export-env'],
    valueName: 'true|false',
    help: "let the guest's GITHUB_ENV and GITHUB_PATH change later steps on the host",
    parse: (raw: string) => parseBoolean('export-env', raw),
    reachesVm: false
  },
  'guest-workflow-commands': {
    default: 'false',
    required: false,
    flags: ['--guest-workflow-commands'],
    valueName: 'true|false',
    help: "let the runner act on workflow commands (::error::, ::add-mask:: ...) in the guest's output",
    parse: (raw: string) => parseBoolean('guest-workflow-commands', raw),
    reachesVm: false
  }
} as const satisfies Record<string, InputSpec>

export type InputName = keyof typeof INPUTS
export const INPUT_NAMES = Object.keys(INPUTS) as InputName[]
export type RawInputs = Record<InputName, string>

export type { InputSpec, ParseContext } from './input-spec.js'
export { OUTPUTS, type OutputName } from './outputs.js'
