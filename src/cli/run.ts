/** krun-run: the action's engine as a local command. */
import fs from 'node:fs'
import {
  InputError,
  OutputFence,
  buildSettings,
  enabledFileCommands,
  failureMessage,
  hostContext,
  parseEnv,
  run
} from '../engine/index.js'
import { cliDefaults, startedByAction } from '../later-steps/saved-settings.js'
import { namedStepEnv } from '../later-steps/step-env.js'
import { type CliArgs, type CommandSource, USAGE, flagFor, parseArgs } from './args.js'
import { runDoctorCli } from './doctor.js'
import type { CliIo } from './io.js'

/** For usage and host errors, as docker and podman use it. A guest may exit 125 itself; then no krun-run line precedes it. */
export const CLI_ERROR_EXIT = 125

/** The commands as bytes: a file or stdin may hold any, and the guest gets them unchanged. */
function readCommands(args: CliArgs, io: CliIo): { commands: Buffer; interactive: boolean } {
  switch (args.source.kind) {
    case 'inline':
      return { commands: Buffer.from(args.raw.commands, 'utf8'), interactive: false }
    case 'file':
      try {
        return { commands: fs.readFileSync(args.source.path), interactive: false }
      } catch {
        throw new InputError('FILE', `cannot read commands file "${args.source.path}"; expected a readable file`)
      }
    case 'stdin':
      if (io.stdinIsTerminal) return { commands: Buffer.from('# interactive shell\n'), interactive: true }
      return { commands: io.readStdin(), interactive: false }
  }
}

/**
 * Whether the runner reads what krun-run prints, and would act on the guest's workflow
 * commands: in a step of a GitHub job, its shell or not. A terminal means a person reads it.
 */
function runnerReadsOutput(env: NodeJS.ProcessEnv, interactive: boolean): boolean {
  return !interactive && (startedByAction(env) || env.GITHUB_ACTIONS === 'true')
}

/** Commands that came from stdin or a file are not named by -c in messages. */
function labelFor(input: string, source: CommandSource | undefined): string {
  if (input !== 'commands' || source === undefined || source.kind === 'inline') return flagFor(input)
  return source.kind === 'stdin' ? 'stdin' : source.path
}

export async function runCli(io: CliIo, distDir: string): Promise<number> {
  let source: CommandSource | undefined
  try {
    const args = parseArgs(io.argv, io.env, cliDefaults(io.env))
    source = args.source
    if (args.help) {
      io.writeOut(USAGE + '\n')
      return 0
    }
    if (args.doctor) return await runDoctorCli(args, io, distDir)
    const { commands, interactive } = readCommands(args, io)
    // A later step of the action's job runs the image the action pulled, and the libkrun it fetched, from its caches.
    const host = hostContext(io.env, io.cwd, startedByAction(io.env) ? 'action' : 'user')
    // Saved env, then what the step names, then --env: a later entry replaces an earlier one.
    const env = [...parseEnv(args.raw.env), ...namedStepEnv(io.env), ...args.env]
    const settings = buildSettings(args.raw, host.parse, env, commands)
    const result = await run({
      settings,
      distDir,
      host,
      log: (line) => io.writeErr(`krun-run: ${line}\n`),
      interactive,
      extraEnv: interactive && io.env.TERM ? { TERM: io.env.TERM } : {},
      onWarning: (message) => io.writeErr(`krun-run: warning: ${message}\n`),
      fileCommands: enabledFileCommands(io.env),
      hostFiles: { env: io.env, exportEnvSetting: '--export-env true' },
      fence:
        runnerReadsOutput(io.env, interactive) && !settings.guestWorkflowCommands
          ? new OutputFence(io.writeOut)
          : undefined
    })
    const { outcome } = result
    for (const note of result.notes) io.writeErr(`krun-run: ${note}\n`)
    for (const warning of result.warnings) io.writeErr(`krun-run: warning: ${warning}\n`)
    if (result.log) io.writeErr(`libkrun's log (last lines):\n${result.log}\n`)
    if (outcome.exitCode !== undefined) {
      // The guest's own code speaks for itself; only a timeout needs saying.
      if (outcome.timedOut) io.writeErr(`krun-run: ${outcome.failure}\n`)
      return outcome.exitCode
    }
    io.writeErr(`krun-run: ${outcome.failure ?? 'the commands did not report an exit code'}\n`)
    return CLI_ERROR_EXIT
  } catch (error) {
    io.writeErr(`krun-run: ${failureMessage(error, (input) => labelFor(input, source))}\n`)
    return CLI_ERROR_EXIT
  }
}
