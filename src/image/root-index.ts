/**
 * What a RootBuilder has made under its root so far. The root starts empty and nothing else writes to
 * it, so this is the whole truth, and the builder never has to ask the filesystem: a lookup in a
 * directory where files are being created waits for those creations to finish.
 */
export type PathKind = 'directory' | 'other'

function parentOf(rel: string): string {
  const slash = rel.lastIndexOf('/')
  return slash === -1 ? '' : rel.slice(0, slash)
}

export class RootIndex {
  private readonly kinds = new Map<string, PathKind>()
  /** What each directory holds ('' is the root), so removing a directory costs what is under it. */
  private readonly children = new Map<string, Set<string>>()

  /** What stands at `rel` ('a/b'), or undefined when nothing does. */
  kind(rel: string): PathKind | undefined {
    return this.kinds.get(rel)
  }

  /** Records `rel`; its parent must be recorded as a directory (or be the root). */
  add(rel: string, kind: PathKind): void {
    if (this.kinds.get(rel) === 'directory' && kind !== 'directory') this.remove(rel)
    this.kinds.set(rel, kind)
    const parent = parentOf(rel)
    let siblings = this.children.get(parent)
    if (!siblings) this.children.set(parent, (siblings = new Set()))
    siblings.add(rel)
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
      const below = this.children.get(next)
      if (!below) continue
      for (const child of below) pending.push(child)
      this.children.delete(next)
    }
    return removed
  }
}
