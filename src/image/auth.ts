/**
 * Registry credentials (explicit, or as a Docker config file gives them: its own `auths`, or a
 * credential helper program it names) and authentication challenges.
 */
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { errorCode } from './errors.js'
import { DOCKER_HUB } from './reference.js'

export interface Credentials {
  username: string
  password: string
}

export interface ResolvedCredentials {
  credentials?: Credentials
  /** Where they came from, for messages (never the credentials themselves): 'as given', 'from docker-credential-pass'. */
  origin?: string
  /** Why the Docker config's source gave none (a helper missing or failing), for the log. */
  problem?: string
}

const DOCKER_HUB_SERVER = 'https://index.docker.io/v1/'
const HELPER_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]*$/
const HELPER_TIMEOUT_MS = 30_000

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
 * Asks a credential helper (docker-credential-NAME get, the server on stdin, JSON on stdout) for a
 * registry's credentials. What it prints is never shown: it may hold the secret. Not @actions/exec:
 * a program the Docker config names gets a time limit and a cap on what it may print.
 */
function fromHelper(helper: string, registry: string, env: NodeJS.ProcessEnv): ResolvedCredentials {
  if (!HELPER_NAME.test(helper))
    return { problem: 'the Docker config names a credential helper that is not a program name' }
  const program = `docker-credential-${helper}`
  const answer = spawnSync(program, ['get'], {
    input: registry === DOCKER_HUB ? DOCKER_HUB_SERVER : registry,
    env,
    encoding: 'utf8',
    timeout: HELPER_TIMEOUT_MS,
    maxBuffer: 64 * 1024
  })
  if (errorCode(answer.error) === 'ENOENT')
    return { problem: `${program}, which the Docker config names, is not installed` }
  if (answer.error || answer.status !== 0) {
    // Helpers say "credentials not found" and fail when they hold nothing for the server.
    if (/not found/i.test(`${answer.stdout}${answer.stderr}`)) return {}
    return { problem: `${program} failed (${answer.error ? 'no answer' : `exit code ${answer.status}`})` }
  }
  let reply: { Username?: unknown; Secret?: unknown }
  try {
    reply = JSON.parse(answer.stdout) as typeof reply
  } catch {
    return { problem: `${program} answered something other than JSON` }
  }
  if (typeof reply.Username !== 'string' || typeof reply.Secret !== 'string')
    return { problem: `${program} answered without a username and secret` }
  if (reply.Username === '') return {} // some helpers answer so when they hold nothing for the server
  if (reply.Username === '<token>')
    return {
      problem: `${program} holds an identity token, which is not supported; log in with a username and password`
    }
  return { credentials: { username: reply.Username, password: reply.Secret }, origin: `from ${program}` }
}

/**
 * The credentials a Docker config gives for `registry` (as in ImageReference.registry), as the
 * Docker CLI finds them: the helper `credHelpers` names for it, else the `credsStore` helper, else
 * the file's own `auths`. An unreadable or malformed file counts as none.
 */
export function dockerConfigCredentials(registry: string, env: NodeJS.ProcessEnv): ResolvedCredentials {
  let config: { auths?: unknown; credHelpers?: unknown; credsStore?: unknown }
  try {
    config = JSON.parse(fs.readFileSync(dockerConfigPath(env), 'utf8')) as typeof config
  } catch {
    return {}
  }
  if (!config || typeof config !== 'object') return {}
  const wanted = registryKey(registry)
  const entries = (value: unknown): [string, unknown][] =>
    value && typeof value === 'object' ? Object.entries(value as Record<string, unknown>) : []
  const helper = entries(config.credHelpers).find(
    ([key, name]) => registryKey(key) === wanted && typeof name === 'string'
  )
  if (helper) return fromHelper(helper[1] as string, registry, env)
  if (typeof config.credsStore === 'string' && config.credsStore !== '')
    return fromHelper(config.credsStore, registry, env)
  for (const [key, entry] of entries(config.auths)) {
    if (registryKey(key) !== wanted || !entry || typeof entry !== 'object') continue
    const credentials = fromEntry(entry)
    if (credentials) return { credentials, origin: 'from the Docker config file' }
  }
  return {}
}

/** Explicit credentials first, else the Docker config's, else anonymous. */
export function resolveCredentials(
  registry: string,
  explicit: Credentials | undefined,
  env: NodeJS.ProcessEnv
): ResolvedCredentials {
  if (explicit && explicit.username !== '') return { credentials: explicit, origin: 'as given' }
  return dockerConfigCredentials(registry, env)
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
