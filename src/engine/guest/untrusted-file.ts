/**
 * Reads a file from a directory the guest can write (its root share, the workspace, the
 * file-command share). Such a file is untrusted input: it is never reached through a
 * link, is opened only once it is known to be a regular file (opening a FIFO blocks,
 * opening a device can act), and is read only up to a cap. The guest is gone when the
 * host reads (the VM process has ended), so nothing swaps a path between these checks and
 * the open; the open still refuses a link and never blocks, and what it opened is checked again.
 */
import fs from 'node:fs'
import path from 'node:path'
import { errorCode } from '../../image/errors.js'

/** The guest left something other than a small regular file where the host reads one. */
export class TamperedError extends Error {
  constructor(readonly relativePath: string) {
    super(`${relativePath} is not a regular file of the expected size`)
    this.name = 'TamperedError'
  }
}

const OPEN_FLAGS = fs.constants.O_RDONLY | fs.constants.O_NOFOLLOW | fs.constants.O_NONBLOCK | fs.constants.O_NOCTTY

/** Every directory between `baseDir` (trusted) and the file must be a real directory. */
function checkDirectories(baseDir: string, relativePath: string): boolean {
  const parts = relativePath.split('/').slice(0, -1)
  let dir = baseDir
  for (const part of parts) {
    dir = path.join(dir, part)
    let stat: fs.Stats
    try {
      stat = fs.lstatSync(dir)
    } catch (error) {
      if (errorCode(error) === 'ENOENT') return false
      throw new TamperedError(relativePath)
    }
    if (!stat.isDirectory()) throw new TamperedError(relativePath)
  }
  return true
}

/**
 * The file's bytes, or undefined when it does not exist. Throws TamperedError for a link
 * anywhere on the path, anything but a regular file, or more than `maxBytes`.
 */
export function readUntrustedFile(baseDir: string, relativePath: string, maxBytes: number): Buffer | undefined {
  if (!checkDirectories(baseDir, relativePath)) return undefined
  const file = path.join(baseDir, relativePath)
  let fd: number
  try {
    if (!fs.lstatSync(file).isFile()) throw new TamperedError(relativePath)
    fd = fs.openSync(file, OPEN_FLAGS)
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return undefined
    throw new TamperedError(relativePath)
  }
  try {
    if (!fs.fstatSync(fd).isFile()) throw new TamperedError(relativePath)
    const buffer = Buffer.alloc(maxBytes + 1)
    let length = 0
    while (length < buffer.length) {
      const read = fs.readSync(fd, buffer, length, buffer.length - length, null)
      if (read === 0) break
      length += read
    }
    if (length > maxBytes) throw new TamperedError(relativePath)
    return buffer.subarray(0, length)
  } finally {
    fs.closeSync(fd)
  }
}

/** Whether a path the guest could have made exists, without following a link at its end. */
export function untrustedPathExists(baseDir: string, relativePath: string): boolean {
  try {
    if (!checkDirectories(baseDir, relativePath)) return false
    fs.lstatSync(path.join(baseDir, relativePath))
    return true
  } catch (error) {
    if (error instanceof TamperedError) throw error
    return false
  }
}
