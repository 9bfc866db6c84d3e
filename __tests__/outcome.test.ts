import { decideOutcome, parseStatus } from '../src/engine/outcome.js'
import type { VmRun } from '../src/engine/vm-launcher.js'
import type { GuestRecords } from '../src/engine/run-dir.js'

const ready: VmRun = {
  messages: [{ kind: 'ready' }],
  exitCode: 0,
  signal: null,
  timedOutAfter: undefined,
  cancelledBy: undefined
}
const records = (status?: string, started = true, initError?: string): GuestRecords => ({ started, status, initError })

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

describe('parseStatus', () => {
  it('reads the init record and nothing else', () => {
    expect(parseStatus('exited 3')).toEqual({ exitCode: 3 })
    expect(parseStatus('killed 15')).toEqual({ exitCode: 143, signal: 15 })
    expect(parseStatus('garbage')).toBeUndefined()
  })
})
