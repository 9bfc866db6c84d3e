/**
 * The action's settings, saved as the defaults of later `shell: krun-run {0}` steps of the
 * same job. The file holds env values, which are secrets: it is written 0600 and read back
 * only when it is still a small regular file of this user that nobody else can read.
 */
import fs from 'node:fs'
import { InputError } from '../engine/errors.js'
import { INPUTS, INPUT_NAMES, type InputSpec, type RawInputs } from '../engine/inputs/table.js'
import { defaultInputs } from '../engine/inputs/raw-inputs.js'
import type { RunSettings } from '../engine/inputs/settings.js'

/** The launcher names the settings file in this variable. */
export const SETTINGS_VARIABLE = 'KRUN_SETTINGS'
const MAX_SETTINGS_BYTES = 16 * 1024 * 1024

/** Each step's own inputs and secrets are never saved (the input table says which). Later steps find the image in the action's cache. */
const SAVED_NAMES = INPUT_NAMES.filter((name) => {
  const spec: InputSpec = INPUTS[name]
  return !spec.stepOwn && spec.secretVariable === undefined
})

export type SavedInputs = Partial<RawInputs>

/**
 * The raw inputs later steps inherit. Host paths are saved as this step resolved them, since
 * a later step may start in another directory (libkrun as given: input or KRUN_LIBRARY).
 */
export function savedInputs(raw: RawInputs, settings: Pick<RunSettings, 'resolvedHostPaths'>): SavedInputs {
  return { ...Object.fromEntries(SAVED_NAMES.map((name) => [name, raw[name]])), ...settings.resolvedHostPaths }
}

/** Written beside and renamed into place, so a reader never sees half a file. */
export function writeSettingsFile(file: string, saved: SavedInputs): void {
  const partial = `${file}.${process.pid}.partial`
  fs.writeFileSync(partial, JSON.stringify(saved), { mode: 0o600 })
  fs.renameSync(partial, file)
}

const EXPECTED = 'expected the settings file krun-action saved for this job (mode 0600, owned by this user)'

function readOwnPrivateFile(file: string): string {
  const problem = (what: string) => new InputError(SETTINGS_VARIABLE, `"${file}" ${what}; ${EXPECTED}`)
  let fd: number
  try {
    fd = fs.openSync(file, fs.constants.O_RDONLY | fs.constants.O_NOFOLLOW | fs.constants.O_NONBLOCK)
  } catch {
    throw problem('cannot be opened (missing, or a link)')
  }
  try {
    const stat = fs.fstatSync(fd)
    if (!stat.isFile() || stat.size > MAX_SETTINGS_BYTES) throw problem('is not a regular file of a sensible size')
    if (stat.uid !== process.getuid?.() || (stat.mode & 0o077) !== 0) {
      throw problem('belongs to another user or others can read or write it')
    }
    return fs.readFileSync(fd, 'utf8')
  } finally {
    fs.closeSync(fd)
  }
}

export function readSettingsFile(file: string): SavedInputs {
  const text = readOwnPrivateFile(file)
  let data: unknown
  try {
    data = JSON.parse(text)
  } catch {
    data = undefined
  }
  const entries = data !== null && typeof data === 'object' && !Array.isArray(data) ? Object.entries(data) : undefined
  const valid = entries?.every(([name, value]) => (SAVED_NAMES as string[]).includes(name) && typeof value === 'string')
  if (!entries || !valid) {
    throw new InputError(SETTINGS_VARIABLE, `"${file}" does not hold saved inputs of this krun-run; ${EXPECTED}`)
  }
  return Object.fromEntries(entries)
}

/** Whether krun-run runs from the launcher the action installed: it names the saved settings. */
export function startedByAction(env: NodeJS.ProcessEnv): boolean {
  return Boolean(env[SETTINGS_VARIABLE])
}

/**
 * krun-run's defaults: the table's, then the saved settings when the launcher named a file.
 * Flags override these later; KRUN_LIBRARY in the step's environment overrides a saved libkrun.
 */
export function cliDefaults(env: NodeJS.ProcessEnv): RawInputs {
  const saved = startedByAction(env) ? readSettingsFile(env[SETTINGS_VARIABLE] as string) : {}
  const raw = { ...defaultInputs(), ...saved }
  if (env.KRUN_LIBRARY?.trim()) raw.libkrun = ''
  return raw
}
