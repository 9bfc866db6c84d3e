import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { jest } from '@jest/globals'
import { TamperedError, readUntrustedFile, untrustedPathExists } from '../src/engine/guest/untrusted-file.js'
import { testTier } from '../__fixtures__/tiers.js'

let base: string
beforeEach(() => {
  base = fs.mkdtempSync(path.join(os.tmpdir(), 'krun-untrusted-'))
  fs.mkdirSync(path.join(base, 'records'))
})
afterEach(() => fs.rmSync(base, { recursive: true, force: true }))

const read = (name: string, max = 64) => readUntrustedFile(base, `records/${name}`, max)

describe('readUntrustedFile', () => {
  it('reads a small regular file, and undefined for a missing one', () => {
    fs.writeFileSync(path.join(base, 'records/status'), 'exited 3\n')
    expect(read('status')?.toString()).toBe('exited 3\n')
    expect(read('absent')).toBeUndefined()
    expect(readUntrustedFile(base, 'no-dir/status', 64)).toBeUndefined()
  })

  it('refuses a link to a host file, even one that exists', () => {
    const secret = path.join(base, 'secret')
    fs.writeFileSync(secret, 'TOKEN=x')
    fs.symlinkSync(secret, path.join(base, 'records/status'))
    expect(() => read('status')).toThrow(TamperedError)
  })

  it('refuses a link anywhere on the path', () => {
    fs.mkdirSync(path.join(base, 'elsewhere'))
    fs.writeFileSync(path.join(base, 'elsewhere/status'), 'exited 0\n')
    fs.rmSync(path.join(base, 'records'), { recursive: true })
    fs.symlinkSync(path.join(base, 'elsewhere'), path.join(base, 'records'))
    expect(() => read('status')).toThrow(TamperedError)
    expect(() => untrustedPathExists(base, 'records/status')).toThrow(TamperedError)
  })

  it('refuses a FIFO without blocking, and a directory', () => {
    execFileSync('mkfifo', [path.join(base, 'records/status')])
    expect(() => read('status')).toThrow(TamperedError)
    fs.mkdirSync(path.join(base, 'records/dir'))
    expect(() => read('dir')).toThrow(TamperedError)
  })

  it('refuses a device and anything over the cap', () => {
    fs.symlinkSync('/dev/zero', path.join(base, 'records/zero'))
    expect(() => read('zero')).toThrow(TamperedError)
    fs.writeFileSync(path.join(base, 'records/big'), Buffer.alloc(65))
    expect(() => read('big')).toThrow(TamperedError)
    fs.writeFileSync(path.join(base, 'records/fits'), Buffer.alloc(64))
    expect(read('fits')).toHaveLength(64)
  })

  // A real device node the guest could leave (as root in the guest it can mknod): never opened.
  testTier('root', 'refuses a device node without opening it', () => {
    const device = path.join(base, 'records/status')
    execFileSync('mknod', [device, 'c', '1', '5'])
    const open = jest.spyOn(fs, 'openSync')
    try {
      expect(() => read('status')).toThrow(TamperedError)
      expect(open.mock.calls.filter(([file]) => file === device)).toEqual([])
    } finally {
      open.mockRestore()
    }
  })

  it('tells whether a path exists without following its last link', () => {
    fs.symlinkSync('/nonexistent', path.join(base, 'records/dangling'))
    expect(untrustedPathExists(base, 'records/dangling')).toBe(true)
    expect(untrustedPathExists(base, 'records/absent')).toBe(false)
  })
})
