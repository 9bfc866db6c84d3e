/**
 * The `allow` input: exceptions to network `public`, one a line: CIDR, CIDR:PORT, HOST or
 * HOST:PORT (an IPv6 address with a port in brackets: [fd00::1]:443). Host names are
 * resolved once, when the run starts, to every address they have.
 */
import dns from 'node:dns'
import net from 'node:net'
import { InputError, errorText, showValue } from '../errors.js'
import { type PolicyRule, cidrRule } from '../vm-process/network-policy.js'

export interface AllowEntry {
  /** An address or CIDR, or a host name to resolve. */
  target: string
  isHost: boolean
  /** 0: any port. */
  port: number
}

const FORM = 'expected CIDR, CIDR:PORT, HOST or HOST:PORT (e.g. 10.1.2.0/24:5432, [fd00::1]:443), one per line'
const HOST_NAME = /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*\.?$/i
const MAX_ENTRIES = 1000

function parsePort(text: string, problem: (what: string) => InputError): number {
  if (!/^[1-9][0-9]{0,4}$/.test(text) || Number(text) > 65535)
    throw problem(`port ${showValue(text)} is not 1 to 65535`)
  return Number(text)
}

/** An address with an optional /PREFIX, or undefined when it is not one. */
function cidrOf(text: string): string | undefined {
  const [address, prefix, ...rest] = text.split('/')
  const family = net.isIP(address)
  if (family === 0 || address.includes('%') || rest.length > 0) return undefined
  if (prefix === undefined) return address
  const max = family === 4 ? 32 : 128
  if (!/^(0|[1-9][0-9]{0,2})$/.test(prefix) || Number(prefix) > max) return undefined
  return `${address}/${prefix}`
}

function parseLine(line: string, lineNumber: number): AllowEntry {
  const problem = (what: string) => new InputError('allow', `line ${lineNumber}: ${what}; ${FORM}`)
  let target = line
  let port = 0
  const bracketed = /^\[([^\]]+)\](?::(.*))?$/.exec(line)
  if (bracketed) {
    target = bracketed[1]
    if (bracketed[2] !== undefined) port = parsePort(bracketed[2], problem)
  } else if ((line.match(/:/g) ?? []).length === 1) {
    const colon = line.indexOf(':')
    target = line.slice(0, colon)
    port = parsePort(line.slice(colon + 1), problem)
  }
  const cidr = cidrOf(target)
  if (cidr !== undefined) return { target: cidr, isHost: false, port }
  // A last label of digits only is an address out of form (256.1.1.1), never a host name.
  const numeric = /(^|\.)[0-9]+\.?$/.test(target)
  if (bracketed || numeric || target.includes('/') || target.includes(':') || !HOST_NAME.test(target)) {
    throw problem(`${showValue(line)} is not an address, CIDR or host name`)
  }
  return { target: target.toLowerCase(), isHost: true, port }
}

/** The input's lines, checked for form; nothing is resolved here. */
export function parseAllow(raw: string): AllowEntry[] {
  const entries: AllowEntry[] = []
  raw.split('\n').forEach((text, index) => {
    const line = text.trim()
    if (line !== '') entries.push(parseLine(line, index + 1))
  })
  if (entries.length > MAX_ENTRIES) throw new InputError('allow', `has ${entries.length} lines; at most ${MAX_ENTRIES}`)
  return entries
}

export type Lookup = (host: string) => Promise<string[]>

const lookupAll: Lookup = async (host) =>
  (await dns.promises.lookup(host, { all: true, verbatim: true })).map((found) => found.address)

/** The entries as allow rules, each host name resolved now to all its addresses. */
export async function resolveAllow(entries: readonly AllowEntry[], lookup: Lookup = lookupAll): Promise<PolicyRule[]> {
  const rules: PolicyRule[] = []
  for (const entry of entries) {
    if (!entry.isHost) {
      rules.push(cidrRule(entry.target, true, entry.port))
      continue
    }
    let addresses: string[]
    try {
      addresses = await lookup(entry.target)
    } catch (error) {
      throw new InputError(
        'allow',
        `the host name ${showValue(entry.target)} does not resolve (${errorText(error)}); ${FORM}`
      )
    }
    if (addresses.length === 0) throw new InputError('allow', `the host name ${showValue(entry.target)} has no address`)
    for (const address of addresses) rules.push(cidrRule(address, true, entry.port))
  }
  return rules
}
