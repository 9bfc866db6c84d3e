/** Whole-tree operations on image roots: removing one and measuring its disk use. */
import fs from 'node:fs'
import path from 'node:path'
import { errorCode } from './errors.js'

/** Removes a tree even where its directories lack write permission (images may ship such). */
export async function removeTree(target: string): Promise<void> {
  try {
    await fs.promises.rm(target, { recursive: true, force: true })
    return
  } catch (error) {
    if (errorCode(error) !== 'EACCES' && errorCode(error) !== 'EPERM') throw error
  }
  const open = async (dir: string): Promise<void> => {
    let stat: fs.Stats
    try {
      stat = await fs.promises.lstat(dir)
    } catch {
      return
    }
    if (!stat.isDirectory()) return
    await fs.promises.chmod(dir, 0o700).catch(() => undefined)
    for (const name of await fs.promises.readdir(dir).catch(() => [] as string[])) await open(path.join(dir, name))
  }
  await open(target)
  await fs.promises.rm(target, { recursive: true, force: true })
}

/** Disk use of a tree in bytes (allocated blocks; hard-linked files counted once). */
export async function diskUsage(root: string): Promise<number> {
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
