/** How a registry's answers and a connection's failures become errors: transient ones to retry, the rest in one line. */
import type { Readable } from 'node:stream'
import type { Credentials } from './auth.js'
import { ImageError, excerpt } from './errors.js'
import { formatBytes, formatSeconds } from './progress.js'
import { readLimited } from './read-limited.js'

/** A response whose body is still to be read; `close` frees it when not read. */
export interface OpenResponse {
  status: number
  headers: Headers
  body: Readable
  close: () => void
  /** When reading the body failed: the failure to report if a limit or the stop signal caused it. */
  cutShort: () => ImageError | TransientError | undefined
}

/** Who asked, as the errors word it. */
export interface Asker {
  /** 'registry 127.0.0.1:5000, repository test/app'. */
  where: string
  credentials?: Credentials
  /** Where the credentials came from: 'as given', 'from the Docker config file'. */
  credentialOrigin: string
}

/** A network failure or a retryable status: the caller may try again. */
export class TransientError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'TransientError'
  }
}

export function networkProblem(error: unknown): string {
  const e = error as { name?: string; message?: string; cause?: { code?: string; message?: string } }
  if (e?.name === 'AbortError' || e?.name === 'TimeoutError') return 'the connection stalled'
  const code = e?.cause?.code
  return code
    ? `the connection failed (${code})`
    : `the connection failed (${excerpt(e?.cause?.message ?? e?.message ?? String(error), 80)})`
}

/** Why a pull was stopped, from its stop signal's reason: 'the timeout (10m) ran out'. */
export function stopReason(stop: AbortSignal | undefined): string {
  return typeof stop?.reason === 'string' ? stop.reason : 'the pull was stopped'
}

export function isRetryableStatus(status: number): boolean {
  return status === 429 || status === 408 || (status >= 500 && status <= 599 && status !== 501)
}

export async function statusError(res: OpenResponse, what: string, asker: Asker): Promise<ImageError> {
  let code = ''
  try {
    const text = await readLimited(res.body, 64 * 1024, { where: asker.where, what })
    const json = JSON.parse(text.toString('utf8')) as { errors?: { code?: string }[] }
    if (json.errors?.[0]?.code) code = ` ${excerpt(String(json.errors[0].code), 40)}`
  } catch {
    // No JSON error body; the status says enough.
  } finally {
    res.close()
  }
  const status = `${res.status}${code}`
  if (res.status === 401) {
    return new ImageError(
      asker.credentials
        ? `${asker.where}: the registry rejected the username and password (${asker.credentialOrigin}) while ${what} (${status}); check them`
        : `${asker.where}: the repository does not exist or needs a login (${status}); ` +
            'check the name, or give a username and password (or run docker login)',
      { inputMistake: !asker.credentials }
    )
  }
  if (res.status === 403) {
    return new ImageError(
      `${asker.where}: access denied while ${what} (${status}); the account needs pull access to this repository`
    )
  }
  if (res.status === 404) {
    return new ImageError(`${asker.where}: not found while ${what} (${status}); check the image name, tag and digest`, {
      inputMistake: true
    })
  }
  return new ImageError(`${asker.where}: the registry answered ${status} while ${what}`)
}

/** A request that ran past its deadline while data still came. */
export function tooSlow(where: string, what: string, deadlineMs: number, received: number): ImageError {
  return new ImageError(
    `${where}: ${what} took over ${formatSeconds(deadlineMs)}, its deadline (${formatBytes(received)} arrived in that time); ` +
      'the registry or the network is too slow, try again later'
  )
}
