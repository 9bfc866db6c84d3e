/** The private per-run directory: made with mode 0700, filled, read back, removed. */
import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { errorCode } from '../../image/errors.js'
import { TreeRemovalError, removeTree } from '../../image/tree.js'
import { visible } from '../../text/visible.js'
import { errorText } from '../errors.js'
import { GUEST, GUEST_MOUNT_POINTS } from './guest-protocol.js'
import type { GuestFiles, VmConfig } from './plan.js'
import { TamperedError, readUntrustedFile } from './untrusted-file.js'

export const RUN_DIR_PREFIX = 'krun-action-'

export interface RunLayout {
  /** The private run directory (mode 0700). */
  dir: string
  /** Its subdirectory that becomes the guest's `/`. */
  root: string
  vmConfigFile: string
  logFile: string
  /** Network public: the policy krun-netguard reads, and the table of what it refused. */
  netPolicyFile: string
  refusedTableFile: string
}

export function runLayout(dir: string): RunLayout {
  return {
    dir,
    root: path.join(dir, 'root'),
    vmConfigFile: path.join(dir, 'vm.json'),
    logFile: path.join(dir, 'libkrun.log'),
    netPolicyFile: path.join(dir, 'net-policy'),
    refusedTableFile: path.join(dir, 'net-refused')
  }
}

/**
 * Makes a new run directory in `tempDir`. `announce`, when given, hears its path before it is made,
 * so that whoever must remove it if this process is killed knows it before it exists.
 */
export function createRunDir(tempDir: string, announce?: (dir: string) => void): RunLayout {
  if (!announce) {
    const layout = runLayout(fs.mkdtempSync(path.join(tempDir, RUN_DIR_PREFIX)))
    fs.chmodSync(layout.dir, 0o700)
    return layout
  }
  for (;;) {
    const dir = path.join(tempDir, `${RUN_DIR_PREFIX}${randomBytes(6).toString('base64url')}`)
    announce(dir)
    try {
      fs.mkdirSync(dir, { mode: 0o700 })
    } catch (error) {
      if (errorCode(error) === 'EEXIST') continue
      throw error
    }
    fs.chmodSync(dir, 0o700)
    return runLayout(dir)
  }
}

export function writeRunFiles(layout: RunLayout, files: GuestFiles, initBinary: string, vm: VmConfig): void {
  const records = path.join(layout.root, GUEST.records)
  fs.mkdirSync(records, { recursive: true, mode: 0o700 })
  for (const dir of ['proc', 'sys', 'dev', 'tmp', ...GUEST_MOUNT_POINTS]) {
    fs.mkdirSync(path.join(layout.root, dir), { recursive: true, mode: 0o755 })
  }
  fs.copyFileSync(initBinary, path.join(layout.root, GUEST.init))
  fs.chmodSync(path.join(layout.root, GUEST.init), 0o755)
  fs.writeFileSync(path.join(layout.root, GUEST.plan), files.plan, { mode: 0o600 })
  fs.writeFileSync(path.join(layout.root, GUEST.env), files.env, { mode: 0o600 })
  fs.writeFileSync(path.join(layout.root, GUEST.script), files.script, { mode: 0o600 })
  fs.writeFileSync(layout.vmConfigFile, JSON.stringify(vm), { mode: 0o600 })
}

/** libkrun logs only warnings to its file: far less than this. */
const LOG_MAX_BYTES = 1024 * 1024

/** The last lines of libkrun's log, for a failure message; read like any file the guest could reach. */
export function logTail(layout: RunLayout, lines = 20): string {
  let bytes: Buffer | undefined
  try {
    bytes = readUntrustedFile(layout.dir, path.basename(layout.logFile), LOG_MAX_BYTES)
  } catch (error) {
    return error instanceof TamperedError ? `(not shown: ${error.message})` : ''
  }
  const text = bytes?.toString('utf8').trimEnd() ?? ''
  return text.split('\n').slice(-lines).join('\n')
}

/**
 * Removes the run directory, also where the guest left a directory it may not enter (chmod 000).
 * A failure is only said, through `warn`: whatever the run came to stands, and cleaning up must
 * never replace it.
 */
export async function removeRunDir(dir: string, warn: (message: string) => void): Promise<void> {
  await removeTree(dir).catch((error: unknown) => {
    // The entry's name is the guest's choice when it lies in the root share.
    const cause = error instanceof TreeRemovalError ? `${error.code} on ${visible(error.entry)}` : errorText(error)
    warn(`cannot remove the run directory ${dir} (${cause}); it holds the run's environment values: remove it`)
  })
}
