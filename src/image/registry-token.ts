/** The Bearer token a registry's 401 challenge asks for, from its token service (credentials only over HTTPS). */
import { basicAuthorization } from './auth.js'
import { ImageError, excerpt } from './errors.js'
import type { ImageReference } from './reference.js'
import { type Asker, TransientError, isRetryableStatus, networkProblem } from './registry-errors.js'
import { type RequestLimits, requestDeadlineMs } from './request-limits.js'

/** What of the client a token request uses. */
export interface TokenAsker extends Asker {
  ref: ImageReference
  limits: RequestLimits
  stop?: AbortSignal
  stopped(what: string): ImageError
  withRetries<T>(attempt: () => Promise<T>, what: string): Promise<T>
}

export async function fetchToken(params: Record<string, string>, client: TokenAsker): Promise<string> {
  let realm: URL
  try {
    realm = new URL(params.realm)
  } catch {
    throw new ImageError(`${client.where}: the registry's token endpoint "${excerpt(params.realm, 80)}" is not a URL`)
  }
  if (params.service) realm.searchParams.set('service', params.service)
  realm.searchParams.set('scope', params.scope || `repository:${client.ref.repository}:pull`)
  const headers: Record<string, string> = { 'User-Agent': 'krun-action' }
  if (client.credentials) {
    const loopbackHttp = realm.protocol === 'http:' && client.ref.loopback && realm.host === client.ref.endpoint
    if (realm.protocol !== 'https:' && !loopbackHttp) {
      throw new ImageError(
        `${client.where}: the registry's token endpoint is not HTTPS; refusing to send credentials to it`
      )
    }
    realm.searchParams.set('account', client.credentials.username)
    headers.Authorization = basicAuthorization(client.credentials)
  }
  const res = await client.withRetries(async () => {
    try {
      const deadline = AbortSignal.timeout(requestDeadlineMs(client.limits))
      const signal = client.stop ? AbortSignal.any([deadline, client.stop]) : deadline
      const r = await fetch(realm, { headers, signal })
      if (isRetryableStatus(r.status)) {
        await r.body?.cancel()
        throw new TransientError(`the token endpoint answered ${r.status}`)
      }
      return r
    } catch (error) {
      if (error instanceof TransientError) throw error
      if (client.stop?.aborted) throw client.stopped('getting a token')
      throw new TransientError(networkProblem(error))
    }
  }, 'getting a token')
  if (res.status === 401 || res.status === 403) {
    await res.body?.cancel()
    throw new ImageError(
      client.credentials
        ? `${client.where}: the registry's token service rejected the username and password (${client.credentialOrigin}); check them`
        : `${client.where}: the registry's token service refused anonymous access; give a username and password`,
      { inputMistake: !client.credentials }
    )
  }
  if (res.status !== 200) {
    await res.body?.cancel()
    throw new ImageError(`${client.where}: the registry's token service answered ${res.status}; try again later`)
  }
  let json: { token?: unknown; access_token?: unknown }
  try {
    json = (await res.json()) as typeof json
  } catch {
    throw new ImageError(`${client.where}: the registry's token service sent no token`)
  }
  const token = typeof json.token === 'string' ? json.token : json.access_token
  if (typeof token !== 'string' || token === '')
    throw new ImageError(`${client.where}: the registry's token service sent no token`)
  return token
}
