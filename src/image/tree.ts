/** Removing a whole image root. */
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
