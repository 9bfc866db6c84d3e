/**
 * Network public's host side: the `allow` input, the policy file krun-netguard reads, the
 * README's table of refused ranges, and the refusal table read back.
 */
import { problemOf } from '../__fixtures__/inputs.js'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { InputError } from '../src/engine/errors.js'
import { parseAllow, resolveAllow } from '../src/engine/inputs/allow-input.js'
import { REFUSED_RANGES, policyRules, renderPolicy, resolversOf } from '../src/engine/vm-process/network-policy.js'
import { writePolicy } from '../src/engine/vm-process/net-guard.js'
import {
  BadTableError,
  TABLE_CAPACITY,
  createRefusedTable,
  parseRefusedTable,
  readRefusedTable,
  refusalLines
} from '../src/engine/vm-process/refused-table.js'

describe('the allow input', () => {
  it('takes CIDR, CIDR:PORT, HOST and HOST:PORT, one per line, blank lines aside', () => {
    expect(
      parseAllow('10.0.0.0/8\n 127.0.0.1:5432 \n\nfd00::/8\n[fd00::1]:443\n[::1]\nDB.internal\nregistry.local:5000\n')
    ).toEqual([
      { target: '10.0.0.0/8', isHost: false, port: 0 },
      { target: '127.0.0.1', isHost: false, port: 5432 },
      { target: 'fd00::/8', isHost: false, port: 0 },
      { target: 'fd00::1', isHost: false, port: 443 },
      { target: '::1', isHost: false, port: 0 },
      { target: 'db.internal', isHost: true, port: 0 },
      { target: 'registry.local', isHost: true, port: 5000 }
    ])
    expect(parseAllow('')).toEqual([])
  })

  it.each([
    ['10.0.0.0/33', 'line 1: "10.0.0.0/33" is not an address, CIDR or host name'],
    ['10.0.0.0/08', 'line 1: "10.0.0.0/08" is not an address, CIDR or host name'],
    ['fd00::/129', 'line 1: "fd00::/129" is not an address, CIDR or host name'],
    ['256.1.1.1', 'line 1: "256.1.1.1" is not an address, CIDR or host name'],
    ['ok.example\nbad_name', 'line 2: "bad_name" is not an address, CIDR or host name'],
    ['fe80::1%eth0', 'line 1: "fe80::1%eth0" is not an address, CIDR or host name'],
    ['10.0.0.1:0', 'line 1: port "0" is not 1 to 65535'],
    ['10.0.0.1:65536', 'line 1: port "65536" is not 1 to 65535'],
    ['[fd00::1]:x', 'line 1: port "x" is not 1 to 65535']
  ])('refuses %p in one line naming allow', (raw, problem) => {
    expect(problemOf(() => parseAllow(raw))).toEqual({
      input: 'allow',
      problem: `${problem}; expected CIDR, CIDR:PORT, HOST or HOST:PORT (e.g. 10.1.2.0/24:5432, [fd00::1]:443), one per line`
    })
  })

  it('resolves host names once, to every address, and names allow for one that does not resolve', async () => {
    const lookup = (host: string) =>
      host === 'db.internal'
        ? Promise.resolve(['10.1.2.3', 'fd00::3'])
        : Promise.reject(new Error(`getaddrinfo ENOTFOUND ${host}`))
    await expect(resolveAllow(parseAllow('db.internal:5432\n10.0.0.0/8'), lookup)).resolves.toEqual([
      { allow: true, address: '10.1.2.3', prefix: 32, port: 5432 },
      { allow: true, address: 'fd00::3', prefix: 128, port: 5432 },
      { allow: true, address: '10.0.0.0', prefix: 8, port: 0 }
    ])
    const failed = resolveAllow(parseAllow('nowhere.invalid'), lookup)
    await expect(failed).rejects.toThrow(InputError)
    const error = await failed.catch((caught: unknown) => caught as InputError)
    expect(error).toMatchObject({ input: 'allow' })
    expect((error as InputError).problem).toMatch(
      /^the host name "nowhere\.invalid" does not resolve \(getaddrinfo ENOTFOUND/
    )
  })
})

describe('the policy file', () => {
  it("puts the host's resolvers (port 53) and allow first, then every refused range", () => {
    const resolvers = resolversOf(
      '# comment\nnameserver 127.0.0.53\nnameserver fe80::1%eth0\nnameserver bogus\noptions edns0\n'
    )
    expect(resolvers).toEqual(['127.0.0.53', 'fe80::1'])
    const text = renderPolicy(policyRules(resolvers, [{ allow: true, address: '10.1.2.3', prefix: 32, port: 5432 }]))
    expect(text.split('\n')).toEqual([
      'krun-netguard-policy 1',
      'allow 127.0.0.53/32 53',
      'allow fe80::1/128 53',
      'allow 10.1.2.3/32 5432',
      ...REFUSED_RANGES.map(({ range }) => `deny ${range} 0`),
      ''
    ])
  })

  it('is written with the allow rules resolved', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'krun-policy-'))
    try {
      const file = path.join(dir, 'policy')
      await writePolicy(file, parseAllow('db.internal'), {
        resolvConf: 'nameserver 10.0.0.2\n',
        lookup: () => Promise.resolve(['10.9.9.9'])
      })
      expect(fs.readFileSync(file, 'utf8').split('\n').slice(0, 3)).toEqual([
        'krun-netguard-policy 1',
        'allow 10.0.0.2/32 53',
        'allow 10.9.9.9/32 0'
      ])
    } finally {
      fs.rmSync(dir, { recursive: true })
    }
  })

  it("matches the README's table of refused ranges, row for row", () => {
    const readme = fs.readFileSync(path.resolve(import.meta.dirname, '../README.md'), 'utf8').split('\n')
    const start = readme.indexOf('| Refused range | What it is |')
    expect(start).toBeGreaterThan(0)
    const rows: string[] = []
    for (let i = start + 2; readme[i]?.startsWith('|'); i++) rows.push(readme[i])
    expect(rows).toEqual(REFUSED_RANGES.map(({ range, what }) => `| \`${range}\` | ${what} |`))
  })
})

describe('the refusal table', () => {
  const HEADER = 32
  const ENTRY = 32
  let dir: string
  beforeEach(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'krun-table-'))))
  afterEach(() => fs.rmSync(dir, { recursive: true }))

  /** A table as krun-netguard leaves it. */
  function table(
    entries: { family: number; protocol: number; port: number; address: number[]; count: number }[],
    unlisted = 0
  ) {
    const file = path.join(dir, 'net-refused')
    createRefusedTable(file)
    const bytes = fs.readFileSync(file)
    bytes.writeUInt32LE(entries.length, 12)
    bytes.writeBigUInt64LE(BigInt(entries.reduce((sum, entry) => sum + entry.count, 0) + unlisted), 16)
    bytes.writeBigUInt64LE(BigInt(unlisted), 24)
    entries.forEach((entry, i) => {
      const at = HEADER + i * ENTRY
      bytes[at] = entry.family
      bytes[at + 1] = entry.protocol
      bytes.writeUInt16LE(entry.port, at + 2)
      Buffer.from(entry.address).copy(bytes, at + 8)
      bytes.writeBigUInt64LE(BigInt(entry.count), at + 24)
    })
    fs.writeFileSync(file, bytes)
    return { file, bytes }
  }

  it('reads the destinations back, the most refused first, and words them', () => {
    const mapped = [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff, 127, 0, 0, 1]
    const loopback6 = [...new Array<number>(15).fill(0), 1]
    const { file } = table([
      { family: 4, protocol: 17, port: 53, address: [10, 0, 0, 1], count: 1 },
      { family: 6, protocol: 6, port: 80, address: mapped, count: 3 },
      { family: 6, protocol: 6, port: 22, address: loopback6, count: 2 },
      { family: 1, protocol: 6, port: 0, address: [], count: 1 }
    ])
    const refusals = readRefusedTable(file)
    expect(refusals).toEqual({
      total: 7,
      unlisted: 0,
      entries: [
        { address: '::ffff:127.0.0.1', port: 80, protocol: 'tcp', count: 3 },
        { address: '::1', port: 22, protocol: 'tcp', count: 2 },
        { address: '10.0.0.1', port: 53, protocol: 'udp', count: 1 },
        { address: 'host unix socket', port: 0, protocol: 'tcp', count: 1 }
      ]
    })
    expect(refusalLines(refusals!)).toEqual([
      'network public refused 7 connection attempts or datagrams',
      '[::ffff:127.0.0.1]:80 (tcp): refused 3 times',
      '[::1]:22 (tcp): refused 2 times',
      '10.0.0.1:53 (udp): refused once',
      'host unix socket (tcp): refused once'
    ])
  })

  it('shows at most 20 destinations and says when not all are listed', () => {
    const many = Array.from({ length: 25 }, (_, i) => ({
      family: 4,
      protocol: 6,
      port: 80,
      address: [10, 0, 0, i],
      count: 1
    }))
    const lines = refusalLines(readRefusedTable(table(many, 5).file)!)
    expect(lines).toHaveLength(21)
    expect(lines[0]).toBe(
      'network public refused 30 connection attempts or datagrams (not all destinations are listed)'
    )
  })

  it('refuses a table out of form, and reads none where there is none', () => {
    expect(readRefusedTable(path.join(dir, 'absent'))).toBeUndefined()
    const { bytes } = table([])
    const broken = (change: (copy: Buffer) => Buffer) => () => parseRefusedTable(change(Buffer.from(bytes)))
    expect(broken((copy) => copy.subarray(0, 100))).toThrow(BadTableError)
    expect(broken((copy) => (copy.write('X', 0), copy))).toThrow(BadTableError)
    expect(broken((copy) => (copy.writeUInt32LE(TABLE_CAPACITY + 1, 12), copy))).toThrow(BadTableError)
    expect(broken((copy) => (copy.writeUInt32LE(1, 12), copy))).toThrow(/entry 0 is not in form/)
    const link = path.join(dir, 'link')
    fs.symlinkSync(path.join(dir, 'net-refused'), link)
    expect(() => readRefusedTable(link)).toThrow()
  })
})
