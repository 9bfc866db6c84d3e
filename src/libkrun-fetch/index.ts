/**
 * A libkrun from a pinned archive: `https://HOST/PATH.tar.gz#sha256=<hex>` downloaded once,
 * checked against its digest, unpacked strictly (unpack.ts) and kept in a cache keyed by the
 * digest (store.ts), from which later runs take it with no network.
 *
 *   const { library } = await fetchLibkrun({ url, sha256, cacheDir, check: libraryProblem })
 *
 * Every failure a user can act on is an ArchiveError: one line naming the URL (without its
 * query), the problem and what to do.
 */
import fs from 'node:fs'
import path from 'node:path'
import { ImageError, errorCode } from '../image/errors.js'
import { useProxyFromEnv } from '../image/proxy.js'
import { removeTree } from '../image/tree.js'
import { download } from './download.js'
import { ArchiveError } from './errors.js'
import { LIBRARY_DIRS, LIBRARY_NAME, krunfwNames, libraryIn } from './layout.js'
import { LibkrunStore } from './store.js'
import { shownUrl } from './url-rule.js'
import { type UnpackLimits, unpackArchive } from './unpack.js'

export { ArchiveError } from './errors.js'

/** Far above libkrun and libkrunfw together (some tens of MiB), far below a disk's worth. */
export const DEFAULT_LIMITS: Limits = {
  maxArchiveBytes: 256 * 1024 * 1024,
  maxBytes: 1024 * 1024 * 1024,
  maxEntries: 10_000
}

export interface Limits extends UnpackLimits {
  /** The archive's own size, as downloaded. */
  maxArchiveBytes: number
}

export interface FetchRequest {
  /** https (or http to loopback), without the #sha256= fragment. */
  url: string
  /** Lowercase hex. */
  sha256: string
  cacheDir: string
  /** Why a file cannot be libkrun for this machine, or undefined when it may be (host-checks.ts's libraryProblem). */
  check: (library: string) => string | undefined
  /** For the proxy variables; process.env by default. */
  env?: NodeJS.ProcessEnv
  /** Receives a line when the download goes through a proxy. */
  log?: (line: string) => void
  limits?: Limits
}

export interface FetchedLibkrun {
  /** libkrun.so.1 in the cache. */
  library: string
  /** The cache entry holding it. */
  dir: string
  /** Bytes downloaded; undefined when the cache had it. */
  downloaded?: number
  /** True when another process published the same archive first and its copy is used. */
  shared?: boolean
}

/** The unpacked tree must have libkrun.so.1, for this machine, with libkrunfw beside it. */
function checkTree(tree: string, shown: string, check: FetchRequest['check']): void {
  const refuse = (problem: string) => new ArchiveError(`${shown} ${problem}`, { inputMistake: true })
  const library = libraryIn(tree)
  const places = LIBRARY_DIRS.map((dir) => (dir === '' ? 'its top' : `${dir}/`)).join(', ')
  if (!library) throw refuse(`holds no ${LIBRARY_NAME} (looked in ${places}); expected libkrun.so.1 there`)
  const where = path.relative(tree, path.dirname(library)) || 'its top'
  let resolved: string | undefined
  try {
    resolved = fs.realpathSync(library)
  } catch {
    resolved = undefined
  }
  if (!resolved?.startsWith(`${fs.realpathSync(tree)}/`) || !fs.statSync(resolved).isFile())
    throw refuse(`holds a ${LIBRARY_NAME} in ${where} that is not a file of the archive`)
  const problem = check(library)
  if (problem) throw refuse(`holds a ${LIBRARY_NAME} (in ${where}) that ${problem}`)
  if (krunfwNames(path.dirname(library)).length === 0)
    throw refuse(`holds ${LIBRARY_NAME} in ${where} but no libkrunfw.so.N beside it, where libkrun finds its kernel`)
}

export async function fetchLibkrun(request: FetchRequest): Promise<FetchedLibkrun> {
  const store = new LibkrunStore(request.cacheDir)
  const cached = store.find(request.sha256)
  if (cached) return { library: cached, dir: store.entry(request.sha256) }
  const shown = shownUrl(request.url)
  const limits = request.limits ?? DEFAULT_LIMITS
  try {
    await store.init()
  } catch (error) {
    throw new ArchiveError(
      `cannot make the libkrun cache ${request.cacheDir} (${errorCode(error) ?? String(error)}); make it writable or move it`
    )
  }
  const work = store.work.path('fetch')
  try {
    await fs.promises.mkdir(work, { mode: 0o700 })
    const archive = path.join(work, 'archive')
    const tree = path.join(work, 'tree')
    let proxy: ReturnType<typeof useProxyFromEnv>
    try {
      proxy = useProxyFromEnv(request.env ?? process.env, shown)
    } catch (error) {
      throw error instanceof ImageError ? new ArchiveError(error.message) : error
    }
    if (proxy.description) request.log?.(proxy.description)
    let downloaded: number
    try {
      downloaded = await download({
        url: request.url,
        sha256: request.sha256,
        file: archive,
        maxBytes: limits.maxArchiveBytes
      })
    } finally {
      proxy.restore()
    }
    await fs.promises.mkdir(tree, { mode: 0o755 })
    await unpackArchive(archive, tree, shown, limits)
    checkTree(tree, shown, request.check)
    const won = await store.publish(tree, request.sha256)
    const library = store.find(request.sha256)
    if (!library)
      throw new ArchiveError(`${shown}: its unpacked copy vanished from the cache right after it was made; try again`)
    return { library, dir: store.entry(request.sha256), downloaded, shared: !won }
  } catch (error) {
    if (error instanceof ArchiveError) throw error
    throw new ArchiveError(
      `${shown}: preparing it in the libkrun cache ${request.cacheDir} failed (${errorCode(error) ?? String(error)}); free space there or move the cache`
    )
  } finally {
    // What cannot be removed now is swept by a later fetch (WorkArea.removeStale); the outcome above is what to report.
    await removeTree(work).catch(() => undefined)
  }
}
