/** The action's outputs: action.yml and the README's table are checked against these words. */
export const OUTPUTS = {
  'exit-code':
    "The commands' exit code: 128+N when signal N killed them, 124 on timeout. Unset when they never ran (bad input, host problem, boot failure).",
  'timed-out': '`true` when the timeout stopped the microVM, else `false`.',
  'image-digest':
    "The digest of the image that ran (an image index's for multi-platform images), when `image` was given."
} as const

export type OutputName = keyof typeof OUTPUTS
