/**
 * A client for the OCI distribution API: HTTPS (plain HTTP only for loopback registries, as Docker),
 * Bearer-token and Basic authentication, redirects to blob storage, retries with backoff, and the
 * limits of request-limits.ts on every request.
 */
import { Readable, Transform, pipeline } from 'node:stream'
import type { ReadableStream as WebReadableStream } from 'node:stream/web'
import { basicAuthorization, parseChallenges, type Credentials } from './auth.js'
import { ImageError, excerpt } from './errors.js'
import { formatBytes, formatSeconds } from './progress.js'
import { whereOf, type ImageReference } from './reference.js'
import { DEFAULT_REQUEST_LIMITS, type RequestLimits, requestDeadlineMs } from './request-limits.js'

/** Waits between tries on 429, 5xx and broken connections: four tries in all, under 4 s of waiting. */
const RETRY_DELAYS_MS = [500, 1000, 2000]
const MAX_RETRY_AFTER_MS = 10_000
const PROBE_TIMEOUT_MS = 5000
const MAX_REDIRECTS = 5
const MAX_MANIFEST_BYTES = 8 * 1024 * 1024

export interface RegistryClientOptions {
  ref: ImageReference
  credentials?: Credentials
  /** Where the credentials came from, for messages: 'as given', 'from the Docker config file'. */
  credentialOrigin?: string
  /** DEFAULT_REQUEST_LIMITS where not given. */
  limits?: Partial<RequestLimits>
  /**
   * Aborting it stops every request at once, without retries (the step's timeout ran out, the run
   * was cancelled); its reason, a string, says why: 'the timeout of 10m ran out'.
   */
  stop?: AbortSignal
}

/** A response whose body is still to be read; `close` frees it when not read. */
export interface OpenResponse {
  status: number
  headers: Headers
  body: Readable
  close: () => void
  /** When reading the body failed: the failure to report if a limit or the stop signal caused it. */
  cutShort: () => ImageError | TransientError | undefined
}

/** A network failure or a retryable status: the caller may try again. */
export class TransientError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'TransientError'
  }
}

/** Waits `ms`, or less when `abandon` is aborted first. */
function sleep(ms: number, abandon?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const done = (): void => {
      clearTimeout(timer)
      abandon?.removeEventListener('abort', done)
      resolve()
    }
    const timer = setTimeout(done, ms)
    abandon?.addEventListener('abort', done, { once: true })
  })
}

function networkProblem(error: unknown): string {
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

interface SendOptions {
  /** What the request is for, as messages say it: 'fetching layer 2/5 sha256:…'. */
  what: string
  accept: string | undefined
  method: string
  abandon: AbortSignal | undefined
  /** How many bytes the body should have, when known (a blob): its deadline allows for them. */
  bytes: number | undefined
}

function isRetryableStatus(status: number): boolean {
  return status === 429 || status === 408 || (status >= 500 && status <= 599 && status !== 501)
}

export class RegistryClient {
  readonly ref: ImageReference
  /** 'registry 127.0.0.1:5000, repository test/app' — the prefix of every error this client raises. */
  readonly where: string
  private readonly credentials?: Credentials
  private readonly credentialOrigin: string
  private readonly limits: RequestLimits
  private readonly stop?: AbortSignal
  private base?: string
  private authorization?: string

  constructor(options: RegistryClientOptions) {
    this.ref = options.ref
    this.credentials = options.credentials
    this.credentialOrigin = options.credentialOrigin ?? 'as given'
    this.where = whereOf(options.ref)
    this.limits = { ...DEFAULT_REQUEST_LIMITS, ...options.limits }
    this.stop = options.stop
  }

  /** The failure of whatever `what` was doing when the stop signal came. */
  stopped(what: string): ImageError {
    return new ImageError(`${this.where}: ${what} was not finished when ${stopReason(this.stop)}`)
  }

  private tooSlow(what: string, deadlineMs: number, received: number): ImageError {
    return new ImageError(
      `${this.where}: ${what} took over ${formatSeconds(deadlineMs)}, its deadline (${formatBytes(received)} arrived in that time); ` +
        'the registry or the network is too slow, try again later'
    )
  }

  /** HTTPS, except that a loopback registry that does not speak TLS is reached over HTTP (as Docker). */
  private async baseUrl(): Promise<string> {
    if (this.base) return this.base
    const https = `https://${this.ref.endpoint}`
    if (!this.ref.loopback) return (this.base = https)
    try {
      const res = await fetch(`${https}/v2/`, { signal: AbortSignal.timeout(PROBE_TIMEOUT_MS), redirect: 'manual' })
      await res.body?.cancel()
      this.base = https
    } catch {
      this.base = `http://${this.ref.endpoint}`
    }
    return this.base
  }

  /**
   * One request with redirects followed by hand, so Authorization never goes to another host. Its
   * idle timer restarts with every chunk that arrives; its deadline (for `bytes`, when known) does not.
   */
  private async sendOnce(url: string, { what, accept, method, abandon, bytes }: SendOptions): Promise<OpenResponse> {
    const controller = new AbortController()
    let limitHit: 'idle' | 'deadline' | undefined
    let received = 0
    const deadlineMs = requestDeadlineMs(this.limits, bytes)
    let idleTimer: NodeJS.Timeout | undefined
    const touch = (): void => {
      clearTimeout(idleTimer)
      idleTimer = setTimeout(() => {
        limitHit ??= 'idle'
        controller.abort()
      }, this.limits.idleMs)
      idleTimer.unref?.()
    }
    const deadlineTimer = setTimeout(() => {
      limitHit ??= 'deadline'
      controller.abort()
    }, deadlineMs)
    deadlineTimer.unref?.()
    const stopTimers = (): void => {
      clearTimeout(idleTimer)
      clearTimeout(deadlineTimer)
    }
    touch()
    const cutShort = (): ImageError | TransientError | undefined => {
      if (this.stop?.aborted) return this.stopped(what)
      if (limitHit === 'deadline') return this.tooSlow(what, deadlineMs, received)
      if (limitHit === 'idle')
        return new TransientError(`the connection stalled: nothing arrived for ${formatSeconds(this.limits.idleMs)}`)
      return undefined
    }
    const origin = new URL(url).host
    let current = url
    try {
      for (let hop = 0; ; hop++) {
        const headers: Record<string, string> = { 'User-Agent': 'krun-action' }
        if (accept) headers.Accept = accept
        if (this.authorization && new URL(current).host === origin) headers.Authorization = this.authorization
        const signals = [controller.signal, abandon, this.stop].filter((signal) => signal !== undefined)
        const res = await fetch(current, { method, headers, redirect: 'manual', signal: AbortSignal.any(signals) })
        const location = res.headers.get('location')
        if (res.status >= 300 && res.status < 400 && location) {
          await res.body?.cancel()
          if (hop >= MAX_REDIRECTS)
            throw new ImageError(`${this.where}: too many redirects; the registry is misconfigured`)
          const next = new URL(location, current)
          if (next.protocol !== 'https:' && !(next.protocol === 'http:' && new URL(current).protocol === 'http:')) {
            throw new ImageError(
              `${this.where}: the registry redirected to a ${next.protocol} URL; refusing to follow it`
            )
          }
          current = next.toString()
          continue
        }
        // Every chunk restarts the idle timer on its way through (a 'data' listener would start the
        // stream flowing before the caller reads it).
        const raw = res.body ? Readable.fromWeb(res.body as WebReadableStream<Uint8Array>) : Readable.from([])
        const body = new Transform({
          transform(chunk: Buffer, _encoding, callback) {
            received += chunk.length
            touch()
            callback(null, chunk)
          }
        })
        pipeline(raw, body, () => undefined)
        const close = (): void => {
          stopTimers()
          body.destroy()
        }
        body.once('close', stopTimers)
        body.once('end', stopTimers)
        return { status: res.status, headers: res.headers, body, close, cutShort }
      }
    } catch (error) {
      stopTimers()
      if (error instanceof ImageError) throw error
      throw cutShort() ?? new TransientError(networkProblem(error))
    }
  }

  /** Answers a 401's challenge; returns false when there is nothing more to try. */
  private async authenticate(challengeHeader: string | null, tried: Set<string>): Promise<boolean> {
    const challenges = parseChallenges(challengeHeader)
    const bearer = challenges.find((c) => c.scheme === 'bearer')
    if (bearer && bearer.params.realm) {
      if (tried.has('bearer')) return false
      tried.add('bearer')
      this.authorization = `Bearer ${await this.fetchToken(bearer.params)}`
      return true
    }
    if (challenges.some((c) => c.scheme === 'basic') && this.credentials && !tried.has('basic')) {
      tried.add('basic')
      this.authorization = basicAuthorization(this.credentials)
      return true
    }
    return false
  }

  private async fetchToken(params: Record<string, string>): Promise<string> {
    let realm: URL
    try {
      realm = new URL(params.realm)
    } catch {
      throw new ImageError(`${this.where}: the registry's token endpoint "${excerpt(params.realm, 80)}" is not a URL`)
    }
    if (params.service) realm.searchParams.set('service', params.service)
    realm.searchParams.set('scope', params.scope || `repository:${this.ref.repository}:pull`)
    const headers: Record<string, string> = { 'User-Agent': 'krun-action' }
    if (this.credentials) {
      const loopbackHttp = realm.protocol === 'http:' && this.ref.loopback && realm.host === this.ref.endpoint
      if (realm.protocol !== 'https:' && !loopbackHttp) {
        throw new ImageError(
          `${this.where}: the registry's token endpoint is not HTTPS; refusing to send credentials to it`
        )
      }
      realm.searchParams.set('account', this.credentials.username)
      headers.Authorization = basicAuthorization(this.credentials)
    }
    const res = await this.withRetries(async () => {
      try {
        const deadline = AbortSignal.timeout(requestDeadlineMs(this.limits))
        const signal = this.stop ? AbortSignal.any([deadline, this.stop]) : deadline
        const r = await fetch(realm, { headers, signal })
        if (isRetryableStatus(r.status)) {
          await r.body?.cancel()
          throw new TransientError(`the token endpoint answered ${r.status}`)
        }
        return r
      } catch (error) {
        if (error instanceof TransientError) throw error
        if (this.stop?.aborted) throw this.stopped('getting a token')
        throw new TransientError(networkProblem(error))
      }
    }, 'getting a token')
    if (res.status === 401 || res.status === 403) {
      await res.body?.cancel()
      throw new ImageError(
        this.credentials
          ? `${this.where}: the registry's token service rejected the username and password (${this.credentialOrigin}); check them`
          : `${this.where}: the registry's token service refused anonymous access; give a username and password`,
        { inputMistake: !this.credentials }
      )
    }
    if (res.status !== 200) {
      await res.body?.cancel()
      throw new ImageError(`${this.where}: the registry's token service answered ${res.status}; try again later`)
    }
    let json: { token?: unknown; access_token?: unknown }
    try {
      json = (await res.json()) as typeof json
    } catch {
      throw new ImageError(`${this.where}: the registry's token service sent no token`)
    }
    const token = typeof json.token === 'string' ? json.token : json.access_token
    if (typeof token !== 'string' || token === '')
      throw new ImageError(`${this.where}: the registry's token service sent no token`)
    return token
  }

  /**
   * Runs `attempt` up to 1 + RETRY_DELAYS_MS.length times while it throws TransientError; once
   * `abandon` is aborted, the failure it caused is thrown as it is, without another try.
   */
  async withRetries<T>(attempt: () => Promise<T>, what: string, abandon?: AbortSignal): Promise<T> {
    for (let tries = 0; ; tries++) {
      try {
        return await attempt()
      } catch (error) {
        if (this.stop?.aborted && !(error instanceof ImageError)) throw this.stopped(what)
        if (!(error instanceof TransientError) || abandon?.aborted) throw error
        if (tries >= RETRY_DELAYS_MS.length) {
          throw new ImageError(
            `${this.where}: ${what} failed after ${tries + 1} tries: ${error.message}; check that the registry is reachable and try again`
          )
        }
        const retryAfter = (error as TransientError & { retryAfterMs?: number }).retryAfterMs
        const waitMs = Math.min(Math.max(RETRY_DELAYS_MS[tries], retryAfter ?? 0), MAX_RETRY_AFTER_MS)
        await sleep(waitMs, abandon && this.stop ? AbortSignal.any([abandon, this.stop]) : (abandon ?? this.stop))
        if (this.stop?.aborted) throw this.stopped(what)
        if (abandon?.aborted) throw error
      }
    }
  }

  /**
   * GETs a path under /v2/<repository>/, authenticating on 401, and hands a 2xx response to `consume`.
   * Transient failures (429, 5xx, a broken or stalled connection, also while `consume` reads the body)
   * start over with backoff; anything else becomes an ImageError naming the problem. Aborting
   * `abandon` breaks off the request (the pull it belongs to has failed).
   */
  async request<T>(
    path: string,
    what: string,
    accept: string | undefined,
    consume: (res: OpenResponse) => Promise<T>,
    { method = 'GET', abandon, bytes }: { method?: 'GET' | 'HEAD'; abandon?: AbortSignal; bytes?: number } = {}
  ): Promise<T> {
    if (this.stop?.aborted) throw this.stopped(what)
    const url = `${await this.baseUrl()}/v2/${this.ref.repository}/${path}`
    const tried = new Set<string>()
    return this.withRetries(
      async () => {
        for (;;) {
          const res = await this.sendOnce(url, { what, accept, method, abandon, bytes })
          if (res.status === 401 && (await this.authenticate(res.headers.get('www-authenticate'), tried))) {
            res.close()
            continue
          }
          if (isRetryableStatus(res.status)) {
            res.close()
            const err = new TransientError(`the registry answered ${res.status}`) as TransientError & {
              retryAfterMs?: number
            }
            const after = Number(res.headers.get('retry-after'))
            if (Number.isFinite(after) && after > 0) err.retryAfterMs = after * 1000
            throw err
          }
          if (res.status < 200 || res.status >= 300) throw await this.statusError(res, what)
          try {
            return await consume(res)
          } catch (error) {
            if (error instanceof ImageError) throw error
            const limit = res.cutShort()
            if (limit) throw limit
            if (error instanceof TransientError) throw error
            throw new TransientError(networkProblem(error))
          } finally {
            res.close()
          }
        }
      },
      what,
      abandon
    )
  }

  private async statusError(res: OpenResponse, what: string): Promise<ImageError> {
    let code = ''
    try {
      const text = await readLimited(res.body, 64 * 1024, { where: this.where, what })
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
        this.credentials
          ? `${this.where}: the registry rejected the username and password (${this.credentialOrigin}) while ${what} (${status}); check them`
          : `${this.where}: the repository does not exist or needs a login (${status}); ` +
              'check the name, or give a username and password (or run docker login)',
        { inputMistake: !this.credentials }
      )
    }
    if (res.status === 403) {
      return new ImageError(
        `${this.where}: access denied while ${what} (${status}); the account needs pull access to this repository`
      )
    }
    if (res.status === 404) {
      return new ImageError(
        `${this.where}: not found while ${what} (${status}); check the image name, tag and digest`,
        { inputMistake: true }
      )
    }
    return new ImageError(`${this.where}: the registry answered ${status} while ${what}`)
  }

  /**
   * The digest a tag names now, from a HEAD request's Docker-Content-Digest (which registries do not count
   * against pull rate limits); undefined when the registry does not say.
   */
  async headManifest(tag: string, accept: string): Promise<string | undefined> {
    const digest = await this.request(
      `manifests/${tag}`,
      `checking the tag ${tag}`,
      accept,
      (res) => Promise.resolve(res.headers.get('docker-content-digest')),
      { method: 'HEAD' }
    )
    return digest && /^sha256:[a-f0-9]{64}$/.test(digest) ? digest : undefined
  }

  /** Fetches a manifest (by tag or digest) with all the media types this module reads. */
  async getManifest(reference: string, accept: string): Promise<{ bytes: Buffer; contentType: string }> {
    const what = `fetching the manifest ${reference.length > 20 ? reference.slice(0, 19) + '…' : reference}`
    return this.request(`manifests/${reference}`, what, accept, async (res) => ({
      bytes: await readLimited(res.body, MAX_MANIFEST_BYTES, { where: this.where, what }),
      contentType: res.headers.get('content-type') ?? ''
    }))
  }
}

/** How a limit reads in a message: 8 MiB, 64 KiB. */
function sizeText(bytes: number): string {
  return bytes % 2 ** 20 === 0 ? `${bytes / 2 ** 20} MiB` : `${bytes / 2 ** 10} KiB`
}

/**
 * Reads a whole stream, failing when it is longer than `limit` bytes; the failure says where
 * (RegistryClient.where) and while doing what, as every other image error does.
 */
export async function readLimited(
  stream: Readable,
  limit: number,
  context: { where: string; what: string }
): Promise<Buffer> {
  const chunks: Buffer[] = []
  let total = 0
  for await (const chunk of stream) {
    total += (chunk as Buffer).length
    if (total > limit) {
      throw new ImageError(
        `${context.where}: the registry sent more than ${sizeText(limit)} while ${context.what}; it is misbehaving`
      )
    }
    chunks.push(chunk as Buffer)
  }
  return Buffer.concat(chunks)
}
