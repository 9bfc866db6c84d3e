/**
 * Sets extended attributes with the system's setfattr program (Debian's and Ubuntu's `attr`
 * package): Node has no xattr call, and native calls stay in the VM process. Many files' attributes
 * go to one process as a dump (`setfattr --restore`, the format `getfattr --dump` writes), so a
 * layer costs one process however many attributes it holds. Values travel base64-encoded (`0s…`),
 * so binary ones such as `security.capability` arrive intact; names and paths travel with every
 * byte but the plainest escaped as `\ooo`, which setfattr decodes.
 *
 * Only what an image may rightly carry is applied. Overlay's own attributes (`trusted.overlay.*`,
 * `user.overlay.*`) are refused: the root becomes an overlay lower layer in the guest, and they would
 * redirect or hide its files. `security.selinux` is refused too: labels belong to the host's policy.
 */
import { spawn } from 'node:child_process'
import { errorCode } from './errors.js'

/** The kernel's limits: XATTR_NAME_MAX and XATTR_SIZE_MAX. */
const MAX_NAME_BYTES = 255
export const MAX_VALUE_BYTES = 64 * 1024
/** setfattr works through a dump at well over this rate; the margin is for a busy machine. */
const BASE_RUN_MS = 60_000
const RUN_MS_PER_ATTRIBUTE = 1

/** Is this an attribute an image may set on its files? */
export function isImageXattr(name: string): boolean {
  if (Buffer.byteLength(name) > MAX_NAME_BYTES || !/^(?:user|trusted|security)\.[\x21-\x7e]+$/.test(name)) return false
  if (/^(?:trusted|user)\.overlay\./.test(name)) return false
  return name !== 'security.selinux'
}

/** A path or name as a dump line holds it: every byte outside a plain set as a backslash and three octal digits. */
function quote(text: string): string {
  let out = ''
  for (const byte of Buffer.from(text)) {
    const plain = /[A-Za-z0-9._+,:@%/-]/.test(String.fromCharCode(byte)) && byte < 0x80
    out += plain ? String.fromCharCode(byte) : `\\${byte.toString(8).padStart(3, '0')}`
  }
  return out
}

export interface FileXattrs {
  /** The file's path relative to the directory setfattr runs in; never through a symlink. */
  path: string
  attributes: ReadonlyMap<string, Buffer>
}

/** The dump `setfattr --restore` reads: a `# file:` line, one `name=0s<base64>` line per attribute, a blank line. */
export function xattrDump(files: readonly FileXattrs[]): string {
  const parts: string[] = []
  for (const file of files) {
    parts.push(`# file: ${quote(file.path)}\n`)
    for (const [name, value] of file.attributes) parts.push(`${quote(name)}=0s${value.toString('base64')}\n`)
    parts.push('\n')
  }
  return parts.join('')
}

export type RestoreOutcome = { failed: number } | 'no-setfattr'

/**
 * Sets every attribute of `files` (paths relative to `dir`) with one setfattr process, never following
 * a symlink at a path's end. setfattr goes on past an attribute the host refuses (not root, a
 * filesystem without xattrs, user.* on a symlink, no room) and says so in one line each: `failed`
 * counts those lines, at most the number of attributes. Not @actions/exec: it has no time limit,
 * and this streams its input and counts the error lines as they come.
 */
export async function restoreXattrs(dir: string, files: readonly FileXattrs[]): Promise<RestoreOutcome> {
  const total = files.reduce((sum, file) => sum + file.attributes.size, 0)
  if (total === 0) return { failed: 0 }
  return new Promise((resolve, reject) => {
    const child = spawn('setfattr', ['-h', '--restore=-'], {
      cwd: dir,
      stdio: ['pipe', 'ignore', 'pipe'],
      env: process.env, // this module's view of it, which a test may change
      timeout: BASE_RUN_MS + total * RUN_MS_PER_ATTRIBUTE,
      killSignal: 'SIGKILL'
    })
    let failed = 0
    let partial = ''
    child.stderr.setEncoding('utf8')
    child.stderr.on('data', (text: string) => {
      const lines = (partial + text).split('\n')
      partial = lines.pop() ?? ''
      failed += lines.filter((line) => line.startsWith('setfattr: ')).length
    })
    child.stdin.on('error', () => undefined) // a setfattr that died early is reported by 'close'
    child.once('error', (error) => {
      if (errorCode(error) === 'ENOENT') resolve('no-setfattr')
      else reject(error)
    })
    child.once('close', (code, signal) => {
      if (partial.startsWith('setfattr: ')) failed++
      if (signal) reject(new Error(`setfattr was stopped by ${signal} while setting ${total} extended attributes`))
      else if (code !== 0 && failed === 0) reject(new Error(`setfattr exited with ${code} and said nothing`))
      else resolve({ failed: Math.min(failed, total) })
    })
    child.stdin.end(xattrDump(files))
  })
}
