/**
 * Registry requests through the proxy the environment names (HTTPS_PROXY, HTTP_PROXY, NO_PROXY and
 * their lowercase forms), as Docker and the runner itself honour them. Node's fetch ignores them
 * unless asked; newer Node versions can be asked at run time (http.setGlobalProxyFromEnv).
 */
import http from 'node:http'
import { ImageError } from './errors.js'

const PROXY_VARIABLES = ['HTTPS_PROXY', 'https_proxy', 'HTTP_PROXY', 'http_proxy'] as const

export interface ProxyUse {
  /** A line for the log naming the variables and the proxies' hosts (never credentials); undefined without a proxy. */
  description?: string
  /** Puts direct connections back. */
  restore: () => void
}

/** The proxy's host:port, without the user name and password a proxy URL may carry. */
function proxyHost(value: string): string | undefined {
  try {
    return new URL(value).host || undefined
  } catch {
    return undefined
  }
}

/** Sends this process's fetches through the environment's proxy until restore() is called; `where` begins errors. */
export function useProxyFromEnv(env: NodeJS.ProcessEnv, where: string): ProxyUse {
  const set = PROXY_VARIABLES.filter((name) => env[name])
  if (set.length === 0) return { restore: () => undefined }
  const unreadable = set.find((name) => !proxyHost(env[name]!))
  if (unreadable) {
    throw new ImageError(
      `${where}: ${unreadable} is not a proxy URL; set it like http://proxy.example:3128, or unset it`
    )
  }
  const proxies = set.map((name) => `${name}: ${proxyHost(env[name]!)}`).join(', ')
  // Node 24.14 added it: earlier Node 24 releases connect directly.
  if (typeof http.setGlobalProxyFromEnv !== 'function') {
    return {
      description: `Not using the proxy (${proxies}): Node ${process.versions.node} cannot send requests through one; connecting directly`,
      restore: () => undefined
    }
  }
  return { description: `Connecting through the proxy (${proxies})`, restore: http.setGlobalProxyFromEnv({ ...env }) }
}
