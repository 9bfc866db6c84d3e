/** The errors a user can act on, and how each front end words them: one line, no stack trace. */
import { errorCode } from '../image/errors.js'
import { visible, visibleExcerpt } from '../text/visible.js'

/**
 * A mistake in what the user gave us. It carries the input's name so each front end
 * (action inputs, CLI flags) can name it in its own words; it is always shown as one
 * line, never with a stack trace.
 */
export class InputError extends Error {
  constructor(
    readonly input: string,
    readonly problem: string
  ) {
    super(`${input}: ${problem}`)
    this.name = 'InputError'
  }
}

/** Quotes a value for an error message, shortening long ones and escaping what is not plainly visible. */
export function showValue(value: string, max = 60): string {
  return `"${visibleExcerpt(value, max)}"`
}

/** A host that cannot run the microVM: one line, with the fix. */
export class HostError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'HostError'
  }
}

/** A system error's code (ENOENT, ENOSPC…), else its message: the part of a failure worth showing. */
export function errorText(error: unknown): string {
  const code = errorCode(error)
  if (code !== undefined) return code
  return error instanceof Error ? error.message : String(error)
}

/**
 * The one line a front end shows for an error; `nameInput` words an input its own way. The
 * whole line is made visible: messages quote values with showValue, but also name paths the
 * user gave, and an unexpected error's message can hold anything.
 */
export function failureMessage(error: unknown, nameInput: (input: string) => string): string {
  return visible(failureText(error, nameInput))
}

function failureText(error: unknown, nameInput: (input: string) => string): string {
  if (error instanceof InputError) return `${nameInput(error.input)}: ${error.problem}`
  if (error instanceof HostError) return error.message
  return `failed unexpectedly: ${error instanceof Error ? error.message : String(error)}`
}
