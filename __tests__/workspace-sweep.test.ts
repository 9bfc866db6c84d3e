/**
 * What the guest left in the workspace: device nodes and set-ID bits the run made or changed go,
 * what was there before stays, links are never followed, and the walk is bounded.
 */
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { testTier } from '../__fixtures__/tiers.js'
import { mountTmpfs } from '../__fixtures__/tmpfs.js'
import {
  type WorkspaceSweep,
  changeStamp,
  changedSince,
  sweepLine,
  sweepWarnings,
  sweepWorkspace
} from '../src/engine/guest/workspace-sweep.js'

let scratch: string
let workspace: string
beforeEach(() => {
  scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'krun-sweep-'))
  fs.chmodSync(scratch, 0o755)
  workspace = path.join(scratch, 'workspace')
  fs.mkdirSync(workspace)
})
afterEach(() => fs.rmSync(scratch, { recursive: true, force: true }))

const modeOf = (file: string): number => fs.lstatSync(file).mode & 0o7777
const ctimeOf = (file: string): bigint => fs.lstatSync(file, { bigint: true }).ctimeNs

/** A run's start after `before` were made: a file's ctime that is later than all of theirs (a clock tick is a few ms). */
function startAfter(before: string[]): bigint {
  const marker = path.join(scratch, 'start')
  const latest = before.map(ctimeOf).reduce((a, b) => (a > b ? a : b), 0n)
  do fs.writeFileSync(marker, '')
  while (ctimeOf(marker) <= latest)
  return changeStamp(marker)
}

function executable(file: string, mode: number): string {
  fs.mkdirSync(path.dirname(file), { recursive: true })
  fs.writeFileSync(file, '#!/bin/sh\n')
  fs.chmodSync(file, mode)
  return file
}

const NOTHING: WorkspaceSweep = {
  devicesRemoved: 0,
  setIdCleared: 0,
  failures: [],
  failureCount: 0,
  stoppedAfter: undefined
}

describe('changedSince', () => {
  const since = 1_700_000_000_123_456_789n
  it.each([
    ['at the start', since, true],
    ['after it', since + 1n, true],
    ['just before it, to the nanosecond', since - 1n, false],
    ['in its second, on a file system that keeps whole seconds', 1_700_000_000_000_000_000n, true],
    ['a second before, on such a file system', 1_699_999_999_000_000_000n, false]
  ])('a change %s (ctime %p) counts: %p', (_when, ctime, changed) => {
    expect(changedSince(ctime, since)).toBe(changed)
  })
})

describe('sweepWorkspace', () => {
  it('clears set-ID bits on the files the run made or changed, and only there', () => {
    const own = executable(path.join(workspace, 'own-setuid'), 0o4755)
    const plain = executable(path.join(workspace, 'plain'), 0o755)
    const since = startAfter([own, plain])
    const suid = executable(path.join(workspace, 'a/b/suid'), 0o4711)
    const sgid = executable(path.join(workspace, 'sgid'), 0o2750)
    const sticky = executable(path.join(workspace, 'sticky-suid'), 0o5755)
    fs.chmodSync(plain, 0o6755)
    fs.mkdirSync(path.join(workspace, 'setgid-dir'), { mode: 0o2775 })
    fs.chmodSync(path.join(workspace, 'setgid-dir'), 0o2775)
    expect(sweepWorkspace(workspace, since)).toEqual({ ...NOTHING, setIdCleared: 4 })
    expect([suid, sgid, sticky, plain, own].map(modeOf)).toEqual([0o711, 0o750, 0o1755, 0o755, 0o4755])
    expect(modeOf(path.join(workspace, 'setgid-dir'))).toBe(0o2775)
  })

  it('never follows a link, to a file or to a directory outside', () => {
    const outside = path.join(scratch, 'outside')
    const since = startAfter([])
    const target = executable(path.join(outside, 'suid'), 0o4755)
    fs.symlinkSync(outside, path.join(workspace, 'out'))
    fs.symlinkSync(target, path.join(workspace, 'suid-link'))
    expect(sweepWorkspace(workspace, since)).toEqual(NOTHING)
    expect(modeOf(target)).toBe(0o4755)
  })

  testTier('root', 'removes the device nodes the run made, and only those', () => {
    const own = path.join(workspace, 'own-null')
    execFileSync('mknod', [own, 'c', '1', '3'])
    const since = startAfter([own])
    execFileSync('mknod', ['-m', '666', path.join(workspace, 'disk'), 'b', '7', '0'])
    fs.mkdirSync(path.join(workspace, 'deep/er'), { recursive: true })
    execFileSync('mknod', [path.join(workspace, 'deep/er/tty'), 'c', '5', '0'])
    execFileSync('mkfifo', [path.join(workspace, 'fifo')])
    expect(sweepWorkspace(workspace, since)).toEqual({ ...NOTHING, devicesRemoved: 2 })
    expect(fs.readdirSync(workspace).sort()).toEqual(['deep', 'fifo', 'own-null'])
    expect(fs.readdirSync(path.join(workspace, 'deep/er'))).toEqual([])
  })

  testTier('root', 'leaves another file system mounted inside the workspace alone', () => {
    const mounted = path.join(workspace, 'mounted')
    const unmount = mountTmpfs(mounted, '1m')
    try {
      const since = startAfter([])
      const suid = executable(path.join(mounted, 'suid'), 0o4755)
      expect(sweepWorkspace(workspace, since)).toEqual(NOTHING)
      expect(modeOf(suid)).toBe(0o4755)
    } finally {
      unmount()
    }
  })

  it('stops after its bound of entries, and says so', () => {
    const since = startAfter([])
    for (let i = 0; i < 5; i++) executable(path.join(workspace, `f${i}`), 0o755)
    const sweep = sweepWorkspace(workspace, since, 3)
    expect(sweep.stoppedAfter).toBe(3)
    expect(sweepWarnings(sweep)).toEqual([
      'the workspace check stopped after 3 entries; the rest was not checked for device nodes or set-ID files the guest left'
    ])
  })

  it('names what it could not read, and goes on with the rest', () => {
    // Root reads any directory: act as nobody (effective ids only, so root comes back).
    const root = process.getuid?.() === 0
    const since = startAfter([])
    const locked = path.join(workspace, 'locked\u202e')
    fs.mkdirSync(locked)
    const suid = executable(path.join(workspace, 'suid'), 0o4755)
    if (root) {
      fs.chownSync(suid, 65534, 65534)
      fs.chmodSync(suid, 0o4755)
    }
    fs.chmodSync(locked, 0o000)
    let sweep: WorkspaceSweep
    if (root) process.seteuid?.(65534)
    try {
      sweep = sweepWorkspace(workspace, since)
    } finally {
      if (root) process.seteuid?.(0)
      fs.chmodSync(locked, 0o755)
    }
    expect(sweep).toEqual({ ...NOTHING, setIdCleared: 1, failures: ['locked\\u202e (EACCES)'], failureCount: 1 })
    expect(modeOf(suid)).toBe(0o755)
    expect(sweepWarnings(sweep)).toEqual([
      'could not check or clean 1 entry of the workspace: locked\\u202e (EACCES); device nodes or set-ID files the guest left there may remain'
    ])
  })
})

describe('what is said about it', () => {
  it('is one line counting what was removed and cleared, and nothing when there was nothing', () => {
    expect(sweepLine(NOTHING)).toBeUndefined()
    expect(sweepLine({ ...NOTHING, devicesRemoved: 1 })).toBe('the guest left 1 device node (removed) in the workspace')
    expect(sweepLine({ ...NOTHING, devicesRemoved: 2, setIdCleared: 1 })).toBe(
      'the guest left 2 device nodes (removed) and 1 file with set-user-ID or set-group-ID bits (cleared) in the workspace'
    )
  })

  it('names the first entries it could not deal with and counts the rest', () => {
    const sweep = { ...NOTHING, failures: ['a (EPERM)', 'b (EPERM)', 'c (EACCES)'], failureCount: 5 }
    expect(sweepWarnings(sweep)).toEqual([
      'could not check or clean 5 entries of the workspace: a (EPERM), b (EPERM), c (EACCES) and 2 more; device nodes or set-ID files the guest left there may remain'
    ])
  })
})
