/**
 * Starts the VM process and watches it: its stdout and stderr are ours (the guest's output
 * goes to the runner as it is written, never re-buffered here), its messages arrive on a
 * private channel, and it is stopped on timeout or cancellation.
 *
 * Starting and running are two steps: the process may be started before the run's files
 * are written (its Node start then overlaps the action's own work), and waits on the
 * channel for GO_LINE before it reads its configuration, and for START_LINE after it said
 * `ready`, before the guest starts.
 */
import { type ChildProcess, spawn } from 'node:child_process'
import os from 'node:os'
import path from 'node:path'
import { errorText } from '../errors.js'
import { kernelWorkaround } from '../host/kernel-quirks.js'
import { type NetGuard, guardedCommand } from './net-guard.js'
import { CHANNEL_FD, GO_LINE, START_LINE, type VmMessage, decodeMessages } from './vm-protocol.js'

/** How long the guest has to react to Ctrl-C before the VM process is killed. */
const TIMEOUT_GRACE_MS = 3000
/** Shorter on cancellation: the runner kills the whole step soon after. */
const CANCEL_GRACE_MS = 1000

/** How the VM process ended, and what it said. */
export interface VmRun {
  messages: VmMessage[]
  exitCode: number | null
  signal: NodeJS.Signals | null
  /** Set when we stopped the VM because the timeout passed. */
  timedOutAfter: number | undefined
  /** Set when the step was cancelled (SIGINT or SIGTERM to us). */
  cancelledBy: NodeJS.Signals | undefined
}

export interface VmStart {
  vmEntry: string
  configFile: string
  /** The libkrun it will load: its directory goes first on the loader's path. */
  libkrun: string
  /** Give the VM process our terminal as stdin (interactive CLI); otherwise /dev/null. */
  interactive: boolean
  /**
   * The VM process's stderr is our stdout: one stream, whose order the runner keeps, so a
   * fence on it holds all the guest prints (the runner reads stdout and stderr apart, in
   * no fixed order between them).
   */
  stderrToStdout: boolean
  env?: NodeJS.ProcessEnv
  /** Network public: the VM process runs under krun-netguard (net-guard.ts). */
  guard?: NetGuard
}

/**
 * The VM process's environment: ours without the action's inputs (they hold env values),
 * plus what libkrun needs on this host's kernel.
 */
export function vmProcessEnv(
  libkrun: string,
  env: NodeJS.ProcessEnv = process.env,
  kernelRelease: string = os.release()
): NodeJS.ProcessEnv {
  const kept = Object.fromEntries(Object.entries(env).filter(([name]) => !name.startsWith('INPUT_')))
  Object.assign(kept, kernelWorkaround(kernelRelease, env)?.env)
  // libkrun finds libkrunfw with the dynamic loader, whose path is fixed when a process starts.
  const libraryDir = path.dirname(libkrun)
  kept.LD_LIBRARY_PATH = kept.LD_LIBRARY_PATH ? `${libraryDir}:${kept.LD_LIBRARY_PATH}` : libraryDir
  return kept
}

/** A started VM process, waiting for GO_LINE; `run` it once, or `discard` it. */
export class VmProcess {
  private readonly child: ChildProcess
  /** What arrived on the channel after its last complete line. */
  private partialLine = ''
  private readonly messages: VmMessage[] = []
  private onMessage: ((message: VmMessage) => void) | undefined
  private beforeGuest: (() => void) | undefined
  private readonly ended: Promise<[number | null, NodeJS.Signals | null]>

  constructor(readonly start: VmStart) {
    const stdio: ('inherit' | 'ignore' | 'pipe' | number)[] = [
      start.interactive ? 'inherit' : 'ignore',
      'inherit',
      start.stderrToStdout ? 1 : 'inherit'
    ]
    while (stdio.length < CHANNEL_FD) stdio.push('ignore')
    stdio[CHANNEL_FD] = 'pipe'
    const vmArgs = [process.execPath, start.vmEntry, start.configFile]
    const [program, ...args] = start.guard ? guardedCommand(start.guard, vmArgs) : vmArgs
    this.child = spawn(program, args, {
      stdio,
      env: vmProcessEnv(start.libkrun, start.env)
    })
    const channel = this.child.stdio[CHANNEL_FD] as unknown as NodeJS.ReadWriteStream
    channel.setEncoding('utf8')
    channel.on('data', (chunk: string) => this.received(chunk))
    // The process may be gone before GO_LINE reaches it (discarded, or it failed to start).
    channel.on('error', () => undefined)
    this.ended = new Promise((resolve) => {
      this.child.on('error', (error) => {
        this.received(
          JSON.stringify({ kind: 'error', message: `cannot start the VM process: ${error.message}` }) + '\n'
        )
        resolve([null, null])
      })
      this.child.on('close', (code, signal) => resolve([code, signal]))
    })
  }

  private received(chunk: string): void {
    const text = this.partialLine + chunk
    const complete = text.lastIndexOf('\n') + 1
    this.partialLine = text.slice(complete)
    this.deliver(text.slice(0, complete))
  }

  private deliver(lines: string): void {
    for (const message of decodeMessages(lines)) {
      this.messages.push(message)
      this.onMessage?.(message)
      if (message.kind === 'ready') this.letGuestStart()
    }
  }

  /** What must come before the guest's first byte is done here, before START_LINE. */
  private letGuestStart(): void {
    try {
      this.beforeGuest?.()
    } catch (error) {
      this.child.kill('SIGKILL')
      this.messages.push({ kind: 'error', message: `the guest was not started: ${errorText(error)}` })
      return
    }
    ;(this.child.stdio[CHANNEL_FD] as NodeJS.WritableStream).write(START_LINE)
  }

  /** Lets the process read its configuration and start the guest; resolves when it has ended. */
  async run(options: {
    /** The run's timeout, as the outcome names it. */
    timeoutSeconds: number | undefined
    /** What is left of it for the VM when part of it went before (the image pull); all of it when unset. */
    timeLeftMs?: number
    onStart?: (pid: number) => void
    /** Gets each message as it arrives, so a warning is shown when it is sent, not after the run. */
    onMessage?: (message: VmMessage) => void
    /** Called once libkrun is configured, just before the guest may start (and print). */
    beforeGuest?: () => void
  }): Promise<VmRun> {
    this.onMessage = options.onMessage
    this.beforeGuest = options.beforeGuest
    ;(this.child.stdio[CHANNEL_FD] as NodeJS.WritableStream).write(GO_LINE)
    // After the go-ahead: what onStart does overlaps the VM process's own work.
    try {
      if (this.child.pid !== undefined) options.onStart?.(this.child.pid)
    } catch (error) {
      await this.discard()
      throw error
    }

    let timedOutAfter: number | undefined
    let cancelledBy: NodeJS.Signals | undefined
    let killTimer: NodeJS.Timeout | undefined
    // libkrun turns SIGINT into Ctrl-C on the guest console; SIGKILL is the only sure stop.
    const stop = (graceMs: number) => {
      this.child.kill('SIGINT')
      killTimer ??= setTimeout(() => this.child.kill('SIGKILL'), graceMs)
    }
    const timeoutTimer =
      options.timeoutSeconds === undefined
        ? undefined
        : setTimeout(
            () => {
              timedOutAfter = options.timeoutSeconds
              stop(TIMEOUT_GRACE_MS)
            },
            options.timeLeftMs ?? options.timeoutSeconds * 1000
          )
    const onSignal = (signal: NodeJS.Signals) => {
      cancelledBy ??= signal
      stop(CANCEL_GRACE_MS)
    }
    process.on('SIGINT', onSignal)
    process.on('SIGTERM', onSignal)
    try {
      const [exitCode, signal] = await this.ended
      // A last message without its newline still counts.
      this.deliver(this.partialLine)
      this.partialLine = ''
      return { messages: this.messages, exitCode, signal, timedOutAfter, cancelledBy }
    } finally {
      clearTimeout(timeoutTimer)
      clearTimeout(killTimer)
      process.off('SIGINT', onSignal)
      process.off('SIGTERM', onSignal)
    }
  }

  /** Stops a process that will not be run; resolves once it is gone. */
  async discard(): Promise<void> {
    this.child.kill('SIGKILL')
    await this.ended
  }
}
