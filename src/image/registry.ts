/**
 * A client for the OCI distribution API: HTTPS (plain HTTP only for loopback registries, as Docker),
 * Bearer-token and Basic authentication, redirects to blob storage, retries with backoff, and the
 * limits of request-limits.ts on every request.
 */
import { Readable, Transform, pipeline } from 'node:stream'
import type { ReadableStream as WebReadableStream } from 'node:stream/web'
import { basicAuthorization, parseChallenges, type Credentials } from './auth.js'
import { ImageError } from './errors.js'
import { readLimited } from './read-limited.js'
import {
  type OpenResponse,
  TransientError,
  isRetryableStatus,
  networkProblem,
  statusError,
  stopReason,
  tooSlow
} from './registry-errors.js'
import { RETRIES, retryDelayMs, sleep } from './registry-retry.js'
import { fetchToken } from './registry-token.js'
import { formatSeconds } from './progress.js'
import { whereOf, type ImageReference } from './reference.js'
import { DEFAULT_REQUEST_LIMITS, type RequestLimits, requestDeadlineMs } from './request-limits.js'

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

interface SendOptions {
  /** What the request is for, as messages say it: 'fetching layer 2/5 sha256:…'. */
  what: string
  accept: string | undefined
  method: string
  abandon: AbortSignal | undefined
  /** How many bytes the body should have, when known (a blob): its deadline allows for them. */
  bytes: number | undefined
}

export class RegistryClient {
  readonly ref: ImageReference
  /** 'registry 127.0.0.1:5000, repository test/app' — the prefix of every error this client raises. */
  readonly where: string
  readonly credentials?: Credentials
  readonly credentialOrigin: string
  readonly limits: RequestLimits
  readonly stop?: AbortSignal
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
      if (limitHit === 'deadline') return tooSlow(this.where, what, deadlineMs, received)
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
      this.authorization = `Bearer ${await fetchToken(bearer.params, this)}`
      return true
    }
    if (challenges.some((c) => c.scheme === 'basic') && this.credentials && !tried.has('basic')) {
      tried.add('basic')
      this.authorization = basicAuthorization(this.credentials)
      return true
    }
    return false
  }

  /**
   * Runs `attempt` up to 1 + RETRIES times while it throws TransientError; once
   * `abandon` is aborted, the failure it caused is thrown as it is, without another try.
   */
  async withRetries<T>(attempt: () => Promise<T>, what: string, abandon?: AbortSignal): Promise<T> {
    for (let tries = 0; ; tries++) {
      try {
        return await attempt()
      } catch (error) {
        if (this.stop?.aborted && !(error instanceof ImageError)) throw this.stopped(what)
        if (!(error instanceof TransientError) || abandon?.aborted) throw error
        if (tries >= RETRIES) {
          throw new ImageError(
            `${this.where}: ${what} failed after ${tries + 1} tries: ${error.message}; check that the registry is reachable and try again`
          )
        }
        const retryAfter = (error as TransientError & { retryAfterMs?: number }).retryAfterMs
        await sleep(
          retryDelayMs(tries, retryAfter),
          abandon && this.stop ? AbortSignal.any([abandon, this.stop]) : (abandon ?? this.stop)
        )
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
          if (res.status < 200 || res.status >= 300) throw await statusError(res, what, this)
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
