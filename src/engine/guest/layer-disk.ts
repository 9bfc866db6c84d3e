/**
 * Layer disks: the ext4 disk images that hold a guest's writable layer when it must outlive the
 * run (persist: job) or be kept (prepare). Made on the host by mke2fs, which needs no privileges
 * on a regular file; sparse, so only what the guest writes takes space. Used by one run at a
 * time: a run holds the disk's lock for as long as it runs.
 */
import { execFile } from 'node:child_process'
import fs from 'node:fs'
import net from 'node:net'
import path from 'node:path'
import { promisify } from 'node:util'
import { HostError, errorText } from '../errors.js'
import { errorCode } from '../../image/errors.js'

/** The job's writable layer (persist: job), in the job's temporary directory. */
export const JOB_DISK_NAME = 'krun-action-job-layer.img'

/** mke2fs is often in the sbin directories, which an unprivileged user's PATH may lack. */
const SBIN_DIRS = ['/usr/local/sbin', '/usr/sbin', '/sbin']

export function findMke2fs(env: NodeJS.ProcessEnv = process.env): string {
  const dirs = [...(env.PATH ?? '').split(':').filter((dir) => dir.startsWith('/')), ...SBIN_DIRS]
  for (const dir of dirs) {
    const file = path.join(dir, 'mke2fs')
    try {
      fs.accessSync(file, fs.constants.X_OK)
      return file
    } catch {
      // not here
    }
  }
  throw new HostError(
    'persist: job and prepare need mke2fs to make their layer disk, and it is not on PATH; install e2fsprogs'
  )
}

/**
 * Makes an empty ext4 disk image at `file` unless one is there: made beside it and linked into
 * place, so a run that finds the file finds a whole filesystem, and two runs making it at once
 * end with one. Returns whether it was made.
 */
export async function ensureLayerDisk(file: string, sizeBytes: number): Promise<boolean> {
  if (fs.existsSync(file)) return false
  const partial = `${file}.${process.pid}.partial`
  try {
    fs.writeFileSync(partial, '', { mode: 0o600 })
    fs.truncateSync(partial, sizeBytes)
    // root_owner: the guest's root owns the filesystem's root whoever made it on the host.
    const options = 'root_owner=0:0,lazy_itable_init=1,lazy_journal_init=1'
    await promisify(execFile)(findMke2fs(), ['-q', '-F', '-t', 'ext4', '-m', '0', '-E', options, partial], {
      timeout: 120_000
    }).catch((error: unknown) => {
      if (error instanceof HostError) throw error
      const output: unknown = (error as { stderr?: unknown }).stderr
      const stderr = (typeof output === 'string' || Buffer.isBuffer(output) ? output.toString() : '').trim()
      throw new HostError(`mke2fs could not make the layer disk ${file}: ${stderr || errorText(error)}`)
    })
    try {
      fs.linkSync(partial, file)
      return true
    } catch (error) {
      if (errorCode(error) === 'EEXIST') return false
      throw error
    }
  } finally {
    fs.rmSync(partial, { force: true })
  }
}

/** A disk held by this process until released. */
export interface DiskLock {
  release(): Promise<void>
}

/**
 * Takes a disk for this run, or fails at once when another run holds it. The lock is an abstract
 * socket named after the disk's device and inode: the kernel frees it when this process ends,
 * however it ends, so a killed step never leaves the disk locked. Runs that share a disk share a
 * network namespace (the runner's), where abstract socket names live.
 */
export async function lockDisk(file: string, inUse: () => Error): Promise<DiskLock> {
  const stat = fs.statSync(file, { bigint: true })
  const name = `\0krun-action-disk-${stat.dev}-${stat.ino}`
  const server = net.createServer()
  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: Error) => reject(errorCode(error) === 'EADDRINUSE' ? inUse() : error))
    server.listen({ path: name }, resolve)
  })
  server.unref()
  return { release: () => new Promise<void>((resolve) => server.close(() => resolve())) }
}
