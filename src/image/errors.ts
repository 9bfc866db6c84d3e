/**
 * ImageError: every failure a user can act on, shown as one line. Messages name the registry and
 * repository, the problem and what to do; they never carry a credential, a token or part of one.
 */
export class ImageError extends Error {
  /**
   * True when the fix is in what was asked for, not in the registry, the network or the host: the
   * reference is malformed (InvalidReferenceError), or names no image there, none for this
   * platform, or none in the cache under pull "never".
   */
  readonly inputMistake: boolean

  constructor(message: string, options: { inputMistake?: boolean } = {}) {
    super(oneLine(message))
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

/** A short, printable excerpt of untrusted text (a server's error body, a user's input). */
export function excerpt(text: string, max = 120): string {
  const visible = oneLine(text).replace(/[\u0000-\u001f\u007f]/g, '?')
  return visible.length > max ? `${visible.slice(0, max)}…` : visible
}

/** The errno name of a failed system call (ENOENT, EACCES…), if it is one. */
export function errorCode(error: unknown): string | undefined {
  return (error as NodeJS.ErrnoException)?.code
}

/** A failure that is not an ImageError, in a few words: its errno name, if any, and its message. */
export function describeFailure(error: unknown, max = 160): string {
  const e = error as NodeJS.ErrnoException
  return `${e?.code ? `${e.code} ` : ''}${excerpt(e?.message ?? String(error), max)}`
}
