/**
 * Which of a step's variables enter the guest. GitHub runs a custom shell with the step's and
 * the job's env: merged into the runner's whole environment, so krun-run passes only the
 * variables named in KRUN_ENV (and by --env NAME), never the rest.
 */
import { InputError, showValue } from '../engine/errors.js'
import { ENV_NAME, type EnvEntry } from '../engine/inputs/parse.js'

export const STEP_ENV_VARIABLE = 'KRUN_ENV'
const EXPECTED = "expected comma-separated variable names, e.g. MODE,TOKEN (their values come from the step's env:)"

/** The variables KRUN_ENV names (comma-separated), with their values from `env`. */
export function namedStepEnv(env: NodeJS.ProcessEnv): EnvEntry[] {
  const names = (env[STEP_ENV_VARIABLE] ?? '')
    .split(',')
    .map((name) => name.trim())
    .filter((name) => name !== '')
  return names.map((name) => {
    // Never shown: a NAME=value here would put a value in the message.
    if (name.includes('=')) throw new InputError(STEP_ENV_VARIABLE, `holds an "="; ${EXPECTED}`)
    if (!ENV_NAME.test(name)) {
      throw new InputError(STEP_ENV_VARIABLE, `${showValue(name, 40)} is not a variable name; ${EXPECTED}`)
    }
    const value = env[name]
    if (value === undefined) {
      throw new InputError(
        STEP_ENV_VARIABLE,
        `${name} is not set in this step's environment; set it with env:, or drop it`
      )
    }
    return [name, value] as const
  })
}
