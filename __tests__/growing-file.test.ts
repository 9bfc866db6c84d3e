/**
 * Reading a blob while it downloads: the reader waits for bytes, survives a restart, fails with the
 * download, and hashes exactly what it handed out.
 */
import { createHash } from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { waitFor } from '../__fixtures__/action-runner.js'
import { downloadBlob } from '../src/image/blob.js'
import { GrowingFile } from '../src/image/growing-file.js'
import type { RegistryClient } from '../src/image/registry.js'

let base: string

beforeEach(() => {
  base = fs.mkdtempSync(path.join(os.tmpdir(), 'growing-file-'))
})
afterEach(() => fs.rmSync(base, { recursive: true, force: true }))

/** Stands in for the downloader: writes `data` at `offset` and says so. */
function writeAt(fd: number, progress: GrowingFile, data: string, offset: number): void {
  fs.writeSync(fd, data, offset)
  progress.wrote(offset + data.length)
}

/** Reads the download to its end (`done`); `text()` is what the reader got so far. */
function collect(progress: GrowingFile): { text: () => string; done: Promise<string> } {
  let text = ''
  const read = async (): Promise<string> => {
    for await (const chunk of progress.bytes()) text += chunk.toString()
    return text
  }
  return { text: () => text, done: read() }
}

/**
 * Lets the reader act on everything written so far: it reads synchronously and waits on promises,
 * and every pending promise callback runs before setImmediate's.
 */
const settled = (): Promise<void> => new Promise((resolve) => setImmediate(resolve))
const sha256 = (text: string): string => `sha256:${createHash('sha256').update(text).digest('hex')}`

/** A download's file and its progress; the file is opened (made known to readers) unless `later`. */
function download(later = false): { file: string; fd: number; progress: GrowingFile } {
  const file = path.join(base, 'blob')
  const fd = fs.openSync(file, 'wx')
  const progress = new GrowingFile()
  if (!later) progress.opened(file)
  return { file, fd, progress }
}

test('the reader gets the bytes as they are written, and ends with the download', async () => {
  const { file, fd, progress } = download(true)
  const reader = collect(progress) // waiting already: its file is not opened yet
  progress.opened(file)
  writeAt(fd, progress, 'abc', 0)
  await waitFor(() => reader.text() === 'abc')
  writeAt(fd, progress, 'def', 3)
  progress.ended()
  expect(await reader.done).toBe('abcdef')
  fs.closeSync(fd)
})

test('after a restart the reader waits until the new attempt passes where it was', async () => {
  const { fd, progress } = download()
  const reader = collect(progress)
  writeAt(fd, progress, 'abcd', 0)
  await waitFor(() => reader.text() === 'abcd')
  fs.ftruncateSync(fd, 0)
  progress.restarted()
  writeAt(fd, progress, 'ab', 0)
  await settled()
  expect(reader.text()).toBe('abcd') // nothing read again
  writeAt(fd, progress, 'cdef', 2)
  progress.ended()
  expect(await reader.done).toBe('abcdef')
  expect(progress.readDigest).toBe(sha256('abcdef'))
  fs.closeSync(fd)
})

test('the digest of what was read is known once the reader has read the whole download', async () => {
  const { fd, progress } = download()
  const reader = collect(progress)
  writeAt(fd, progress, 'abc', 0)
  await waitFor(() => reader.text() === 'abc')
  expect(progress.readDigest).toBeUndefined()
  writeAt(fd, progress, 'def', 3)
  progress.ended()
  await reader.done
  expect(progress.readDigest).toBe(sha256('abcdef'))
  fs.closeSync(fd)
})

test('bytes read from an attempt that broke are in the digest, so other bytes from it do not pass', async () => {
  const { fd, progress } = download()
  const reader = collect(progress)
  writeAt(fd, progress, 'EVIL', 0)
  await waitFor(() => reader.text() === 'EVIL')
  fs.ftruncateSync(fd, 0)
  progress.restarted()
  writeAt(fd, progress, 'abcdef', 0)
  progress.ended() // the file holds abcdef: the download's own check passes
  expect(await reader.done).toBe('EVILef')
  expect(fs.readFileSync(path.join(base, 'blob'), 'utf8')).toBe('abcdef')
  expect(progress.readDigest).toBe(sha256('EVILef'))
  expect(progress.readDigest).not.toBe(sha256('abcdef'))
  fs.closeSync(fd)
})

test('a reader that stops early has no digest', async () => {
  const { fd, progress } = download()
  writeAt(fd, progress, 'abcdef', 0)
  progress.ended()
  for await (const chunk of progress.bytes()) {
    expect(chunk.length).toBeGreaterThan(0)
    break
  }
  expect(progress.readDigest).toBeUndefined()
  fs.closeSync(fd)
})

test("the download's failure is the reader's", async () => {
  const { fd, progress } = download()
  const reader = collect(progress)
  writeAt(fd, progress, 'ab', 0)
  await waitFor(() => reader.text() === 'ab')
  const failure = new Error('the content does not match its digest')
  progress.ended(failure)
  await expect(reader.done).rejects.toBe(failure)
  fs.closeSync(fd)
})

test('a download that fails before its file exists still ends the reader', async () => {
  const progress = new GrowingFile()
  const reader = collect(progress)
  const layer = { mediaType: 'application/vnd.oci.image.layer.v1.tar', digest: `sha256:${'0'.repeat(64)}`, size: 1 }
  const client = {} as RegistryClient // never reached: the file cannot be made
  const download = downloadBlob(client, layer, path.join(base, 'missing-dir', 'blob'), 'fetching layer 1', { progress })
  await expect(download).rejects.toMatchObject({ code: 'ENOENT' })
  await expect(reader.done).rejects.toMatchObject({ code: 'ENOENT' })
})
