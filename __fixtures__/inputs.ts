import os from 'node:os'
import { InputError } from '../src/engine/errors.js'
import { type ParseContext, type RawInputs } from '../src/engine/inputs/table.js'
import { defaultInputs } from '../src/engine/inputs/raw-inputs.js'
import type { ResolvedSettings } from '../src/engine/inputs/settings.js'

/** Raw inputs as the input table's defaults give them, with `true` as the commands and the given overrides. */
export function rawInputs(overrides: Partial<RawInputs> = {}): RawInputs {
  return { ...defaultInputs(), commands: 'true', ...overrides }
}

export function context(overrides: Partial<ParseContext> = {}): ParseContext {
  return {
    cwd: os.tmpdir(),
    defaultWorkspace: undefined,
    libraryFromEnv: undefined,
    hostMemoryMib: 8192,
    // Not under cwd: a workspace may not hold the temporary directory.
    tempDir: '/run/krun-tests-temp',
    ...overrides
  }
}

/** Settings of a run whose base is known; a rootfs override is the base too, unless base is given. */
export function settings(overrides: Partial<ResolvedSettings> = {}): ResolvedSettings {
  const rootfs = overrides.rootfs ?? '/'
  return {
    commands: Buffer.from('echo hello\n'),
    shell: ['sh', '-e', '{0}'],
    base: { kind: 'rootfs', rootfs },
    rootfs,
    workspace: '/home/runner/work/repo',
    workspaceDevices: 'remove',
    workdir: '/home/runner/work/repo',
    workdirDefaulted: false,
    env: [],
    imageEnv: [],
    user: undefined,
    guestUser: undefined,
    imageConfig: undefined,
    cpus: 2,
    memoryMib: 2048,
    network: 'tsi',
    persist: 'step',
    persistSizeBytes: 8 * 2 ** 30,
    prepare: undefined,
    allow: [],
    ports: [],
    libkrun: undefined,
    kvmAccess: 'auto',
    logLevel: undefined,
    timeoutSeconds: undefined,
    exportEnv: false,
    resolvedHostPaths: {},
    guestWorkflowCommands: false,
    ...overrides
  }
}

/** The InputError `fn` throws; anything else it throws, or nothing, fails the test. */
export function inputErrorOf(fn: () => unknown): InputError {
  try {
    fn()
  } catch (error) {
    if (error instanceof InputError) return error
    throw error
  }
  throw new Error('expected an InputError')
}

/** What the InputError `fn` throws names: the input and the problem. */
export function problemOf(fn: () => unknown): { input: string; problem: string } {
  const { input, problem } = inputErrorOf(fn)
  return { input, problem }
}
