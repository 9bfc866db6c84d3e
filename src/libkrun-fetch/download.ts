/**
 * Downloads one archive into a file, checking its sha256 digest as it streams. Redirects are
 * followed by hand, each checked by the rule of url-rule.ts; every request carries only a
 * User-Agent and an Accept header, so nothing the user holds can follow a redirect to another
 * host. A broken or stalled connection and 5xx, 408 or 429 answers are tried again a few times.
 */
import { createHash } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { errorCode } from '../image/errors.js'
import { formatBytes } from '../image/progress.js'
import { ArchiveError } from './errors.js'
import { shownUrl, transportProblem } from './url-rule.js'

/** Waits between tries: three tries in all. */
const RETRY_DELAYS_MS = [500, 2000]
const IDLE_TIMEOUT_MS = 60_000
const MAX_REDIRECTS = 5
const HEADERS = { 'User-Agent': 'krun-action', Accept: 'application/octet-stream' }

export interface DownloadRequest {
  url: string
  /** Lowercase hex. */
  sha256: string
  /** Made by the download; must not exist yet. */
  file: string
  maxBytes: number
}

/** A failure worth another try. */
class TransientError extends Error {}

function networkProblem(error: unknown): string {
  const e = error as { name?: string; message?: string; cause?: { code?: string; message?: string } }
  if (e?.name === 'AbortError' || e?.name === 'TimeoutError') return 'the connection stalled'
  const detail = e?.cause?.code ?? e?.cause?.message ?? e?.message ?? String(error)
  return `the connection failed (${detail.slice(0, 80)})`
}

function retryable(status: number): boolean {
  return status === 408 || status === 429 || (status >= 500 && status !== 501)
}

/** Sends GETs from `url` on, following redirects that pass the transport rule; returns the first other answer. */
async function answer(url: string, signal: AbortSignal): Promise<Response> {
  const shown = shownUrl(url)
  let current = new URL(url)
  for (let hop = 0; ; hop++) {
    let res: Response
    try {
      res = await fetch(current, { headers: HEADERS, redirect: 'manual', signal })
    } catch (error) {
      throw new TransientError(networkProblem(error))
    }
    const location = res.headers.get('location')
    if (res.status < 300 || res.status >= 400 || location === null) return res
    await res.body?.cancel()
    if (hop >= MAX_REDIRECTS)
      throw new ArchiveError(`${shown}: more than ${MAX_REDIRECTS} redirects; check the URL`, { inputMistake: true })
    let next: URL
    try {
      next = new URL(location, current)
    } catch {
      throw new ArchiveError(`${shown}: the server redirected to a malformed URL`)
    }
    const problem = transportProblem(next)
    if (problem)
      throw new ArchiveError(
        `${shown}: the server redirected to ${shownUrl(next)}, which ${problem}; refusing to follow it`
      )
    current = next
  }
}

/** One try: the whole file again, from its start. */
async function attempt(request: DownloadRequest, file: fs.promises.FileHandle): Promise<number> {
  const shown = shownUrl(request.url)
  const controller = new AbortController()
  let timer: NodeJS.Timeout | undefined
  const touch = (): void => {
    clearTimeout(timer)
    timer = setTimeout(() => controller.abort(), IDLE_TIMEOUT_MS)
    timer.unref?.()
  }
  touch()
  try {
    const res = await answer(request.url, controller.signal)
    if (!res.ok) {
      await res.body?.cancel()
      if (retryable(res.status)) throw new TransientError(`the server answered ${res.status}`)
      throw new ArchiveError(`${shown}: the server answered ${res.status} ${res.statusText}; check the URL`.trim(), {
        inputMistake: res.status >= 400 && res.status < 500
      })
    }
    const announced = Number(res.headers.get('content-length') ?? NaN)
    const tooLarge = `is larger than the ${formatBytes(request.maxBytes)} a libkrun archive may be`
    if (announced > request.maxBytes) {
      await res.body?.cancel()
      throw new ArchiveError(`${shown} ${tooLarge}`, { inputMistake: true })
    }
    const hash = createHash('sha256')
    let received = 0
    await file.truncate(0)
    try {
      for await (const chunk of (res.body ?? []) as AsyncIterable<Uint8Array>) {
        touch()
        if (received + chunk.length > request.maxBytes)
          throw new ArchiveError(`${shown} ${tooLarge}`, { inputMistake: true })
        hash.update(chunk)
        try {
          await file.write(chunk, 0, chunk.length, received)
        } catch (error) {
          throw new ArchiveError(
            `${shown}: writing it to ${path.dirname(request.file)} failed (${errorCode(error) ?? String(error)}); free space there or move the cache`
          )
        }
        received += chunk.length
      }
    } catch (error) {
      if (error instanceof ArchiveError) throw error
      throw new TransientError(`${networkProblem(error)} after ${formatBytes(received)}`)
    }
    if (Number.isFinite(announced) && received < announced)
      throw new TransientError(`the transfer stopped after ${received} of ${announced} bytes`)
    const actual = hash.digest('hex')
    if (actual !== request.sha256) {
      throw new ArchiveError(
        `${shown} does not match its pinned digest: it is sha256:${actual.slice(0, 16)}…, not sha256:${request.sha256.slice(0, 16)}…; check the URL and the digest`,
        { inputMistake: true }
      )
    }
    return received
  } finally {
    clearTimeout(timer)
  }
}

/** Downloads `request.url` into `request.file`; returns its size. Whatever fails, the file may be left for the caller to remove. */
export async function download(request: DownloadRequest): Promise<number> {
  const file = await fs.promises.open(request.file, 'wx', 0o600)
  try {
    for (let tries = 0; ; tries++) {
      try {
        return await attempt(request, file)
      } catch (error) {
        if (!(error instanceof TransientError)) throw error
        if (tries >= RETRY_DELAYS_MS.length) {
          throw new ArchiveError(
            `${shownUrl(request.url)}: the download failed after ${tries + 1} tries: ${error.message}; check the network and that the URL is reachable`
          )
        }
        await new Promise((resolve) => setTimeout(resolve, RETRY_DELAYS_MS[tries]))
      }
    }
  } finally {
    await file.close()
  }
}
