/** Image references, parsed and normalized the way Docker does it. */
import { InvalidReferenceError, excerpt } from './errors.js'

export const DOCKER_HUB = 'docker.io'
/** Where Docker Hub's registry API actually lives. */
export const DOCKER_HUB_ENDPOINT = 'registry-1.docker.io'

export interface ImageReference {
  /** The registry as the user names it: 'docker.io', 'ghcr.io', 'localhost:5000', '[::1]:5000'. */
  registry: string
  /** The repository inside it: 'library/alpine', 'owner/name'. */
  repository: string
  /** The tag; 'latest' when the reference names neither a tag nor a digest. */
  tag?: string
  /** 'sha256:<64 hex>' when the reference pins one (it then wins over the tag). */
  digest?: string
  /** The full, canonical form: 'docker.io/library/alpine:latest', 'ghcr.io/o/r@sha256:…'. */
  normalized: string
  /** host[:port] the registry API is reached at ('registry-1.docker.io' for Docker Hub). */
  endpoint: string
  /** True for loopback registries (localhost, 127.0.0.0/8, [::1]), which may be plain HTTP as in Docker. */
  loopback: boolean
}

/** 'registry 127.0.0.1:5000, repository test/app': how every image error says where it happened. */
export function whereOf(ref: ImageReference): string {
  return `registry ${ref.registry}, repository ${ref.repository}`
}

const ALNUM = '[a-z0-9]+'
const SEPARATOR = '(?:[._]|__|-+)'
const PATH_COMPONENT = new RegExp(`^${ALNUM}(?:${SEPARATOR}${ALNUM})*$`)
const DOMAIN_COMPONENT = '(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])'
const DOMAIN = new RegExp(`^(?:${DOMAIN_COMPONENT}(?:\\.${DOMAIN_COMPONENT})*|\\[[a-fA-F0-9:]+\\])(?::[0-9]+)?$`)
const TAG = /^[\w][\w.-]{0,127}$/
const SHA256_DIGEST = /^sha256:[a-f0-9]{64}$/
const ANY_DIGEST = /^[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}$/
const MAX_NAME = 255

const EXAMPLES = 'write it like alpine, ubuntu:24.04, ghcr.io/owner/name:tag or name@sha256:<64 hex digits>'

function invalid(text: string, problem: string): InvalidReferenceError {
  return new InvalidReferenceError(text, `${problem}; ${EXAMPLES}`)
}

/** True for the hosts Docker lets speak plain HTTP without configuration. */
export function isLoopbackHost(hostPort: string): boolean {
  const host = hostPort.startsWith('[') ? hostPort.slice(0, hostPort.indexOf(']') + 1) : hostPort.split(':')[0]
  if (host.toLowerCase() === 'localhost') return true
  if (host === '[::1]') return true
  const octets = host.split('.')
  return octets.length === 4 && octets[0] === '127' && octets.every((o) => /^\d{1,3}$/.test(o) && Number(o) <= 255)
}

/**
 * Parses an image reference as the user typed it. Throws an InvalidReferenceError for anything Docker would
 * reject, with no network access, so callers can validate their input early.
 */
export function parseImageReference(text: string): ImageReference {
  const input = text.trim()
  if (input === '') throw invalid(text, 'it is empty')
  if (/\s/.test(input)) throw invalid(text, 'it contains whitespace')
  if (input.includes('://')) throw invalid(text, 'leave out the scheme (https://)')

  let rest = input
  let digest: string | undefined
  const at = rest.indexOf('@')
  if (at !== -1) {
    digest = rest.slice(at + 1)
    rest = rest.slice(0, at)
    if (!ANY_DIGEST.test(digest)) throw invalid(text, 'the digest after @ is malformed')
    if (!SHA256_DIGEST.test(digest)) throw invalid(text, 'only sha256 digests (64 lowercase hex digits) are supported')
  }

  let tag: string | undefined
  const colon = rest.lastIndexOf(':')
  if (colon > rest.lastIndexOf('/')) {
    tag = rest.slice(colon + 1)
    rest = rest.slice(0, colon)
    if (!TAG.test(tag)) throw invalid(text, `the tag "${excerpt(tag, 40)}" is malformed`)
  }
  if (rest === '') throw invalid(text, 'it names no repository')

  let registry = DOCKER_HUB
  let path = rest
  const slash = rest.indexOf('/')
  if (slash !== -1) {
    const first = rest.slice(0, slash)
    if (/[.:]/.test(first) || first === 'localhost' || first.toLowerCase() !== first) {
      registry = first
      path = rest.slice(slash + 1)
      if (!DOMAIN.test(registry)) throw invalid(text, `the registry "${excerpt(registry, 60)}" is not a host name`)
    }
  }
  if (registry === 'index.docker.io' || registry === DOCKER_HUB_ENDPOINT) registry = DOCKER_HUB
  if (registry === DOCKER_HUB && !path.includes('/')) path = `library/${path}`

  const components = path.split('/')
  for (const component of components) {
    if (component !== component.toLowerCase()) throw invalid(text, 'repository name must be lowercase')
    if (!PATH_COMPONENT.test(component)) {
      throw invalid(
        text,
        'the repository may hold only lowercase letters, digits and separators (. _ __ -) between them'
      )
    }
  }
  const name = `${registry}/${path}`
  if (name.length > MAX_NAME) throw invalid(text, `the repository name is longer than ${MAX_NAME} characters`)

  if (!tag && !digest) tag = 'latest'
  const normalized = `${name}${tag ? `:${tag}` : ''}${digest ? `@${digest}` : ''}`
  return {
    registry,
    repository: path,
    tag,
    digest,
    normalized,
    endpoint: registry === DOCKER_HUB ? DOCKER_HUB_ENDPOINT : registry,
    loopback: isLoopbackHost(registry)
  }
}
