import { TAMPERED, decideOutcome } from '../src/engine/guest/outcome.js'
import type { VmRun } from '../src/engine/vm-process/vm-launcher.js'
import { type GuestRecords, parseStatusRecord } from '../src/engine/guest/guest-records.js'

const ready: VmRun = {
  messages: [{ kind: 'ready' }],
  exitCode: 0,
  signal: null,
  timedOutAfter: undefined,
  cancelledBy: undefined
}
const records = (status?: string, started = true, initError?: string): GuestRecords => ({
  started,
  status: status === undefined ? undefined : parseStatusRecord(Buffer.from(status.padEnd(31) + '\n')),
  initError
})

describe('decideOutcome', () => {
  it.each([0, 1, 7, 255])('reports exit code %p exactly', (code) => {
    const outcome = decideOutcome({ ...ready, exitCode: code }, records(`exited ${code}`))
    expect(outcome.exitCode).toBe(code)
    expect(outcome.failure).toBe(code === 0 ? undefined : `commands exited with code ${code}`)
  })

  it('names the signal that killed the commands', () => {
    expect(decideOutcome(ready, records('killed 9'))).toMatchObject({
      exitCode: 137,
      failure: 'commands were killed by SIGKILL (exit code 137)'
    })
  })

  it('trusts the record, not the VM process: exit 0 without a record is a boot failure', () => {
    const outcome = decideOutcome(ready, records(undefined, false))
    expect(outcome.exitCode).toBeUndefined()
    expect(outcome.failure).toMatch(/^the microVM did not boot/)
    expect(outcome.showLog).toBe(true)
  })

  it('reports the init error when the init started but could not run the commands', () => {
    const outcome = decideOutcome(
      { ...ready, exitCode: 125 },
      records(undefined, true, 'krun-init: mount krun-base on /.krun/lower: No such device')
    )
    expect(outcome.failure).toBe('the guest init failed: krun-init: mount krun-base on /.krun/lower: No such device')
  })

  it('reports a configuration error as a message, never as an exit code', () => {
    const run: VmRun = {
      ...ready,
      exitCode: 125,
      messages: [{ kind: 'error', message: 'krun_set_root failed: No such file or directory (ENOENT)' }]
    }
    expect(decideOutcome(run, records(undefined, false))).toEqual({
      exitCode: undefined,
      timedOut: false,
      failure: 'krun_set_root failed: No such file or directory (ENOENT)',
      showLog: false
    })
  })

  it('reports a timeout as exit code 124', () => {
    expect(decideOutcome({ ...ready, timedOutAfter: 600 }, records(undefined))).toEqual({
      exitCode: 124,
      timedOut: true,
      failure: 'timed out after 10m',
      showLog: false
    })
  })

  it('reports a cancellation', () => {
    expect(decideOutcome({ ...ready, cancelledBy: 'SIGTERM' }, records('killed 2')).failure).toBe(
      'cancelled (SIGTERM); the microVM was stopped'
    )
  })

  it('reports a VM process that died before saying anything', () => {
    expect(decideOutcome({ ...ready, messages: [], exitCode: null, signal: 'SIGABRT' }, records()).failure).toBe(
      'the VM process ended before it configured libkrun (killed by SIGABRT)'
    )
  })
})

describe('decideOutcome with a hostile or full run directory', () => {
  it('fails with the tampering line and never the record', () => {
    expect(decideOutcome(ready, { tampered: '.krun/status' })).toEqual({
      exitCode: undefined,
      timedOut: false,
      failure: `${TAMPERED} (.krun/status)`,
      showLog: false
    })
  })

  it('says the disk is full, with the exit code the VM process ended with', () => {
    const outcome = decideOutcome({ ...ready, exitCode: 3 }, records(undefined), { fullDisk: 'RUNNER_TEMP (/t)' })
    expect(outcome).toMatchObject({
      exitCode: 3,
      failure:
        "the disk holding RUNNER_TEMP (/t) is full: the guest's status could not be recorded; the VM process exited with code 3"
    })
  })

  it('says the disk is full without an exit code when the VM process was killed', () => {
    const outcome = decideOutcome({ ...ready, exitCode: null, signal: 'SIGKILL' }, records('running'), {
      fullDisk: 'RUNNER_TEMP (/t)'
    })
    expect(outcome.exitCode).toBeUndefined()
    expect(outcome.failure).toBe("the disk holding RUNNER_TEMP (/t) is full: the guest's status could not be recorded")
  })

  it('prefers a status that was recorded over a full disk', () => {
    expect(decideOutcome(ready, records('exited 0'), { fullDisk: 'x' }).failure).toBeUndefined()
  })
})
