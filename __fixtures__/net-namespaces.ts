/**
 * Network namespaces for the network-policy tests: the action runs in one holding only lo
 * and a link to a second, the test's hosts, at a documentation-range address (public to
 * the policy) and a private one. Nothing here reaches a real network, broken policy or not.
 * `ip netns exec` gives the action /etc/netns/NAME/resolv.conf as its /etc/resolv.conf.
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process'
import fs from 'node:fs'

export const PUBLIC_HOST = '192.0.2.10'
export const PRIVATE_HOST = '10.99.0.10'
export const RESOLVER = '127.0.0.53'
/** What the test's resolver answers for every name. */
export const RESOLVED = '192.0.2.77'

export interface TestNet {
  /** The namespace the action runs in. */
  name: string
  /** Runs a Node.js script in a namespace; killed by close(). */
  serve: (where: 'action' | 'hosts', script: string) => Promise<ChildProcess>
  close: () => void
}

function ip(...args: string[]): void {
  execFileSync('ip', args, { stdio: 'ignore' })
}

export function createTestNet(): TestNet {
  const name = `krun-net-${process.pid}`
  const hosts = `${name}-h`
  const children: ChildProcess[] = []
  ip('netns', 'add', name)
  ip('netns', 'add', hosts)
  fs.mkdirSync(`/etc/netns/${name}`, { recursive: true })
  fs.writeFileSync(`/etc/netns/${name}/resolv.conf`, `nameserver ${RESOLVER}\n`)
  ip('-n', name, 'link', 'set', 'lo', 'up')
  ip('-n', hosts, 'link', 'set', 'lo', 'up')
  ip('-n', name, 'link', 'add', 'veth0', 'type', 'veth', 'peer', 'name', 'veth1', 'netns', hosts)
  ip('-n', name, 'addr', 'add', '192.0.2.1/24', 'dev', 'veth0')
  ip('-n', name, 'addr', 'add', '10.99.0.1/24', 'dev', 'veth0')
  ip('-n', hosts, 'addr', 'add', `${PUBLIC_HOST}/24`, 'dev', 'veth1')
  ip('-n', hosts, 'addr', 'add', `${PRIVATE_HOST}/24`, 'dev', 'veth1')
  ip('-n', name, 'link', 'set', 'veth0', 'up')
  ip('-n', hosts, 'link', 'set', 'veth1', 'up')
  return {
    name,
    serve: async (where, script) => {
      const child = spawn('ip', ['netns', 'exec', where === 'action' ? name : hosts, process.execPath, '-e', script], {
        stdio: ['ignore', 'pipe', 'inherit']
      })
      children.push(child)
      // Each script prints one line once it listens.
      await new Promise<void>((resolve, reject) => {
        child.stdout?.once('data', () => resolve())
        child.once('exit', (code) => reject(new Error(`a test server in ${where} ended (${code})`)))
      })
      return child
    },
    close: () => {
      for (const child of children) child.kill('SIGKILL')
      for (const each of [name, hosts]) {
        try {
          ip('netns', 'del', each)
        } catch {
          // already gone
        }
      }
      fs.rmSync(`/etc/netns/${name}`, { recursive: true, force: true })
    }
  }
}

/** A TCP server on host:port that answers every connection with `hello from NAME`. */
export function helloServer(host: string, port: number, name: string): string {
  return `require('net').createServer((s) => s.end('hello from ${name}\\n')).listen(${port}, '${host}', () => console.log('up'))`
}

/** A DNS server on RESOLVER:53 (UDP) that answers every A query with RESOLVED. */
export function resolverServer(): string {
  return `const s = require('dgram').createSocket('udp4')
s.on('message', (q, r) => {
  const end = q.indexOf(0, 12) + 5
  const answer = Buffer.concat([q.subarray(0, 2), Buffer.from([0x81, 0x80, 0, 1, 0, 1, 0, 0, 0, 0]), q.subarray(12, end),
    Buffer.from([0xc0, 0x0c, 0, 1, 0, 1, 0, 0, 0, 60, 0, 4, ${RESOLVED.split('.').join(', ')}])])
  s.send(answer, r.port, r.address)
})
s.bind(53, '${RESOLVER}', () => console.log('up'))`
}
