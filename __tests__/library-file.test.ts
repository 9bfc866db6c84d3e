import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { STANDIN } from '../__fixtures__/action-runner.js'
import { libraryProblem } from '../src/engine/host/host-checks.js'

const libc = fs.readFileSync('/proc/self/maps', 'utf8').match(/\/\S*libc\.so\.6/)?.[0] as string

describe('libraryProblem', () => {
  let dir: string
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'library-'))
  })
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }))

  it('accepts the stand-in libkrun, also through a versioned link', () => {
    expect(libraryProblem(STANDIN)).toBeUndefined()
    const link = path.join(dir, 'libkrun.so.1')
    fs.symlinkSync(STANDIN, link)
    expect(libraryProblem(link)).toBeUndefined()
  })

  it('refuses a FIFO without opening it', () => {
    const fifo = path.join(dir, 'fifo')
    execFileSync('mkfifo', [fifo])
    expect(libraryProblem(fifo)).toBe('is not a regular file')
  })

  it('refuses a directory, a device and a missing file', () => {
    expect(libraryProblem(dir)).toBe('is not a regular file')
    expect(libraryProblem('/dev/zero')).toBe('is not a regular file')
    expect(libraryProblem(path.join(dir, 'missing'))).toBe('does not exist or cannot be read')
  })

  it('refuses libc by its soname', () => {
    expect(libraryProblem(libc)).toBe('is not libkrun (its soname is "libc.so.6")')
  })

  it('refuses a position-independent executable', () => {
    expect(libraryProblem(process.execPath)).toMatch(/^is (an executable, not a shared library|not a shared library)$/)
    expect(libraryProblem(fs.realpathSync('/bin/ls'))).toBe('is an executable, not a shared library')
  })

  it('refuses a truncated library and one that is not ELF', () => {
    const truncated = path.join(dir, 'truncated.so')
    fs.writeFileSync(truncated, fs.readFileSync(STANDIN).subarray(0, 4096))
    expect(libraryProblem(truncated)).toBe('is truncated')
    const text = path.join(dir, 'text.so')
    fs.writeFileSync(text, 'not a library')
    expect(libraryProblem(text)).toBe('is not a shared library')
  })
})
