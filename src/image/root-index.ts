/**
 * What a RootBuilder has made under its root so far. The root starts empty and nothing else writes to
 * it, so this is the whole truth, and the builder never has to ask the filesystem: a lookup in a
 * directory where files are being created waits for those creations to finish.
 */
export type PathKind = 'directory' | 'other'

export class RootIndex {
  private readonly kinds = new Map<string, PathKind>()

  /** What stands at `rel` ('a/b'), or undefined when nothing does. */
  kind(rel: string): PathKind | undefined {
    return this.kinds.get(rel)
  }

  add(rel: string, kind: PathKind): void {
    this.kinds.set(rel, kind)
  }

  /** Forgets `rel` and, for a directory, everything under it. */
  remove(rel: string): void {
    if (this.kinds.get(rel) === 'directory') {
      const below = `${rel}/`
      for (const other of this.kinds.keys()) if (other.startsWith(below)) this.kinds.delete(other)
    }
    this.kinds.delete(rel)
  }

  /** Forgets everything: the root itself was emptied. */
  clear(): void {
    this.kinds.clear()
  }
}
