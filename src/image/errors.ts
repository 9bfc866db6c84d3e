/**
 * ImageError: every failure a user can act on, shown as one line. Messages name the registry and
 * repository, the problem and what to do; they never carry a credential, a token or part of one.
 */
import { visible, visibleExcerpt } from '../text/visible.js'

export class ImageError extends Error {
  /**
   * True when the fix is in what was asked for, not in the registry, the network or the host: the
   * reference is malformed (InvalidReferenceError), or names no image there, none for this
   * platform, or none in the cache under pull "never".
   */
  readonly inputMistake: boolean

  constructor(message: string, options: { inputMistake?: boolean } = {}) {
    // Made visible whole: a message may quote what a registry or a user wrote.
    super(visible(oneLine(message)))
    this.name = 'ImageError'
    this.inputMistake = options.inputMistake ?? false
  }
}

/** A reference Docker would reject, with its parts kept for a caller that words it its own way. */
export class InvalidReferenceError extends ImageError {
  constructor(
    /** The reference as given. */
    readonly reference: string,
    /** What is wrong with it and how to write it. */
    readonly problem: string
  ) {
    super(`image "${excerpt(reference, 80)}": invalid reference: ${problem}`, { inputMistake: true })
    this.name = 'InvalidReferenceError'
  }
}

/** Collapses whitespace (newlines from servers included) so a message stays on one line. */
export function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim()
}

/** A short, visible excerpt of untrusted text (a server's error body, a user's input) on one line. */
export function excerpt(text: string, max = 120): string {
  return visibleExcerpt(oneLine(text), max)
}

/** The errno name of a failed system call (ENOENT, EACCES…), if it is one: the one reader of it. */
export function errorCode(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null | undefined)?.code
  return typeof code === 'string' ? code : undefined
}

/** The system call that failed, if the error is a system call's (so the host's, not the data's). */
export function failedSyscall(error: unknown): string | undefined {
  const syscall = (error as { syscall?: unknown } | null | undefined)?.syscall
  return typeof syscall === 'string' ? syscall : undefined
}

/** A failure that is not an ImageError, in a few words: its errno name, if any, and its message. */
export function describeFailure(error: unknown, max = 160): string {
  const code = errorCode(error)
  return `${code ? `${code} ` : ''}${excerpt(error instanceof Error ? error.message : String(error), max)}`
}
