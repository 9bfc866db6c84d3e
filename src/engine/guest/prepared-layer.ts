/**
 * The prepare script's layer: its key, and its place in the image cache. The key is a hash over
 * everything that made the layer; no part of it is kept in clear.
 */
import { createHash } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import type { ImageCache } from '../../image/cache.js'
import { errorCode } from '../../image/errors.js'
import { removeTree } from '../../image/tree.js'
import { renderEnv } from './plan.js'
import type { RunSettings } from '../inputs/settings.js'

/** One named input of the key. */
export interface KeyPart {
  name: string
  value: string | Buffer
}

/** Raised when what a layer holds, or how the guest init lays it out, changes. */
const LAYER_FORMAT = '1'

/** Each part's name and length go into the hash before its bytes, so no two lists of parts collide. */
export function preparedLayerKey(parts: readonly KeyPart[]): string {
  const hash = createHash('sha256')
  for (const { name, value } of parts) {
    const bytes = Buffer.from(value)
    hash.update(`${name}\0${bytes.length}\0`)
    hash.update(bytes)
  }
  return hash.digest('hex')
}

/** Who the script ran as: root, or the ids the image's User or the user input resolved to. */
function userPart(user: RunSettings['guestUser']): string {
  return user ? `${user.uid}:${user.gid}:${user.groups.join(',')}` : 'root'
}

/**
 * What made a prepared layer: the image (its platform manifest's digest), the script's bytes, the
 * shell that ran it, the environment it saw (names and values, as the guest got them), the user
 * it ran as and the guest's architecture.
 */
export function preparedKeyParts(
  settings: Pick<RunSettings, 'prepare' | 'shell' | 'env' | 'imageEnv' | 'guestUser'>,
  imageDigest: string,
  guestArch: string
): KeyPart[] {
  return [
    { name: 'format', value: LAYER_FORMAT },
    { name: 'image', value: imageDigest },
    { name: 'script', value: settings.prepare ?? Buffer.alloc(0) },
    { name: 'shell', value: settings.shell.join('\0') },
    { name: 'env', value: renderEnv(settings) },
    { name: 'user', value: userPart(settings.guestUser) },
    { name: 'arch', value: guestArch }
  ]
}

/**
 * Moves a finished layer disk into the cache under its key, read-only. Returns false when another
 * run published the same key first: this copy is then removed, and the one published is used.
 */
export async function publishPreparedLayer(cache: ImageCache, tempFile: string, key: string): Promise<boolean> {
  await fs.promises.chmod(tempFile, 0o444)
  const entry = cache.tempPath('prepared')
  await fs.promises.mkdir(entry, { mode: 0o700 })
  await fs.promises.rename(tempFile, path.join(entry, path.basename(cache.preparedLayerPath(key))))
  try {
    await fs.promises.rename(entry, path.dirname(cache.preparedLayerPath(key)))
    return true
  } catch (error) {
    if (errorCode(error) !== 'ENOTEMPTY' && errorCode(error) !== 'EEXIST') throw error
    await removeTree(entry)
    return false
  }
}

/** The published layer for a key, marked as used now (for eviction); undefined when there is none. */
export async function findPreparedLayer(cache: ImageCache, key: string): Promise<string | undefined> {
  const file = cache.preparedLayerPath(key)
  try {
    if (!(await fs.promises.lstat(file)).isFile()) return undefined
    const now = new Date()
    await fs.promises.utimes(file, now, now)
    return file
  } catch {
    return undefined
  }
}
