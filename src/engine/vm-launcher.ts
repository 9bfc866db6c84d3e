/**
 * Starts the VM process and watches it: its stdout and stderr are ours (the guest's output
 * goes to the runner as it is written, never re-buffered here), its messages arrive on a
 * private pipe, and it is stopped on timeout or cancellation.
 */
import { spawn } from 'node:child_process'
import { CHANNEL_FD, type VmMessage, decodeMessages } from './vm-protocol.js'

/** How long the guest has to react to Ctrl-C before the VM process is killed. */
export const TIMEOUT_GRACE_MS = 3000
/** Shorter on cancellation: the runner kills the whole step soon after. */
export const CANCEL_GRACE_MS = 1000

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

export interface VmProcessOptions {
  vmEntry: string
  configFile: string
  env: NodeJS.ProcessEnv
  /** Give the VM process our terminal as stdin (interactive CLI); otherwise /dev/null. */
  interactive: boolean
  timeoutSeconds: number | undefined
  onStart?: (pid: number) => void
  /** Gets each message as it arrives, so a warning is shown while the guest runs, not after. */
  onMessage?: (message: VmMessage) => void
}

export function runVmProcess(options: VmProcessOptions): Promise<VmRun> {
  const stdio = [options.interactive ? 'inherit' : 'ignore', 'inherit', 'inherit'] as ('inherit' | 'ignore' | 'pipe')[]
  while (stdio.length < CHANNEL_FD) stdio.push('ignore')
  stdio[CHANNEL_FD] = 'pipe'
  const child = spawn(process.execPath, [options.vmEntry, options.configFile], { stdio, env: options.env })

  let channelText = ''
  let delivered = 0
  const channel = child.stdio[CHANNEL_FD] as NodeJS.ReadableStream
  channel.setEncoding('utf8')
  channel.on('data', (chunk: string) => {
    channelText += chunk
    const complete = channelText.lastIndexOf('\n') + 1
    if (complete > delivered) {
      for (const message of decodeMessages(channelText.slice(delivered, complete))) options.onMessage?.(message)
      delivered = complete
    }
  })

  let timedOutAfter: number | undefined
  let cancelledBy: NodeJS.Signals | undefined
  let killTimer: NodeJS.Timeout | undefined

  // libkrun turns SIGINT into Ctrl-C on the guest console; SIGKILL is the only sure stop.
  const stop = (graceMs: number) => {
    child.kill('SIGINT')
    killTimer ??= setTimeout(() => child.kill('SIGKILL'), graceMs)
  }
  const timeoutTimer =
    options.timeoutSeconds === undefined
      ? undefined
      : setTimeout(() => {
          timedOutAfter = options.timeoutSeconds
          stop(TIMEOUT_GRACE_MS)
        }, options.timeoutSeconds * 1000)
  const onSignal = (signal: NodeJS.Signals) => {
    cancelledBy ??= signal
    stop(CANCEL_GRACE_MS)
  }
  process.on('SIGINT', onSignal)
  process.on('SIGTERM', onSignal)

  return new Promise((resolve) => {
    const finish = (exitCode: number | null, signal: NodeJS.Signals | null) => {
      clearTimeout(timeoutTimer)
      clearTimeout(killTimer)
      process.off('SIGINT', onSignal)
      process.off('SIGTERM', onSignal)
      resolve({ messages: decodeMessages(channelText), exitCode, signal, timedOutAfter, cancelledBy })
    }
    child.on('error', (error) => {
      channelText += JSON.stringify({ kind: 'error', message: `cannot start the VM process: ${error.message}` }) + '\n'
      finish(null, null)
    })
    child.on('spawn', () => options.onStart?.(child.pid as number))
    child.on('close', finish)
  })
}
