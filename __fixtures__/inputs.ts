import os from 'node:os'
import { INPUT_NAMES, type RawInputs, type RunSettings, type SettingsContext } from '../src/settings.js'

/** Raw inputs as action.yml's defaults give them, with the given overrides. */
export function rawInputs(overrides: Partial<RawInputs> = {}): RawInputs {
  const defaults: Partial<RawInputs> = { commands: 'true', shell: 'sh', rootfs: '/', cpus: '2', memory: '2048' }
  return { ...(Object.fromEntries(INPUT_NAMES.map((name) => [name, ''])) as RawInputs), ...defaults, ...overrides }
}

export function context(overrides: Partial<SettingsContext> = {}): SettingsContext {
  return { cwd: os.tmpdir(), defaultWorkspace: undefined, libraryFromEnv: undefined, hostMemoryMib: 8192, ...overrides }
}

export function settings(overrides: Partial<RunSettings> = {}): RunSettings {
  return {
    commands: 'echo hello\n',
    shell: ['sh', '-e', '{0}'],
    rootfs: '/',
    workspace: '/home/runner/work/repo',
    workdir: '/home/runner/work/repo',
    env: [],
    cpus: 2,
    memoryMib: 2048,
    libkrun: undefined,
    logLevel: undefined,
    timeoutSeconds: undefined,
    ...overrides
  }
}
