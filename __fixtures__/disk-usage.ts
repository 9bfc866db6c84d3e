/**
 * Disk use of a tree measured by walking it, the yardstick for the RootBuilder's own count: allocated
 * blocks, hard-linked files counted once.
 */
import fs from 'node:fs'
import path from 'node:path'

/** Disk use of a tree in bytes (allocated blocks; hard-linked files counted once). */
export async function walkedDiskUsage(root: string): Promise<number> {
  const seen = new Set<string>()
  let total = 0
  const walk = async (dir: string): Promise<void> => {
    const entries = fs.readdirSync(dir, { withFileTypes: true })
    for (const entry of entries) {
      const file = path.join(dir, entry.name)
      const stat = fs.lstatSync(file)
      if (stat.nlink > 1 && !stat.isDirectory()) {
        const key = `${stat.dev}:${stat.ino}`
        if (seen.has(key)) continue
        seen.add(key)
      }
      total += stat.blocks * 512
      if (stat.isDirectory()) await walk(file)
    }
  }
  total += (await fs.promises.lstat(root)).blocks * 512
  await walk(root)
  return total
}
