/**
 * Which libkrun a run loads: the one the user named (a path, or a pinned archive fetched into
 * the cache); else the host's; else krun-action's own build for this architecture
 * (libkrun-builds.ts), fetched the same way; else a host error saying what to install or give.
 */
import { formatBytes } from '../../image/progress.js'
import { HostError, InputError } from '../errors.js'
import { type LibraryLookup, libkrunNotFound, libraryProblem, searchLibkrun } from './host-checks.js'
import { builtInLibkrun, type LibkrunBuild, LIBKRUN_BUILDS } from './libkrun-builds.js'
import type { PinnedArchive } from './libkrun-pinned.js'
import type { RunSettings } from '../inputs/settings.js'

export interface LibkrunOptions {
  /** Where archives are unpacked (host-context.ts). */
  cacheDir: string
  /** One line when an archive is downloaded, or krun-action's own build is used. */
  log: (line: string) => void
  /** For the proxy variables; process.env by default. */
  env?: NodeJS.ProcessEnv
  lookup?: LibraryLookup
  builds?: readonly LibkrunBuild[]
  arch?: string
}

interface PreparedLibkrun {
  library: string
  /** Bytes downloaded; undefined when the cache had it. */
  downloaded?: number
}

/**
 * libkrun.so.1 from a pinned archive: from the cache, or downloaded, checked and unpacked into
 * it. A failure is one line: it names `source` (the input) when the fix is in the URL, the
 * digest or the archive, and is shown as it is when it is the network's, the server's or the
 * cache disk's, or when no input named the archive (krun-action's own build).
 */
async function preparePinned(
  archive: PinnedArchive,
  source: string | undefined,
  options: LibkrunOptions
): Promise<PreparedLibkrun> {
  const { ArchiveError, fetchLibkrun } = await import('../../libkrun-fetch/index.js')
  try {
    return await fetchLibkrun({
      url: archive.url,
      sha256: archive.sha256,
      cacheDir: options.cacheDir,
      check: libraryProblem,
      env: options.env,
      log: options.log
    })
  } catch (error) {
    if (!(error instanceof ArchiveError)) throw error
    if (source === undefined) throw new HostError(`krun-action's libkrun build: ${error.message}`)
    throw error.inputMistake ? new InputError(source, error.message) : new HostError(error.message)
  }
}

export async function resolveLibkrun(
  settings: Pick<RunSettings, 'libkrun' | 'libkrunArchive' | 'libkrunFrom'>,
  options: LibkrunOptions
): Promise<string> {
  if (settings.libkrunArchive) {
    const archive = settings.libkrunArchive
    const prepared = await preparePinned(archive, settings.libkrunFrom ?? 'libkrun', options)
    if (prepared.downloaded !== undefined)
      options.log(
        `Downloaded libkrun from ${new URL(archive.url).host} (${formatBytes(prepared.downloaded)}, sha256 checked) into ${prepared.library}`
      )
    return prepared.library
  }
  if (settings.libkrun) return settings.libkrun
  const found = await searchLibkrun(options.lookup)
  if (found) return found
  const build = builtInLibkrun(options.arch, options.builds ?? LIBKRUN_BUILDS)
  if (!build) throw libkrunNotFound(options.lookup)
  const prepared = await preparePinned(build, undefined, options)
  const how =
    prepared.downloaded === undefined
      ? 'from the cache'
      : `downloaded once (${formatBytes(prepared.downloaded)}, sha256 checked)`
  options.log(
    `No libkrun on this host: using krun-action's build of libkrun ${build.version} for ${build.arch}, ${how}: ${prepared.library}`
  )
  return prepared.library
}
