/**
 * Network `public`: the one table of the destinations the VM process refuses, and the
 * policy file krun-netguard reads (native/netguard/policy.c): allow rules first (the
 * host's resolvers on port 53, then the `allow` input), then the refused ranges; whatever
 * matches no rule is allowed. krun-netguard has no list of its own.
 */
import net from 'node:net'

export interface RefusedRange {
  range: string
  what: string
}

/** Refused with `network: public`; also in their IPv4-mapped and IPv4-compatible IPv6 forms. */
export const REFUSED_RANGES: readonly RefusedRange[] = [
  { range: '0.0.0.0/8', what: '"this" network' },
  { range: '127.0.0.0/8', what: "loopback: the runner's own services" },
  { range: '10.0.0.0/8', what: 'private' },
  { range: '172.16.0.0/12', what: 'private' },
  { range: '192.168.0.0/16', what: 'private' },
  { range: '100.64.0.0/10', what: 'carrier-grade NAT' },
  { range: '169.254.0.0/16', what: 'link-local, with the cloud metadata service (169.254.169.254)' },
  { range: '224.0.0.0/4', what: 'multicast' },
  { range: '255.255.255.255/32', what: 'broadcast' },
  { range: '::1/128', what: 'loopback' },
  { range: '::/128', what: 'unspecified' },
  { range: 'fc00::/7', what: 'unique local (private)' },
  { range: 'fe80::/10', what: 'link-local' },
  { range: 'ff00::/8', what: 'multicast' }
]

/** One rule of the policy file: `port` 0 is any port. */
export interface PolicyRule {
  allow: boolean
  address: string
  prefix: number
  port: number
}

const POLICY_HEADER = 'krun-netguard-policy 1'
export const DNS_PORT = 53

/** A CIDR of the range table or of a parsed input, as a rule. */
export function cidrRule(cidr: string, allow: boolean, port = 0): PolicyRule {
  const [address, prefix] = cidr.split('/')
  return { allow, address, prefix: Number(prefix ?? (net.isIPv6(address) ? 128 : 32)), port }
}

/** The resolvers /etc/resolv.conf names (a zone index, fe80::1%eth0, is dropped: the guard compares addresses). */
export function resolversOf(resolvConf: string): string[] {
  const found = resolvConf
    .split('\n')
    .map((line) => /^\s*nameserver\s+(\S+)/.exec(line)?.[1]?.replace(/%.*$/, ''))
    .filter((address): address is string => address !== undefined && net.isIP(address) !== 0)
  return [...new Set(found)]
}

/** Every rule, in the order the guard tries them. */
export function policyRules(resolvers: readonly string[], allowed: readonly PolicyRule[]): PolicyRule[] {
  return [
    ...resolvers.map((address) => cidrRule(address, true, DNS_PORT)),
    ...allowed,
    ...REFUSED_RANGES.map(({ range }) => cidrRule(range, false))
  ]
}

export function renderPolicy(rules: readonly PolicyRule[]): string {
  const lines = rules.map((rule) => `${rule.allow ? 'allow' : 'deny'} ${rule.address}/${rule.prefix} ${rule.port}`)
  return [POLICY_HEADER, ...lines].map((line) => `${line}\n`).join('')
}
