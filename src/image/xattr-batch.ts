/**
 * The extended attributes a layer has yet to set, kept until the layer is unpacked and then set by
 * one setfattr process (xattrs.ts). They are kept per file, not per path: a hard link is another
 * name of the same file, and a file still has its attributes set while any of its names is left.
 *
 * Caps bound what a layer can make the host do: a file may ask for MAX_PER_FILE attributes of
 * MAX_BYTES_PER_FILE in all (filesystems hold a few KiB per file), a layer for MAX_PER_LAYER of
 * MAX_BYTES_PER_LAYER; a layer over them is refused, not cut short.
 *
 * Paths are recorded as the builder made them, through real directories only; a name the builder
 * removes (or whose directory it removes) is forgotten at once, so no name is ever set through what
 * a later entry put in its place.
 */
import { ImageError, excerpt } from './errors.js'
import { restoreXattrs } from './xattrs.js'

export const XATTR_CAPS = {
  perFile: 64,
  bytesPerFile: 64 * 1024,
  perLayer: 65_536,
  bytesPerLayer: 16 * 1024 * 1024
} as const

interface PendingFile {
  /** Its names still in the root, in the order they were made. */
  names: Set<string>
  attributes: Map<string, Buffer>
  bytes: number
  /** Called with a name of the file once its attributes are set (they may take disk space). */
  afterSet: ((rel: string) => void) | undefined
}

export interface XattrCounts {
  /** Set by setfattr. */
  set: number
  /** Refused by the host (not root, a filesystem without them, no room). */
  notAllowed: number
  /** Not set because setfattr is not installed. */
  withoutSetfattr: number
}

function sizeOf(name: string, value: Buffer): number {
  return Buffer.byteLength(name) + value.length
}

export class XattrBatch {
  private readonly byName = new Map<string, PendingFile>()
  private count = 0
  private bytes = 0

  /** `label` names the layer in errors ('registry …: layer 2/5 sha256:…'). */
  constructor(private readonly label: string) {}

  /**
   * Records attributes (already judged fit for an image) for the file at `rel`, adding to what it
   * has already in this layer (a directory named twice). Throws an ImageError over a cap.
   */
  add(rel: string, attributes: ReadonlyMap<string, Buffer>, afterSet?: (rel: string) => void): void {
    if (attributes.size === 0) return
    let file = this.byName.get(rel)
    if (!file) {
      file = { names: new Set([rel]), attributes: new Map(), bytes: 0, afterSet }
      this.byName.set(rel, file)
    }
    for (const [name, value] of attributes) {
      const before = file.attributes.get(name)
      const added = sizeOf(name, value) - (before ? sizeOf(name, before) : 0)
      if (!before) this.count++
      file.attributes.set(name, value)
      file.bytes += added
      this.bytes += added
    }
    if (file.attributes.size > XATTR_CAPS.perFile || file.bytes > XATTR_CAPS.bytesPerFile) {
      throw new ImageError(
        `${this.label}: "${excerpt(rel, 80)}" has ${file.attributes.size} extended attributes of ${file.bytes} bytes, ` +
          `over the ${XATTR_CAPS.perFile} and ${XATTR_CAPS.bytesPerFile / 1024} KiB one file may have; the image cannot be used`
      )
    }
    if (this.count > XATTR_CAPS.perLayer || this.bytes > XATTR_CAPS.bytesPerLayer) {
      throw new ImageError(
        `${this.label}: holds over ${XATTR_CAPS.perLayer} extended attributes or ${XATTR_CAPS.bytesPerLayer / 1024 ** 2} MiB of them, ` +
          'more than a layer may have; the image cannot be used'
      )
    }
  }

  /** `rel` is now another name of the file at `target` (a hard link). */
  alias(rel: string, target: string): void {
    const file = this.byName.get(target)
    if (!file) return
    file.names.add(rel)
    this.byName.set(rel, file)
  }

  /** `rel` is gone from the root. */
  forget(rel: string): void {
    const file = this.byName.get(rel)
    if (!file) return
    this.byName.delete(rel)
    file.names.delete(rel)
    if (file.names.size === 0) {
      this.count -= file.attributes.size
      this.bytes -= file.bytes
    }
  }

  /** Sets everything recorded, with one setfattr process running in `root`; the batch is empty afterwards. */
  async apply(root: string): Promise<XattrCounts> {
    const files = [...new Set(this.byName.values())]
    this.byName.clear()
    this.count = 0
    this.bytes = 0
    const work = files.map((file) => ({
      path: file.names.values().next().value!,
      attributes: file.attributes,
      afterSet: file.afterSet
    }))
    const total = work.reduce((sum, file) => sum + file.attributes.size, 0)
    if (total === 0) return { set: 0, notAllowed: 0, withoutSetfattr: 0 }
    let outcome
    try {
      outcome = await restoreXattrs(root, work)
    } catch (error) {
      throw new ImageError(`${this.label}: setting its extended attributes failed: ${(error as Error).message}`)
    }
    if (outcome === 'no-setfattr') return { set: 0, notAllowed: 0, withoutSetfattr: total }
    for (const file of work) file.afterSet?.(file.path)
    return { set: total - outcome.failed, notAllowed: outcome.failed, withoutSetfattr: 0 }
  }
}
