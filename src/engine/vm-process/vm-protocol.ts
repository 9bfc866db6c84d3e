/**
 * The private channel between the action process and the VM process, on fd 3: GO_LINE one
 * way, when the VM process may read its configuration; JSON lines the other way.
 * The VM process says `ready` once libkrun is configured, then waits for START_LINE before
 * krun_start_enter, so a failure to configure is always a message and never mistaken for
 * a guest exit code, and the action has printed all it had to say (and fenced the guest's
 * output, output-fence.ts) before the guest can print anything.
 */
export const CHANNEL_FD = 3

/** What the action writes on the channel when the configuration is in place. */
export const GO_LINE = 'go\n'
/** What the action writes on the channel after `ready`: the guest may start. */
export const START_LINE = 'start\n'

export type VmMessage =
  | { kind: 'ready' }
  /** Something the user should know about this libkrun; sent before `ready`, shown once. */
  | { kind: 'warning'; message: string }
  /** With `input`, the message is what is wrong with that input, for the front end to name it. */
  | { kind: 'error'; message: string; input?: string }

export function encodeMessage(message: VmMessage): string {
  return JSON.stringify(message) + '\n'
}

export function decodeMessages(text: string): VmMessage[] {
  return text
    .split('\n')
    .filter((line) => line.trim() !== '')
    .flatMap((line) => {
      try {
        return [JSON.parse(line) as VmMessage]
      } catch {
        return []
      }
    })
}
