/**
 * Makes one tar entry in the root: a method per kind (whiteout, directory, file, symlink, hard link,
 * device node or FIFO), each checking what it needs of RootState first. An entry whose path holds
 * `..`, or whose parent is a symlink or a file, is skipped, as is a hard link to such a path, so
 * nothing lands outside the root whatever the layer says. Files are opened with O_EXCL | O_NOFOLLOW
 * after whatever stood at their path was removed; small ones are made on the thread pool
 * (file-writes.ts) while the layer is read on.
 */
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import { OPAQUE, WHITEOUT, entryParts } from './entry-path.js'
import { type DirMeta, RootState } from './root-state.js'
import type { TarEntry, TarHeader } from './tar-reader.js'

/** Files up to this size are taken in one piece (one wait instead of one per chunk); larger ones stream. */
const WHOLE_FILE_BYTES = 1024 * 1024
const { O_WRONLY, O_CREAT, O_EXCL, O_NOFOLLOW } = fs.constants

/**
 * Makes a FIFO or device node with the system's mknod program: Node has no mknod, and
 * native calls stay in the VM process. False when it cannot (not root, or no mknod).
 */
function makeNode(file: string, header: TarHeader): boolean {
  const args = ['-m', (header.mode & 0o777).toString(8), '--', file]
  if (header.type === 'fifo') args.push('p')
  else args.push(header.type === 'block-device' ? 'b' : 'c', String(header.devmajor), String(header.devminor))
  try {
    execFileSync('mknod', args, { stdio: 'ignore', timeout: 10_000 })
    return true
  } catch {
    return false
  }
}

function writeAll(fd: number, data: Buffer): void {
  for (let done = 0; done < data.length;) done += fs.writeSync(fd, data, done)
}

export class EntryWriter extends RootState {
  /** Makes one entry of the layer being applied. */
  protected async applyEntry(entry: TarEntry): Promise<void> {
    const header = entry.header
    const parts = entryParts(header.name)
    if (!parts) {
      this.stats.unsafe++
      return
    }
    if ((parts[parts.length - 1] ?? '').startsWith(WHITEOUT)) return this.whiteout(parts)
    if (header.type === 'unsupported') {
      this.stats.unsupported++
      return
    }
    if (parts.length === 0) {
      if (header.type === 'directory') this.dirMeta.set('', this.dirMetaOf(header))
      return
    }
    if (!this.parentsSafe(parts, true)) {
      this.stats.unsafe++
      return
    }
    if (header.type === 'file') this.charge('file', header.size)
    else if (header.type === 'symlink') this.charge('symlink', Buffer.byteLength(header.linkname))
    else this.charge(header.type === 'directory' ? 'directory' : 'other')
    switch (header.type) {
      case 'directory':
        return this.directory(parts, header)
      case 'file':
        return this.file(parts, entry)
      case 'symlink':
        return this.symlink(parts, header)
      case 'link':
        return this.hardLink(parts, header)
      case 'character-device':
      case 'block-device':
      case 'fifo':
        return this.node(parts, header)
    }
  }

  private dirMetaOf(header: TarHeader): DirMeta {
    return { mode: header.mode & 0o7777, mtime: header.mtime, uid: header.uid, gid: header.gid }
  }

  /** `.wh..wh..opq` makes its directory opaque once the layer is read; `.wh.NAME` removes NAME from lower layers. */
  private async whiteout(parts: string[]): Promise<void> {
    const base = parts[parts.length - 1]
    const parent = parts.slice(0, -1)
    if (!this.parentsSafe(parts, false)) return
    if (base === OPAQUE) {
      this.layer!.opaque.add(parent.join('/'))
    } else if (!base.startsWith(`${WHITEOUT}${WHITEOUT}`)) {
      const target = [...parent, base.slice(WHITEOUT.length)]
      if (target[target.length - 1] === '' || this.layer!.written.has(target.join('/'))) return
      await this.removeExisting(target, false)
    }
  }

  private async directory(parts: string[], header: TarHeader): Promise<void> {
    const rel = parts.join('/')
    if ((await this.removeExisting(parts, true)) !== 'directory') fs.mkdirSync(this.abs(parts), { mode: 0o755 })
    this.dirMeta.set(rel, this.dirMetaOf(header))
    this.made.add(rel, 'directory')
    if (header.xattrs.size > 0) this.queueXattrs(rel, header)
    this.markWritten(rel)
  }

  private async file(parts: string[], entry: TarEntry): Promise<void> {
    const { header } = entry
    const rel = parts.join('/')
    const file = this.abs(parts)
    const mode = header.mode & 0o777
    if (this.made.kind(rel) !== undefined) await this.removeExisting(parts, false) // (most paths are new)
    const recordUse = this.made.addFile(rel)
    if (header.xattrs.size > 0) this.queueXattrs(rel, header, recordUse)
    // A small file is made on the thread pool (file-writes.ts); a large one streams here.
    if (header.size <= WHOLE_FILE_BYTES) {
      const content = await entry.content()
      await this.writes.create(file, mode, content, (fd) => {
        try {
          this.finishFile(fd, header, recordUse)
        } finally {
          fs.closeSync(fd)
        }
      })
    } else {
      const fd = fs.openSync(file, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW, mode)
      try {
        for await (const chunk of entry.chunks()) writeAll(fd, chunk)
        this.finishFile(fd, header, recordUse)
      } finally {
        fs.closeSync(fd)
      }
    }
    this.markWritten(rel)
  }

  /** Sets a regular file's owner, attributes, mode and mtime, in the order that keeps capabilities and setuid bits. */
  private finishFile(fd: number, header: TarHeader, recordUse: (bytes: number) => void): void {
    // What the file got when it was made (owner, and its mode less the umask) is asked once, and only
    // what differs is changed: most files need neither a chown nor a chmod.
    const made = fs.fstatSync(fd)
    const mode = header.mode & 0o7777
    let modeWrong = (made.mode & 0o7777) !== mode
    if (made.uid !== header.uid || made.gid !== header.gid) {
      this.own(() => fs.fchownSync(fd, header.uid, header.gid))
      modeWrong = true // a new owner clears the setuid and setgid bits
    }
    if (modeWrong) fs.fchmodSync(fd, mode)
    fs.futimesSync(fd, header.mtime, header.mtime)
    recordUse(made.blocks * 512)
  }

  private async symlink(parts: string[], header: TarHeader): Promise<void> {
    if (header.linkname === '' || header.linkname.includes('\0')) {
      this.stats.unsupported++ // no filesystem holds a link to nothing
      return
    }
    const rel = parts.join('/')
    const file = this.abs(parts)
    await this.removeExisting(parts, false)
    fs.symlinkSync(header.linkname, file)
    const recordUse = this.made.addFile(rel)
    this.own(() => fs.lchownSync(file, header.uid, header.gid))
    if (header.xattrs.size > 0) this.queueXattrs(rel, header, recordUse)
    fs.lutimesSync(file, header.mtime, header.mtime)
    recordUse(fs.lstatSync(file).blocks * 512) // a link too long to fit in its inode takes a block
    this.markWritten(rel)
  }

  private async hardLink(parts: string[], header: TarHeader): Promise<void> {
    const target = entryParts(header.linkname)
    if (!target || target.length === 0 || !this.parentsSafe(target, false)) {
      this.stats.unsafe++
      return
    }
    const rel = parts.join('/')
    const targetRel = target.join('/')
    if (this.made.kind(targetRel) !== 'other') {
      this.stats.unsafe++ // a directory, or nothing at all
      return
    }
    if (targetRel === rel) return
    await this.removeExisting(parts, false)
    await this.writes.done(this.abs(target))
    fs.linkSync(this.abs(target), this.abs(parts))
    this.made.addLink(rel, targetRel)
    this.layer!.xattrs.alias(rel, targetRel)
    this.markWritten(rel)
  }

  /** A device node or FIFO; devices only as root. */
  private async node(parts: string[], header: TarHeader): Promise<void> {
    const rel = parts.join('/')
    const file = this.abs(parts)
    await this.removeExisting(parts, false)
    if (!((header.type === 'fifo' || this.isRoot) && makeNode(file, header))) {
      this.stats.devices++
      return
    }
    this.made.add(rel, 'other')
    this.own(() => fs.lchownSync(file, header.uid, header.gid))
    if (header.xattrs.size > 0) this.queueXattrs(rel, header)
    fs.chmodSync(file, header.mode & 0o7777)
    fs.utimesSync(file, header.mtime, header.mtime)
    this.markWritten(rel)
  }
}
