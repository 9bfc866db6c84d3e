/**
 * Which URLs an archive may come from, and how a message shows one. The same rule holds for the
 * URL the user gives and for every redirect: HTTPS, or plain HTTP to a loopback host (as for
 * image registries), and never a user name or password in the URL.
 */
import { isLoopbackHost } from '../image/reference.js'

/** Why nothing may be fetched from `url`, or undefined when it may. */
export function transportProblem(url: URL): string | undefined {
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    return `uses ${url.protocol.slice(0, -1)}:, which is not supported (https, or plain http to this machine's loopback)`
  if (url.protocol === 'http:' && !isLoopbackHost(url.host))
    return 'is plain HTTP to another machine (plain http only to localhost, 127.0.0.0/8 or [::1])'
  if (url.username !== '' || url.password !== '') return 'carries a user name or password'
  return undefined
}

/** The URL without its query and fragment (which may carry a signed token), shortened: for messages. */
export function shownUrl(url: string | URL): string {
  const parsed = typeof url === 'string' ? new URL(url) : url
  const text = `${parsed.protocol}//${parsed.host}${parsed.pathname}`.replace(/[\u0000-\u001f\u007f]/g, '?')
  return text.length > 120 ? `${text.slice(0, 120)}…` : text
}
