/** Workspaces the kernel owns: /proc, /sys, /dev, and pseudo file systems mounted elsewhere. */
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { context } from '../__fixtures__/inputs.js'
import { testTier } from '../__fixtures__/tiers.js'
import { parseWorkspace } from '../src/engine/inputs/host-paths.js'
import { pseudoFileSystem } from '../src/engine/inputs/pseudo-fs.js'

let scratch: string
beforeEach(() => {
  scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'krun-pseudo-fs-'))
})
afterEach(() => fs.rmSync(scratch, { recursive: true, force: true }))

describe('pseudoFileSystem', () => {
  it.each([
    ['/proc', 'under /proc'],
    [`/proc/${process.pid}`, 'under /proc'],
    ['/sys/kernel', 'under /sys'],
    ['/dev', 'under /dev'],
    ['/dev/shm', 'under /dev']
  ])('says %s is %s', (dir, where) => {
    expect(pseudoFileSystem(dir)).toBe(where)
  })

  it('passes a directory on a disk, and one that is not there', () => {
    expect(pseudoFileSystem(scratch)).toBeUndefined()
    expect(pseudoFileSystem(path.join(scratch, 'missing'))).toBeUndefined()
  })

  testTier('root', 'finds a pseudo file system mounted elsewhere by its type', () => {
    const mount = path.join(scratch, 'proc')
    fs.mkdirSync(mount)
    execFileSync('mount', ['-t', 'proc', 'proc', mount])
    try {
      expect(pseudoFileSystem(mount)).toBe('on a proc file system')
      expect(pseudoFileSystem(path.join(mount, 'self'))).toBe('on a proc file system')
    } finally {
      execFileSync('umount', [mount])
    }
  })
})

describe('the workspace input', () => {
  it('refuses /proc/self, a link to it and /dev/shm in one line naming workspace', () => {
    const link = path.join(scratch, 'to-proc')
    fs.symlinkSync('/proc/self', link)
    const parse = (raw: string) => () => parseWorkspace(raw, context({ cwd: scratch }))
    expect(parse('/proc/self')).toThrow(
      'workspace: "/proc/self" is under /proc, a pseudo file system of the host; name a project directory, or none'
    )
    expect(parse(link)).toThrow(`workspace: "${link}" is under /proc, a pseudo file system of the host`)
    expect(parse('/dev/shm')).toThrow('workspace: "/dev/shm" is under /dev, a pseudo file system of the host')
    expect(parse(scratch)()).toBe(fs.realpathSync(scratch))
  })
})
