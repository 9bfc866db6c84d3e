/**
 * Sets a layer entry's extended attributes with the system's setfattr program (Debian's and Ubuntu's
 * `attr` package): Node has no xattr call, and native calls stay in the VM process. Values travel
 * base64-encoded (`0s…`), so binary ones such as `security.capability` arrive intact.
 *
 * Only what an image may rightly carry is applied. Overlay's own attributes (`trusted.overlay.*`,
 * `user.overlay.*`) are refused: the root becomes an overlay lower layer in the guest, and they would
 * redirect or hide its files. `security.selinux` is refused too: labels belong to the host's policy.
 */
import { execFileSync } from 'node:child_process'

/** The kernel's limits: XATTR_NAME_MAX and XATTR_SIZE_MAX. */
const MAX_NAME_BYTES = 255
const MAX_VALUE_BYTES = 64 * 1024

export type XattrOutcome = 'set' | 'refused' | 'not-allowed' | 'no-setfattr'

/** Is this an attribute an image may set on its files? */
export function isImageXattr(name: string): boolean {
  if (Buffer.byteLength(name) > MAX_NAME_BYTES || !/^(?:user|trusted|security)\.[\x21-\x7e]+$/.test(name)) return false
  if (/^(?:trusted|user)\.overlay\./.test(name)) return false
  return name !== 'security.selinux'
}

/**
 * Sets one attribute on `file` without following a symlink there. The caller has made sure that no
 * directory on the way is a symlink. 'not-allowed' when the host refuses it (not root, a filesystem
 * without xattrs, user.* on a symlink), 'refused' when the image may not set it.
 */
export function setXattr(file: string, name: string, value: Buffer): XattrOutcome {
  if (!isImageXattr(name) || value.length > MAX_VALUE_BYTES) return 'refused'
  try {
    execFileSync('setfattr', ['-h', '-n', name, '-v', `0s${value.toString('base64')}`, '--', file], {
      stdio: 'ignore',
      timeout: 10_000,
      env: process.env // this module's view of it, which a test may change
    })
    return 'set'
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no-setfattr' : 'not-allowed'
  }
}
