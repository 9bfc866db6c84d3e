import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { parseStatusRecord, readGuestRecords, sanitizeInitError } from '../src/engine/guest/guest-records.js'

/** A status record as the init writes it. */
const statusRecord = (text: string) => Buffer.from(text.padEnd(31) + '\n', 'latin1')

describe('parseStatusRecord', () => {
  it('reads the padded fixed-size record and the short one', () => {
    expect(parseStatusRecord(statusRecord('exited 3'))).toEqual({ exitCode: 3 })
    expect(parseStatusRecord(statusRecord('killed 15'))).toEqual({ exitCode: 143, signal: 15 })
    expect(parseStatusRecord(statusRecord('exited 255'))).toEqual({ exitCode: 255 })
    expect(parseStatusRecord(statusRecord('running'))).toBeUndefined()
  })

  it.each(['exited 3\n', 'exited 3'.padEnd(32), 'exited 3'.padEnd(32) + '\n', 'exited 3\n'.padEnd(32)])(
    'refuses a record of another layout %p',
    (text) => {
      expect(() => parseStatusRecord(Buffer.from(text))).toThrow()
    }
  )

  it.each([
    '',
    'garbage',
    'exited 256',
    'exited 03',
    'exited -1',
    ' exited 1',
    'exited  1',
    'exited 1\nx',
    'killed 0',
    'exited 1\t'
  ])('refuses %p', (text) => {
    expect(() => parseStatusRecord(statusRecord(text))).toThrow()
  })
})

describe('sanitizeInitError', () => {
  it('keeps one visible line, capped', () => {
    expect(sanitizeInitError(Buffer.from('krun-init: mount x: No such device\nsecond line\n'))).toBe(
      'krun-init: mount x: No such device'
    )
    expect(sanitizeInitError(Buffer.from('a\x1b[31mb\xffc'))).toBe('a\\x1b[31mbÿc')
    expect(sanitizeInitError(Buffer.from('x'.repeat(500)))).toBe('x'.repeat(200) + '…')
    expect(sanitizeInitError(Buffer.from('\n'))).toBeUndefined()
  })
})

describe('readGuestRecords', () => {
  let root: string
  beforeEach(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'records-'))
    fs.mkdirSync(path.join(root, '.krun'))
  })
  afterEach(() => fs.rmSync(root, { recursive: true, force: true }))

  const write = (name: string, text: string) => fs.writeFileSync(path.join(root, '.krun', name), text)

  it('reads what the init wrote', () => {
    write('started', '')
    fs.writeFileSync(path.join(root, '.krun', 'status'), statusRecord('exited 7'))
    expect(readGuestRecords(root)).toEqual({ started: true, status: { exitCode: 7 }, initError: undefined })
  })

  it('reports a boot that never happened', () => {
    expect(readGuestRecords(root)).toEqual({ started: false, status: undefined, initError: undefined })
  })

  it('names the record that was tampered with', () => {
    write('started', '')
    fs.symlinkSync('/proc/self/environ', path.join(root, '.krun', 'init-error'))
    expect(readGuestRecords(root)).toEqual({ tampered: '.krun/init-error' })
  })

  it('calls a status in another format tampering', () => {
    write('status', 'exited 1; TOKEN=abc'.padEnd(31) + '\n')
    expect(readGuestRecords(root)).toEqual({ tampered: '.krun/status' })
  })

  it('refuses a records directory that is a link', () => {
    fs.rmSync(path.join(root, '.krun'), { recursive: true })
    fs.symlinkSync(os.tmpdir(), path.join(root, '.krun'))
    expect(readGuestRecords(root)).toHaveProperty('tampered')
  })
})
