/**
 * The early start: a VM process started before the action has read its inputs, waiting on
 * its channel. It is started only when the environment names libkrun, fits only a run
 * with a libkrun in the same directory, and leaves nothing behind when discarded.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { DIST, processesWith } from '../__fixtures__/action-runner.js'
import { discardEarly, fitsRun, startEarly } from '../src/engine/early-start.js'

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
    await new Promise((resolve) => setTimeout(resolve, 300))
    // Still waiting: it reads nothing, not even its configuration, before the go-ahead.
    expect(processesWith(early.layout.dir)).toHaveLength(1)
    const warnings: string[] = []
    await discardEarly(early, (message) => warnings.push(message))
    expect(processesWith(early.layout.dir)).toEqual([])
    expect(fs.readdirSync(temp)).toEqual([])
    expect(warnings).toEqual([])
  })

  it('fits a run only with a libkrun in the same directory, fenced output, and never an interactive one', async () => {
    const early = startEarly({ INPUT_LIBKRUN: '/opt/krun/libkrun.so.1' }, temp, DIST, temp)
    if (!early) throw new Error('expected an early start')
    try {
      expect(fitsRun(early, '/opt/krun/libkrun.so.1.19.0', false, true)).toBe(true)
      expect(fitsRun(early, '/usr/lib64/libkrun.so.1', false, true)).toBe(false)
      expect(fitsRun(early, '/opt/krun/libkrun.so.1', true, true)).toBe(false)
      expect(fitsRun(early, '/opt/krun/libkrun.so.1', false, false)).toBe(false)
    } finally {
      await discardEarly(early, (message) => {
        throw new Error(`unexpected warning: ${message}`)
      })
    }
  })
})
