/**
 * What a RootBuilder has made under its root so far. The root starts empty and nothing else writes to
 * it, so this is the whole truth, and the builder never has to ask the filesystem: a lookup in a
 * directory where files are being created waits for those creations to finish.
 *
 * It also keeps the disk use of what is not a directory, so the finished root need not be walked to
 * be measured. A file's blocks are known only once its bytes are in; every name of a hard-linked file
 * shares one record, counted while any of its names is left.
 */
export type PathKind = 'directory' | 'other'

interface FileUse {
  bytes: number
  names: number
}

function parentOf(rel: string): string {
  const slash = rel.lastIndexOf('/')
  return slash === -1 ? '' : rel.slice(0, slash)
}

export class RootIndex {
  private readonly kinds = new Map<string, PathKind>()
  /** What each directory holds ('' is the root), so removing a directory costs what is under it. */
  private readonly children = new Map<string, Set<string>>()
  private readonly uses = new Map<string, FileUse>()
  private fileBytes = 0

  /** What stands at `rel` ('a/b'), or undefined when nothing does. */
  kind(rel: string): PathKind | undefined {
    return this.kinds.get(rel)
  }

  /** Records `rel`; its parent must be recorded as a directory (or be the root). */
  add(rel: string, kind: PathKind): void {
    const before = this.kinds.get(rel)
    if (before === 'directory' && kind !== 'directory') this.remove(rel)
    else if (before === 'other') this.forgetUse(rel)
    this.kinds.set(rel, kind)
    const parent = parentOf(rel)
    let siblings = this.children.get(parent)
    if (!siblings) this.children.set(parent, (siblings = new Set()))
    siblings.add(rel)
  }

  /**
   * Records `rel`, which is not a directory, as a file of its own, and returns what to call with its
   * disk use in bytes once that is known (it counts only while a name of the file is left).
   */
  addFile(rel: string): (bytes: number) => void {
    this.add(rel, 'other')
    const use: FileUse = { bytes: 0, names: 1 }
    this.uses.set(rel, use)
    return (bytes) => {
      if (use.names > 0) this.fileBytes += bytes - use.bytes
      use.bytes = bytes
    }
  }

  /** Records `rel` as another name of the file at `target` (a hard link). */
  addLink(rel: string, target: string): void {
    const use = this.uses.get(target)
    this.add(rel, 'other')
    if (!use) return
    use.names++
    this.uses.set(rel, use)
  }

  /** Forgets `rel` and, for a directory, everything under it; returns every path it forgot. */
  remove(rel: string): string[] {
    if (!this.kinds.has(rel)) return []
    this.children.get(parentOf(rel))?.delete(rel)
    const removed: string[] = []
    const pending = [rel]
    for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
      removed.push(next)
      this.kinds.delete(next)
      this.forgetUse(next)
      const below = this.children.get(next)
      if (!below) continue
      for (const child of below) pending.push(child)
      this.children.delete(next)
    }
    return removed
  }

  /** Every directory recorded, the root not included. */
  directories(): string[] {
    return [...this.kinds].filter(([, kind]) => kind === 'directory').map(([rel]) => rel)
  }

  /** The disk use of every file still named, each counted once, in bytes; directories not included. */
  get filesBytes(): number {
    return this.fileBytes
  }

  private forgetUse(rel: string): void {
    const use = this.uses.get(rel)
    if (!use) return
    this.uses.delete(rel)
    if (--use.names === 0) this.fileBytes -= use.bytes
  }
}
