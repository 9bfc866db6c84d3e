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

/** Quotes a value for an error message, shortening long ones and showing control characters. */
export function showValue(value: string, max = 60): string {
  const visible = value.replace(/[\u0000-\u001f]/g, (c) =>
    c === '\n' ? '\\n' : c === '\t' ? '\\t' : `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`
  )
  const cut = visible.length > max ? `${visible.slice(0, max)}…` : visible
  return `"${cut}"`
}
