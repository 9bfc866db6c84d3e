/**
 * What the runner makes of a step's output, as GitHub's runner reads it: line by line
 * (a line ends at \n, \r\n or \r), a workflow command being a line that starts, after
 * leading blanks, with `::NAME` (and properties) then `::` and the data. After
 * `::stop-commands::TOKEN` no command is acted on until a line `::TOKEN::`. Only the
 * `::` form is modelled, and only the commands the runner knows are commands.
 */

const KNOWN = new Set([
  'add-mask',
  'add-matcher',
  'add-path',
  'debug',
  'echo',
  'endgroup',
  'error',
  'group',
  'notice',
  'remove-matcher',
  'save-state',
  'set-env',
  'set-output',
  'stop-commands',
  'warning'
])

export interface WorkflowCommand {
  name: string
  data: string
}

export interface RunnerView {
  /** Every command the runner acted on, in order: stop-commands and resuming included. */
  commands: WorkflowCommand[]
  /** Whether the runner still ignores commands when the output ends (for the rest of the job). */
  stoppedAtEnd: boolean
}

function parseCommand(line: string): WorkflowCommand | undefined {
  const text = line.trimStart()
  if (!text.startsWith('::')) return undefined
  const end = text.indexOf('::', 2)
  if (end < 0) return undefined
  const info = text.slice(2, end)
  const space = info.indexOf(' ')
  return { name: (space < 0 ? info : info.slice(0, space)).toLowerCase(), data: text.slice(end + 2) }
}

export function runnerView(output: string): RunnerView {
  const commands: WorkflowCommand[] = []
  let stopToken: string | undefined
  for (const line of output.split(/\r\n|\n|\r/)) {
    const command = parseCommand(line)
    if (!command) continue
    if (stopToken !== undefined) {
      if (command.name === stopToken.toLowerCase()) {
        commands.push(command)
        stopToken = undefined
      }
    } else if (KNOWN.has(command.name)) {
      commands.push(command)
      if (command.name === 'stop-commands') stopToken = command.data
    }
  }
  return { commands, stoppedAtEnd: stopToken !== undefined }
}

/** The commands acted on that are not the fence itself (a masked token, stop-commands, its resume). */
export function commandsBesidesFences(view: RunnerView): WorkflowCommand[] {
  const tokens = new Set(view.commands.filter((c) => c.name === 'stop-commands').map((c) => c.data.toLowerCase()))
  return view.commands.filter(
    (c) => c.name !== 'stop-commands' && !tokens.has(c.name) && !(c.name === 'add-mask' && tokens.has(c.data))
  )
}

const FENCE = /::add-mask::([0-9a-f]{32})\n::stop-commands::\1\n([^]*?)\n::\1::\n/g

/** The fences in a step's output: each one's token and what it held, byte for byte. */
export function fences(output: string): { token: string; inside: string }[] {
  return [...output.matchAll(FENCE)].map((match) => ({ token: match[1], inside: match[2] }))
}

/** The output with each fence's own lines taken out, so what the guest printed reads as it was. */
export function withoutFences(output: string): string {
  return output.replace(FENCE, '$2')
}
