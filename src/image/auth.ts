/** Registry credentials (explicit, or from a Docker config file) and authentication challenges. */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { DOCKER_HUB } from './reference.js'

export interface Credentials {
  username: string
  password: string
}

/** Where credentials came from, for log lines (never the credentials themselves). */
export type CredentialSource = 'explicit' | 'docker-config' | 'anonymous'

export interface ResolvedCredentials {
  credentials?: Credentials
  source: CredentialSource
  /** The config file read, when source is 'docker-config'. */
  file?: string
}

/** The keys a Docker config may file a registry's credentials under, reduced to host[:port]. */
function registryKey(key: string): string {
  let host = key.trim().replace(/^[a-z][a-z0-9+.-]*:\/\//i, '')
  host = host.split('/')[0].toLowerCase()
  if (host === 'index.docker.io' || host === 'registry-1.docker.io' || host === 'registry.hub.docker.com') {
    return DOCKER_HUB
  }
  return host
}

/** The Docker config file to read: $DOCKER_CONFIG/config.json, else ~/.docker/config.json. */
export function dockerConfigPath(env: NodeJS.ProcessEnv): string {
  if (env.DOCKER_CONFIG) return path.join(env.DOCKER_CONFIG, 'config.json')
  const home = env.HOME || os.homedir()
  return path.join(home, '.docker', 'config.json')
}

interface AuthEntry {
  auth?: unknown
  username?: unknown
  password?: unknown
}

function fromEntry(entry: AuthEntry): Credentials | undefined {
  if (typeof entry.auth === 'string' && entry.auth !== '') {
    const decoded = Buffer.from(entry.auth, 'base64').toString('utf8')
    const colon = decoded.indexOf(':')
    if (colon > 0) return { username: decoded.slice(0, colon), password: decoded.slice(colon + 1) }
  }
  if (typeof entry.username === 'string' && entry.username !== '' && typeof entry.password === 'string') {
    return { username: entry.username, password: entry.password }
  }
  return undefined
}

/**
 * Reads the credentials a Docker config file holds for `registry` (as in ImageReference.registry).
 * Entries kept in credential helpers (credsStore, credHelpers) are not read: they need helper programs.
 * An unreadable or malformed file counts as no credentials.
 */
export function dockerConfigCredentials(
  registry: string,
  env: NodeJS.ProcessEnv
): { credentials: Credentials; file: string } | undefined {
  const file = dockerConfigPath(env)
  let config: unknown
  try {
    config = JSON.parse(fs.readFileSync(file, 'utf8'))
  } catch {
    return undefined
  }
  const auths = (config as { auths?: unknown })?.auths
  if (!auths || typeof auths !== 'object') return undefined
  const wanted = registryKey(registry)
  for (const [key, entry] of Object.entries(auths as Record<string, unknown>)) {
    if (registryKey(key) !== wanted || !entry || typeof entry !== 'object') continue
    const credentials = fromEntry(entry as AuthEntry)
    if (credentials) return { credentials, file }
  }
  return undefined
}

/** Explicit credentials first, else the Docker config's, else anonymous. */
export function resolveCredentials(
  registry: string,
  explicit: Credentials | undefined,
  env: NodeJS.ProcessEnv
): ResolvedCredentials {
  if (explicit && explicit.username !== '') return { credentials: explicit, source: 'explicit' }
  const fromConfig = dockerConfigCredentials(registry, env)
  if (fromConfig) return { credentials: fromConfig.credentials, source: 'docker-config', file: fromConfig.file }
  return { source: 'anonymous' }
}

export interface Challenge {
  scheme: string
  params: Record<string, string>
}

/**
 * Parses a WWW-Authenticate header: `Bearer realm="…",service="…",scope="…"` or `Basic realm="…"`.
 * Several challenges in one header are split; the first is usually the one to answer.
 */
export function parseChallenges(header: string | null): Challenge[] {
  if (!header) return []
  const challenges: Challenge[] = []
  let current: Challenge | undefined
  let index = 0
  while (index < header.length) {
    // A parameter looks like name=value; anything else starting a token is a new scheme.
    const paramMatch = /\s*,?\s*([A-Za-z0-9!#$%&'*+.^_`|~-]+)\s*=\s*("(?:[^"\\]|\\.)*"|[^,\s]*)\s*,?/y
    paramMatch.lastIndex = index
    const param = current ? paramMatch.exec(header) : null
    if (param) {
      let value = param[2]
      if (value.startsWith('"')) value = value.slice(1, -1).replace(/\\(.)/g, '$1')
      current!.params[param[1].toLowerCase()] = value
      index = paramMatch.lastIndex
      continue
    }
    const schemeMatch = /\s*,?\s*([A-Za-z][A-Za-z0-9!#$%&'*+.^_`|~-]*)/y
    schemeMatch.lastIndex = index
    const scheme = schemeMatch.exec(header)
    if (!scheme) break
    current = { scheme: scheme[1].toLowerCase(), params: {} }
    challenges.push(current)
    index = schemeMatch.lastIndex
  }
  return challenges
}

export function basicAuthorization(credentials: Credentials): string {
  return `Basic ${Buffer.from(`${credentials.username}:${credentials.password}`, 'utf8').toString('base64')}`
}
