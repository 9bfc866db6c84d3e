/**
 * The early start: a VM process started before the action has read its inputs, waiting on
 * its channel. It is started only when the environment names libkrun, fits only a run
 * with a libkrun in the same directory, and leaves nothing behind when discarded.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { DIST, processesWith, waitFor } from '../__fixtures__/action-runner.js'
import { discardEarly, fitsRun, startEarly } from '../src/engine/vm-process/early-start.js'
import { CHANNEL_FD } from '../src/engine/vm-process/vm-protocol.js'

/** The read system call's number as /proc/<pid>/syscall shows it, on the architectures the action runs on. */
const READ_SYSCALL: Partial<Record<string, number>> = { x64: 0, arm64: 63 }

/** Whether process `pid` is blocked in a read of its file descriptor `fd`. */
function blockedReading(pid: number, fd: number): boolean {
  try {
    const [call, firstArgument] = fs.readFileSync(`/proc/${pid}/syscall`, 'utf8').split(' ')
    return Number(call) === READ_SYSCALL[process.arch] && Number(firstArgument) === fd
  } catch {
    return false // gone, or not stopped in a system call
  }
}

let temp: string
beforeEach(() => {
  temp = fs.mkdtempSync(path.join(os.tmpdir(), 'krun-early-'))
})
afterEach(() => fs.rmSync(temp, { recursive: true, force: true }))

describe('startEarly', () => {
  it('starts nothing when the environment does not name libkrun', () => {
    expect(startEarly({ INPUT_LIBKRUN: '  ' }, temp, DIST, temp)).toBeUndefined()
    expect(fs.readdirSync(temp)).toEqual([])
  })

  it('starts a VM process that waits for its go-ahead, and discards it without a trace', async () => {
    const early = startEarly({ KRUN_LIBRARY: 'lib/libkrun.so.1', PATH: process.env.PATH }, temp, DIST, temp)
    expect(early).toBeDefined()
    if (!early) return
    expect(early.vm.start.libkrun).toBe(path.join(temp, 'lib/libkrun.so.1'))
    expect(fs.readdirSync(temp)).toEqual([path.basename(early.layout.dir)])
    // Waiting: it gets to a read of its channel. It has read nothing before, not even its configuration,
    // which is not written yet: reading it would have ended the process.
    await waitFor(() => processesWith(early.layout.dir).some((pid) => blockedReading(pid, CHANNEL_FD)))
    expect(fs.existsSync(early.layout.vmConfigFile)).toBe(false)
    // The VM process, and the supervisor of its network guard (network public, the default).
    expect(processesWith(early.layout.dir)).toHaveLength(2)
    expect(early.vm.start.guard).toBeDefined()
    const warnings: string[] = []
    await discardEarly(early, (message) => warnings.push(message))
    // The supervisor is killed as its parent ends.
    await waitFor(() => processesWith(early.layout.dir).length === 0)
    expect(fs.readdirSync(temp)).toEqual([])
    expect(warnings).toEqual([])
  })

  it('fits a run only with a libkrun in the same directory, fenced output, and never an interactive one', async () => {
    const early = startEarly({ INPUT_LIBKRUN: '/opt/krun/libkrun.so.1' }, temp, DIST, temp)
    if (!early) throw new Error('expected an early start')
    try {
      expect(fitsRun(early, '/opt/krun/libkrun.so.1.19.0', false, true, true)).toBe(true)
      expect(fitsRun(early, '/usr/lib64/libkrun.so.1', false, true, true)).toBe(false)
      expect(fitsRun(early, '/opt/krun/libkrun.so.1', true, true, true)).toBe(false)
      expect(fitsRun(early, '/opt/krun/libkrun.so.1', false, false, true)).toBe(false)
      // Started under the guard (network public, the default): no run with network tsi or none.
      expect(fitsRun(early, '/opt/krun/libkrun.so.1', false, true, false)).toBe(false)
    } finally {
      await discardEarly(early, (message) => {
        throw new Error(`unexpected warning: ${message}`)
      })
    }
  })

  it('starts for a libkrun URL only when the cache already has its archive, and then loads it from there', async () => {
    const sha256 = 'ab'.repeat(32)
    const url = `https://example.com/libkrun.tar.gz#sha256=${sha256}`
    const env = { INPUT_LIBKRUN: url, RUNNER_TOOL_CACHE: path.join(temp, 'tools'), PATH: process.env.PATH }
    expect(startEarly(env, temp, DIST, temp)).toBeUndefined()
    expect(
      startEarly({ ...env, INPUT_LIBKRUN: 'https://example.com/libkrun.tar.gz' }, temp, DIST, temp)
    ).toBeUndefined()
    const lib = path.join(temp, 'tools', 'krun-action', 'libkrun', sha256, 'lib64')
    fs.mkdirSync(lib, { recursive: true })
    fs.writeFileSync(path.join(lib, 'libkrun.so.1'), '')
    const early = startEarly(env, temp, DIST, temp)
    if (!early) throw new Error('expected an early start')
    try {
      expect(early.vm.start.libkrun).toBe(path.join(lib, 'libkrun.so.1'))
    } finally {
      await discardEarly(early, (message) => {
        throw new Error(`unexpected warning: ${message}`)
      })
    }
  })
})
