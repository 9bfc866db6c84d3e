/**
 * What a run came to, decided only from evidence: the VM process's messages, the records
 * the guest init wrote, and why we stopped it. libkrun can exit 0 after a guest kernel
 * panic, so the VM process's own exit code never counts as the guest's.
 */
import os from 'node:os'
import { formatDuration } from '../inputs/parse.js'
import type { GuestRecords } from './guest-records.js'
import type { VmRun } from '../vm-process/vm-launcher.js'

const TIMEOUT_EXIT_CODE = 124

export interface Outcome {
  /** The guest's exit code (124 on timeout); undefined when the commands never ran to an end. */
  exitCode: number | undefined
  timedOut: boolean
  /** One line saying why the step failed; undefined on success. */
  failure: string | undefined
  /** Whether the failure is better understood with libkrun's log. */
  showLog: boolean
}

function signalName(signal: number): string {
  return Object.entries(os.constants.signals).find(([, value]) => value === signal)?.[0] ?? `signal ${signal}`
}

function describeVmExit(run: VmRun): string {
  return run.signal ? `killed by ${run.signal}` : `exit code ${run.exitCode}`
}

const failed = (failure: string, showLog = false, exitCode?: number): Outcome => ({
  exitCode,
  timedOut: false,
  failure,
  showLog
})

/** Facts of the host that explain a missing record. */
export interface HostFacts {
  /** Set when the file system holding the run directory has no room left: how to name it. */
  fullDisk?: string
}

export const TAMPERED = 'the guest tampered with its run records'

export function decideOutcome(run: VmRun, records: GuestRecords, host: HostFacts = {}): Outcome {
  const ready = run.messages.some((message) => message.kind === 'ready')
  const error = run.messages.find((message) => message.kind === 'error')

  // Never the record's contents: the guest chose them, and they could hold anything.
  if (records.tampered !== undefined) return failed(`${TAMPERED} (${records.tampered})`)

  if (run.timedOutAfter !== undefined) {
    return {
      exitCode: TIMEOUT_EXIT_CODE,
      timedOut: true,
      failure: `timed out after ${formatDuration(run.timedOutAfter)}`,
      showLog: false
    }
  }
  if (run.cancelledBy !== undefined) {
    return failed(`cancelled (${run.cancelledBy}); the microVM was stopped`)
  }
  if (!ready) {
    if (error?.kind === 'error') return failed(error.message)
    return failed(`the VM process ended before it configured libkrun (${describeVmExit(run)})`)
  }
  const { status } = records
  if (status) {
    if (status.signal !== undefined) {
      return failed(
        `commands were killed by ${signalName(status.signal)} (exit code ${status.exitCode})`,
        false,
        status.exitCode
      )
    }
    if (status.exitCode !== 0) return failed(`commands exited with code ${status.exitCode}`, false, status.exitCode)
    return { exitCode: 0, timedOut: false, failure: undefined, showLog: false }
  }
  if (error?.kind === 'error') return failed(`libkrun could not start the microVM: ${error.message}`, true)
  if (!records.started) {
    return failed(
      `the microVM did not boot (the VM process ended with ${describeVmExit(run)} before the guest init ran)`,
      true
    )
  }
  if (host.fullDisk !== undefined) {
    // libkrun ends the VM process with the guest init's exit code, which is the workload's.
    const known = run.exitCode !== null && run.signal === null ? run.exitCode : undefined
    const code = known === undefined ? '' : `; the VM process exited with code ${known}`
    return failed(
      `the disk holding ${host.fullDisk} is full: the guest's status could not be recorded${code}`,
      false,
      known
    )
  }
  if (records.initError) return failed(`the guest init failed: ${records.initError}`, true)
  return failed(
    `the microVM stopped before the commands finished (the VM process ended with ${describeVmExit(run)})`,
    true
  )
}
