/** Making unpacked files on the thread pool: complete, finished after, bounded, in order per path, failures kept. */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { FileWrites, MAX_FILES_IN_FLIGHT } from '../src/image/file-writes.js'

let base: string

beforeEach(() => {
  base = fs.mkdtempSync(path.join(os.tmpdir(), 'file-writes-'))
})
afterEach(() => fs.rmSync(base, { recursive: true, force: true }))

test('every file is made with its mode and gets all its bytes before its finishing step, which closes it', async () => {
  const umask = process.umask(0o022) // (read by setting it, then put back)
  process.umask(umask)
  const writes = new FileWrites()
  const finished: string[] = []
  const sizes = [0, 1, 4096, 100_000, 1_000_000]
  for (const size of sizes) {
    const file = path.join(base, `f${size}`)
    await writes.create(file, 0o640, Buffer.alloc(size, size % 251), (fd) => {
      expect(fs.fstatSync(fd).size).toBe(size)
      fs.closeSync(fd)
      finished.push(file)
    })
  }
  await writes.drain()
  expect(finished.sort()).toEqual(sizes.map((size) => path.join(base, `f${size}`)).sort())
  for (const size of sizes) {
    const file = path.join(base, `f${size}`)
    expect(fs.readFileSync(file)).toEqual(Buffer.alloc(size, size % 251))
    expect(fs.statSync(file).mode & 0o777).toBe(0o640 & ~umask)
  }
})

test('no more files are in flight than the cap, however many are handed over', async () => {
  const writes = new FileWrites()
  let accepted = 0
  let finished = 0
  let most = 0
  for (let i = 0; i < MAX_FILES_IN_FLIGHT * 3; i++) {
    await writes.create(path.join(base, `f${i}`), 0o644, Buffer.alloc(10_000, 1), (fd) => {
      fs.closeSync(fd)
      finished++
    })
    accepted++
    most = Math.max(most, accepted - finished)
  }
  await writes.drain()
  expect(finished).toBe(MAX_FILES_IN_FLIGHT * 3)
  expect(most).toBeLessThanOrEqual(MAX_FILES_IN_FLIGHT)
  expect(most).toBeGreaterThan(1) // they did overlap
})

test('done(file) waits until that file is made and finished', async () => {
  const writes = new FileWrites()
  const file = path.join(base, 'f')
  let finished = false
  await writes.create(file, 0o644, Buffer.from('abc'), (fd) => {
    fs.closeSync(fd)
    finished = true
  })
  await writes.done(file)
  expect(finished).toBe(true)
  expect(fs.readFileSync(file, 'utf8')).toBe('abc')
  await writes.done(path.join(base, 'never handed over')) // nothing to wait for
})

/** What stands at `file`, in words. */
function standing(file: string): string {
  const stat = fs.lstatSync(file, { throwIfNoEntry: false })
  if (!stat) return 'nothing'
  return stat.isSymbolicLink() ? `a link to ${fs.readlinkSync(file)}` : `a file: ${fs.readFileSync(file, 'utf8')}`
}

test('a file that cannot be made fails what comes next, never opens what stands at its path, leaves nothing open', async () => {
  const openBefore = fs.readdirSync('/proc/self/fd').length
  for (const [setUp, code, left] of [
    [() => fs.writeFileSync(path.join(base, 'f'), 'there'), 'EEXIST', 'a file: there'],
    [() => fs.symlinkSync('/dev/full', path.join(base, 'f')), 'EEXIST', 'a link to /dev/full'], // never followed
    [() => undefined, 'ENOENT', 'nothing'] // its directory is missing
  ] as const) {
    fs.rmSync(path.join(base, 'f'), { force: true })
    setUp()
    const writes = new FileWrites()
    let finished = false
    const file = code === 'ENOENT' ? path.join(base, 'missing', 'f') : path.join(base, 'f')
    await writes.create(file, 0o644, Buffer.from('new'), () => {
      finished = true
    })
    await expect(writes.drain()).rejects.toMatchObject({ code })
    expect(finished).toBe(false)
    const later = path.join(base, 'later')
    await expect(writes.create(later, 0o644, Buffer.from('x'), () => undefined)).rejects.toMatchObject({ code })
    expect(fs.existsSync(later)).toBe(false)
    expect(standing(file)).toBe(left)
  }
  expect(fs.readdirSync('/proc/self/fd').length).toBe(openBefore)
})

test('a finishing step that throws fails the writes; settle() waits without throwing', async () => {
  const writes = new FileWrites()
  await writes.create(path.join(base, 'f'), 0o644, Buffer.from('abc'), (fd) => {
    fs.closeSync(fd)
    throw new Error('could not set the mtime')
  })
  await writes.settle()
  await expect(writes.drain()).rejects.toThrow('could not set the mtime')
})
