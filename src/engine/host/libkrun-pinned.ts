/**
 * A libkrun named by a pinned archive, `https://HOST/PATH.tar.gz#sha256=<64 hex digits>`, in
 * the `libkrun` input, `krun-run --libkrun` or KRUN_LIBRARY. The value is parsed with the other
 * inputs, before anything is downloaded. This module stays small (the early start uses it);
 * libkrun-choice.ts downloads and unpacks.
 */
import { publishedLibrary } from '../../libkrun-fetch/layout.js'
import { transportProblem } from '../../libkrun-fetch/url-rule.js'
import { InputError, showValue } from '../errors.js'

export const PINNED_URL_FORM = 'https://HOST/PATH.tar.gz#sha256=<64 hex digits>'

export interface PinnedArchive {
  /** The URL without its fragment. */
  url: string
  /** The archive's sha256 digest, lowercase hex. */
  sha256: string
}

/** Whether a `libkrun` value is meant as a URL rather than a path: it begins with a scheme and `://`. */
export function isUrlLike(text: string): boolean {
  return /^[A-Za-z][A-Za-z0-9+.-]*:\/\//.test(text)
}

/** The value as the user writes it, for later steps to parse again. */
export function pinnedUrlText(archive: PinnedArchive): string {
  return `${archive.url}#sha256=${archive.sha256}`
}

/** Parses a pinned archive URL; a mistake is an InputError naming `source` (libkrun, KRUN_LIBRARY). */
export function parsePinnedUrl(source: string, text: string): PinnedArchive {
  const refuse = (problem: string) =>
    new InputError(source, `${showValue(text, 100)} ${problem}; expected ${PINNED_URL_FORM}`)
  // The URL parser would drop tabs and newlines silently, and a space is never part of a URL.
  if (/[\u0000-\u0020\u007f]/.test(text)) throw refuse('contains a space or control character')
  let url: URL
  try {
    url = new URL(text)
  } catch {
    throw refuse('is not a valid URL')
  }
  const problem = transportProblem(url)
  if (problem) throw refuse(problem)
  if (url.hash === '') throw refuse('has no #sha256= digest to pin what it downloads')
  const digest = /^#sha256=(.*)$/.exec(url.hash)?.[1]
  if (digest === undefined) throw refuse(`ends in ${showValue(url.hash, 30)} instead of #sha256=<digest>`)
  if (!/^[0-9a-fA-F]{64}$/.test(digest))
    throw refuse(`has a malformed digest ${showValue(digest, 30)}: a sha256 digest is 64 hex digits`)
  url.hash = ''
  return { url: url.toString(), sha256: digest.toLowerCase() }
}

/** libkrun.so.1 of this archive in the cache, when it is there: no network, no writes. */
export function cachedPinnedLibrary(cacheDir: string, archive: PinnedArchive): string | undefined {
  return publishedLibrary(cacheDir, archive.sha256)
}
