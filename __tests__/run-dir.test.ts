/**
 * The private run directory: libkrun's log read back like any file the guest could reach,
 * and removal that a hostile guest cannot stop by leaving a directory nobody may enter.
 */
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { testTier } from '../__fixtures__/tiers.js'
import { logTail, removeRunDir, runLayout } from '../src/engine/guest/run-dir.js'

let temp: string
beforeEach(() => {
  temp = fs.mkdtempSync(path.join(os.tmpdir(), 'krun-run-dir-'))
  fs.chmodSync(temp, 0o777)
})
afterEach(() => fs.rmSync(temp, { recursive: true, force: true }))

/** Root ignores mode bits: as root, act as nobody (effective ids only, so root comes back). */
async function asUnprivileged<T>(action: () => Promise<T>): Promise<T> {
  if (process.getuid?.() !== 0) return action()
  process.setegid?.(65534)
  process.seteuid?.(65534)
  try {
    return await action()
  } finally {
    process.seteuid?.(0)
    process.setegid?.(0)
  }
}

describe('removeRunDir', () => {
  it('removes a run directory where the guest left a directory nobody may enter', async () => {
    const dir = path.join(temp, 'krun-action-run')
    const warnings: string[] = []
    await asUnprivileged(async () => {
      // What a guest does in its root share: a directory with a file in it, then chmod 000.
      const locked = path.join(dir, 'root', 'locked', 'deeper')
      fs.mkdirSync(locked, { recursive: true })
      fs.writeFileSync(path.join(locked, 'file'), 'x')
      fs.chmodSync(locked, 0o000)
      fs.chmodSync(path.dirname(locked), 0o000)
      await removeRunDir(dir, (message) => warnings.push(message))
    })
    expect(fs.readdirSync(temp)).toEqual([])
    expect(warnings).toEqual([])
  })

  testTier('root', 'names the entry that cannot be removed and its errno, having removed the rest', async () => {
    const dir = path.join(temp, 'krun-action-run')
    const stuck = path.join(dir, 'root', 'a', 'stuck\u202e')
    fs.mkdirSync(path.dirname(stuck), { recursive: true })
    fs.writeFileSync(path.join(dir, 'root', 'a', 'other'), 'x')
    fs.writeFileSync(path.join(dir, 'root', 'z'), 'x')
    fs.writeFileSync(stuck, 'x')
    execFileSync('chattr', ['+i', stuck])
    const warnings: string[] = []
    try {
      await removeRunDir(dir, (message) => warnings.push(message))
      expect(warnings).toEqual([
        `cannot remove the run directory ${dir} (EPERM on root/a/stuck\\u202e); it holds the run's environment values: remove it`
      ])
      expect(fs.readdirSync(path.join(dir, 'root', 'a'))).toEqual(['stuck\u202e'])
      expect(fs.readdirSync(path.join(dir, 'root'))).toEqual(['a'])
    } finally {
      execFileSync('chattr', ['-i', stuck])
    }
  })
})

describe('logTail', () => {
  const layout = () => runLayout(temp)

  it('shows the last lines of the log', () => {
    const lines = Array.from({ length: 30 }, (_, i) => `line ${i + 1}`)
    fs.writeFileSync(layout().logFile, `${lines.join('\n')}\n`)
    expect(logTail(layout())).toBe(lines.slice(-20).join('\n'))
    expect(logTail(layout(), 2)).toBe('line 29\nline 30')
  })

  it('is empty without a log', () => {
    expect(logTail(layout())).toBe('')
  })

  it('never follows a link in place of the log, nor reads one past its cap', () => {
    const secret = path.join(temp, 'secret')
    fs.writeFileSync(secret, 'TOKEN=hunter2\n')
    fs.symlinkSync(secret, layout().logFile)
    expect(logTail(layout())).toBe('(not shown: libkrun.log is not a regular file of the expected size)')
    fs.rmSync(layout().logFile)
    fs.writeFileSync(layout().logFile, Buffer.alloc(1024 * 1024 + 1, 'a'))
    expect(logTail(layout())).toBe('(not shown: libkrun.log is not a regular file of the expected size)')
  })
})
