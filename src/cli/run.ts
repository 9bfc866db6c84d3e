/** krun-run: the action's engine as a local command. */
import fs from 'node:fs'
import os from 'node:os'
import { runInMicroVm } from '../engine.js'
import { DEFAULT_KVM_DEVICE, HostError } from '../host-checks.js'
import { InputError } from '../input-error.js'
import { buildSettings } from '../settings.js'
import { type CliArgs, type CommandSource, USAGE, flagFor, parseArgs } from './args.js'

/** For usage and host errors, as docker and podman use it: never a guest's own code. */
export const CLI_ERROR_EXIT = 125

export interface CliIo {
  argv: string[]
  env: NodeJS.ProcessEnv
  cwd: string
  stdinIsTerminal: boolean
  readStdin: () => string
  writeOut: (text: string) => void
  writeErr: (text: string) => void
}

function readCommands(args: CliArgs, io: CliIo): { commands: string; interactive: boolean } {
  switch (args.source.kind) {
    case 'inline':
      return { commands: args.raw.commands, interactive: false }
    case 'file':
      try {
        return { commands: fs.readFileSync(args.source.path, 'utf8'), interactive: false }
      } catch {
        throw new InputError('FILE', `cannot read commands file "${args.source.path}"; expected a readable file`)
      }
    case 'stdin':
      if (io.stdinIsTerminal) return { commands: '# interactive shell\n', interactive: true }
      return { commands: io.readStdin(), interactive: false }
  }
}

/** Commands that came from stdin or a file are not named by -c in messages. */
function labelFor(input: string, source: CommandSource | undefined): string {
  if (input !== 'commands' || source === undefined || source.kind === 'inline') return flagFor(input)
  return source.kind === 'stdin' ? 'stdin' : source.path
}

export async function runCli(io: CliIo, distDir: string): Promise<number> {
  let source: CommandSource | undefined
  try {
    const args = parseArgs(io.argv, io.env)
    source = args.source
    if (args.help) {
      io.writeOut(USAGE + '\n')
      return 0
    }
    const { commands, interactive } = readCommands(args, io)
    const settings = buildSettings(
      { ...args.raw, commands },
      {
        cwd: io.cwd,
        defaultWorkspace: io.env.GITHUB_WORKSPACE || undefined,
        libraryFromEnv: io.env.KRUN_LIBRARY || undefined,
        hostMemoryMib: Math.floor(os.totalmem() / (1024 * 1024))
      },
      args.env
    )
    const result = await runInMicroVm({
      settings,
      distDir,
      tempDir: os.tmpdir(),
      kvmDevice: io.env.KRUN_KVM_DEVICE || DEFAULT_KVM_DEVICE,
      interactive,
      extraEnv: interactive && io.env.TERM ? { TERM: io.env.TERM } : {}
    })
    const { outcome } = result
    if (result.log) io.writeErr(`libkrun's log (last lines):\n${result.log}\n`)
    if (outcome.exitCode !== undefined) {
      // The guest's own code speaks for itself; only a timeout needs saying.
      if (outcome.timedOut) io.writeErr(`krun-run: ${outcome.failure}\n`)
      return outcome.exitCode
    }
    io.writeErr(`krun-run: ${outcome.failure ?? 'the commands did not report an exit code'}\n`)
    return CLI_ERROR_EXIT
  } catch (error) {
    if (error instanceof InputError) io.writeErr(`krun-run: ${labelFor(error.input, source)}: ${error.problem}\n`)
    else if (error instanceof HostError) io.writeErr(`krun-run: ${error.message}\n`)
    else io.writeErr(`krun-run: failed unexpectedly: ${(error as Error).message}\n`)
    return CLI_ERROR_EXIT
  }
}
