/**
 * A libkrun from a pinned archive, against a real HTTP server on loopback: downloaded once and
 * checked against its digest, unpacked into the cache by an atomic rename, refused whole when
 * the archive could reach outside itself, and taken from the cache with no network afterwards.
 */
import { createHash } from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { type ArchiveServer, archiveOf, standinEntries, startArchiveServer } from '../__fixtures__/archive-server.js'
import { type LayerEntry, compress, tarOf } from '../__fixtures__/registry.js'
import { libraryProblem } from '../src/engine/host/host-checks.js'
import {
  DEFAULT_LIMITS,
  type FetchRequest,
  type Limits,
  ArchiveError,
  fetchLibkrun
} from '../src/libkrun-fetch/index.js'

let server: ArchiveServer
let base: string
let cacheDir: string

beforeAll(async () => {
  server = await startArchiveServer()
})
afterAll(async () => {
  await server.stop()
})
beforeEach(() => {
  base = fs.mkdtempSync(path.join(os.tmpdir(), 'libkrun-fetch-'))
  cacheDir = path.join(base, 'cache')
})
afterEach(() => {
  for (const dir of fs.existsSync(cacheDir) ? fs.readdirSync(cacheDir) : [])
    fs.chmodSync(path.join(cacheDir, dir), 0o755)
  fs.rmSync(base, { recursive: true, force: true })
})

let routes = 0
/** Serves the archive at a fresh path; returns what fetchLibkrun needs. */
function serve(bytes: Buffer, sha256: string, route: Parameters<ArchiveServer['serve']>[1] = {}): FetchRequest {
  const url = server.serve(`/r${++routes}/libkrun.tar.gz`, { body: bytes, ...route })
  return { url, sha256, cacheDir, check: libraryProblem }
}

async function failureOf(promise: Promise<unknown>): Promise<ArchiveError> {
  const outcome = await promise.then(
    () => undefined,
    (error: unknown) => error
  )
  expect(outcome).toBeInstanceOf(ArchiveError)
  return outcome as ArchiveError
}

/** Nothing of a refused archive is left: no entry for its digest, nothing in the work area. */
function expectNothingKept(sha256: string): void {
  expect(fs.existsSync(path.join(cacheDir, sha256))).toBe(false)
  expect(fs.existsSync(path.join(cacheDir, 'tmp')) ? fs.readdirSync(path.join(cacheDir, 'tmp')) : []).toEqual([])
}

function requestsFor(url: string): number {
  return server.requests.filter((request) => request.path === new URL(url).pathname).length
}

describe('a good archive', () => {
  it('is downloaded once, unpacked into the cache under its digest, and then used with no network', async () => {
    const { bytes, sha256 } = await archiveOf(standinEntries())
    const request = serve(bytes, sha256)
    const fetched = await fetchLibkrun(request)
    const entry = path.join(cacheDir, sha256)
    expect(fetched).toEqual({
      library: path.join(entry, 'lib64', 'libkrun.so.1'),
      dir: entry,
      downloaded: bytes.length,
      shared: false
    })
    expect(fs.readlinkSync(fetched.library)).toBe('libkrun.so.1.99.0')
    expect(libraryProblem(fetched.library)).toBeUndefined()
    expect(fs.readdirSync(path.join(entry, 'lib64')).sort()).toEqual([
      'libkrun.so.1',
      'libkrun.so.1.99.0',
      'libkrunfw.so.5',
      'libkrunfw.so.5.5.0'
    ])
    expect(fs.statSync(path.join(entry, 'lib64', 'libkrun.so.1.99.0')).mode & 0o7777).toBe(0o755)
    expect(fs.statSync(cacheDir).mode & 0o777).toBe(0o700)
    expect(fs.statSync(entry).mode & 0o777).toBe(0o555)
    expectNothingKept('0'.repeat(64))
    expect(requestsFor(request.url)).toBe(1)

    const stopped = await startArchiveServer()
    await stopped.stop()
    const again = await fetchLibkrun({ ...request, url: `http://${stopped.host}/gone.tar.gz` })
    expect(again).toEqual({ library: fetched.library, dir: entry })
    expect(requestsFor(request.url)).toBe(1)
  })

  it.each([
    ['at its top', ''],
    ['under lib/', 'lib']
  ])('may hold libkrun %s', async (_where, dir) => {
    const { bytes, sha256 } = await archiveOf(standinEntries(dir))
    const fetched = await fetchLibkrun(serve(bytes, sha256))
    expect(fetched.library).toBe(path.join(cacheDir, sha256, dir, 'libkrun.so.1'))
  })

  it('may be a hard link to its own file, and may name its top directory ./', async () => {
    const entries: LayerEntry[] = [
      { name: './', type: 'directory' },
      ...standinEntries('./lib64').filter((entry) => entry.name !== './lib64/libkrun.so.1'),
      { name: './lib64/libkrun.so.1', type: 'link', linkname: './lib64/libkrun.so.1.99.0' }
    ]
    const { bytes, sha256 } = await archiveOf(entries)
    const fetched = await fetchLibkrun(serve(bytes, sha256))
    expect(fs.lstatSync(fetched.library).isFile()).toBe(true)
    expect(fs.statSync(fetched.library).nlink).toBe(2)
  })

  it('is tried again when the transfer breaks off, and a try that completes is used', async () => {
    const { bytes, sha256 } = await archiveOf(standinEntries())
    const request = serve(bytes, sha256, { truncateAt: 1000, truncateTimes: 1 })
    const fetched = await fetchLibkrun(request)
    expect(fetched.downloaded).toBe(bytes.length)
    expect(requestsFor(request.url)).toBe(2)
  })

  it('follows a redirect to another loopback host, which gets no cookie and no credentials', async () => {
    const other = await startArchiveServer('127.0.0.2')
    try {
      const { bytes, sha256 } = await archiveOf(standinEntries())
      const target = other.serve('/elsewhere/libkrun.tar.gz', { body: bytes })
      const request = serve(Buffer.alloc(0), sha256, {
        location: target,
        headers: { 'set-cookie': 'session=secret; Path=/', 'www-authenticate': 'Basic realm="x"' }
      })
      const fetched = await fetchLibkrun(request)
      expect(fetched.downloaded).toBe(bytes.length)
      expect(other.requests).toHaveLength(1)
      const headers = other.requests[0].headers
      expect(headers.cookie).toBeUndefined()
      expect(headers.authorization).toBeUndefined()
      expect(headers['user-agent']).toBe('krun-action')
    } finally {
      await other.stop()
    }
  })
})

describe('two first uses at once', () => {
  it('both end with the same complete entry: one publishes it, the other drops its own copy', async () => {
    const { bytes, sha256 } = await archiveOf(standinEntries())
    // Both downloads are under way before either answer is sent.
    const request = serve(bytes, sha256, { holdUntil: 2 })
    const both = await Promise.all([fetchLibkrun(request), fetchLibkrun(request)])
    expect(requestsFor(request.url)).toBe(2)
    expect(both[0].library).toBe(both[1].library)
    expect(both.map((fetched) => fetched.shared).sort()).toEqual([false, true])
    expect(fs.readdirSync(path.join(cacheDir, sha256, 'lib64'))).toHaveLength(4)
    expectNothingKept('0'.repeat(64))
  })
})

describe('a download that cannot be trusted', () => {
  it('is refused when it does not match the digest, and nothing is kept', async () => {
    const { bytes } = await archiveOf(standinEntries())
    const wrong = 'ab'.repeat(32)
    const error = await failureOf(fetchLibkrun(serve(bytes, wrong)))
    expect(error.inputMistake).toBe(true)
    expect(error.message).toMatch(
      /^http:\/\/127\.0\.0\.1:\d+\/r\d+\/libkrun\.tar\.gz does not match its pinned digest: it is sha256:[0-9a-f]{16}…, not sha256:abababababababab…; check the URL and the digest$/
    )
    expectNothingKept(wrong)
  })

  it('is given up after three tries when every transfer breaks off, and nothing is kept', async () => {
    const { bytes, sha256 } = await archiveOf(standinEntries())
    const request = serve(bytes, sha256, { truncateAt: 1000 })
    const error = await failureOf(fetchLibkrun(request))
    expect(error.inputMistake).toBe(false)
    expect(error.message).toMatch(
      /: the download failed after 3 tries: .*; check the network and that the URL is reachable$/
    )
    expect(requestsFor(request.url)).toBe(3)
    expectNothingKept(sha256)
  })

  it('names a missing file as the URL to check', async () => {
    const error = await failureOf(
      fetchLibkrun({
        url: `http://${server.host}/missing.tar.gz`,
        sha256: 'a'.repeat(64),
        cacheDir,
        check: libraryProblem
      })
    )
    expect(error.inputMistake).toBe(true)
    expect(error.message).toMatch(/missing\.tar\.gz: the server answered 404 Not Found; check the URL$/)
  })

  it('refuses a redirect to plain HTTP on another machine without following it', async () => {
    const { bytes, sha256 } = await archiveOf(standinEntries())
    const request = serve(bytes, sha256, { location: 'http://example.invalid/libkrun.tar.gz' })
    const error = await failureOf(fetchLibkrun(request))
    expect(error.message).toContain(
      'the server redirected to http://example.invalid/libkrun.tar.gz, which is plain HTTP to another machine'
    )
    expectNothingKept(sha256)
  })

  it('refuses an archive larger than the cap, from the size the server announces', async () => {
    const { bytes, sha256 } = await archiveOf(standinEntries())
    const limits: Limits = { ...DEFAULT_LIMITS, maxArchiveBytes: 1000 }
    const error = await failureOf(fetchLibkrun({ ...serve(bytes, sha256), limits }))
    expect(error.message).toMatch(/is larger than the 1000 B a libkrun archive may be$/)
    expectNothingKept(sha256)
  })
})

describe('an archive that could reach outside itself', () => {
  const outside = () => path.join(base, 'outside')
  const hostile: [string, LayerEntry[], RegExp][] = [
    ['a name with ..', [{ name: 'lib64/../../outside', content: 'x' }], /holds an entry that climbs out with \.\./],
    ['an absolute name', [{ name: '/tmp/absolute', content: 'x' }], /holds an entry that has an absolute name/],
    [
      'a device node',
      [{ name: 'lib64/null', type: 'character-device', devmajor: 1, devminor: 3 }],
      /holds a device node \("lib64\/null"\)/
    ],
    ['a FIFO', [{ name: 'lib64/pipe', type: 'fifo' }], /holds a FIFO/],
    [
      'an absolute symbolic link',
      [{ name: 'lib64/passwd', type: 'symlink', linkname: '/etc/passwd' }],
      /symbolic link "lib64\/passwd" -> "\/etc\/passwd" that is absolute/
    ],
    [
      'a symbolic link that climbs out',
      [{ name: 'lib64/up', type: 'symlink', linkname: '../../outside' }],
      /symbolic link "lib64\/up" -> "\.\.\/\.\.\/outside" that leads out of the archive/
    ],
    [
      'a symbolic link that climbs out through another one',
      [
        { name: 'lib64/here', type: 'symlink', linkname: '.' },
        { name: 'lib64/trick', type: 'symlink', linkname: 'here/here/../..' }
      ],
      /symbolic link "lib64\/trick" -> "here\/here\/\.\.\/\.\." that climbs with \.\. after a name/
    ],
    [
      'an entry under a symbolic link',
      [
        { name: 'lib64/link', type: 'symlink', linkname: 'sub' },
        { name: 'lib64/link/file', content: 'x' }
      ],
      /holds "lib64\/link\/file" under "lib64\/link", which is not a directory/
    ],
    [
      'a hard link out of it',
      [{ name: 'lib64/passwd', type: 'link', linkname: '/etc/passwd' }],
      /hard link "lib64\/passwd" to "\/etc\/passwd", which is not one of its files/
    ],
    [
      'a hard link that climbs out',
      [{ name: 'lib64/up', type: 'link', linkname: '../outside' }],
      /hard link "lib64\/up" to "\.\.\/outside", which is not one of its files/
    ],
    ['the same name twice', [{ name: 'lib64/libkrun.so.1', content: 'x' }], /holds "lib64\/libkrun\.so\.1" twice/]
  ]

  it.each(hostile)('is refused whole when it holds %s, and nothing is kept', async (_what, extra, problem) => {
    fs.mkdirSync(outside())
    const { bytes, sha256 } = await archiveOf([...standinEntries(), ...extra])
    const error = await failureOf(fetchLibkrun(serve(bytes, sha256)))
    expect(error.inputMistake).toBe(true)
    expect(error.message).toMatch(problem)
    expect(error.message).toMatch(
      /; a libkrun archive may hold only regular files, directories and links that stay inside it$/
    )
    expectNothingKept(sha256)
    expect(fs.readdirSync(outside())).toEqual([])
    expect(fs.existsSync('/tmp/absolute')).toBe(false)
  })

  it('is refused when it unpacks to more than the cap, or holds too many entries', async () => {
    const { bytes, sha256 } = await archiveOf(standinEntries())
    const small: Limits = { ...DEFAULT_LIMITS, maxBytes: 1000 }
    expect((await failureOf(fetchLibkrun({ ...serve(bytes, sha256), limits: small }))).message).toMatch(
      /unpacks to more than 1000 bytes/
    )
    const few: Limits = { ...DEFAULT_LIMITS, maxEntries: 3 }
    expect((await failureOf(fetchLibkrun({ ...serve(bytes, sha256), limits: few }))).message).toMatch(
      /holds more than 3 entries/
    )
    expectNothingKept(sha256)
  })

  it('is refused when its stream decompresses without end', async () => {
    // A small tar followed by megabytes of zeros: the reader reads to the end of the stream.
    const bytes = compress(Buffer.concat([await tarOf([{ name: 'a', content: 'x' }]), Buffer.alloc(8 << 20)]), 'gzip')
    const sha256 = createHash('sha256').update(bytes).digest('hex')
    expect(bytes.length).toBeLessThan(64 * 1024)
    const limits: Limits = { ...DEFAULT_LIMITS, maxBytes: 64 * 1024, maxEntries: 4 }
    const error = await failureOf(fetchLibkrun({ ...serve(bytes, sha256), limits }))
    expect(error.message).toMatch(/unpacks to more than 65536 bytes/)
    expectNothingKept(sha256)
  })
})

describe('an archive without a usable libkrun', () => {
  it.each([
    [
      'no libkrun.so.1',
      standinEntries().filter((e) => !e.name.includes('libkrun.so')),
      /holds no libkrun\.so\.1 \(looked in its top, lib\/, lib64\/\)/
    ],
    [
      'no libkrunfw beside it',
      standinEntries().filter((e) => !e.name.includes('libkrunfw')),
      /holds libkrun\.so\.1 in lib64 but no libkrunfw\.so\.N beside it/
    ],
    [
      'a libkrun.so.1 that is not a library',
      [
        ...standinEntries().filter((e) => !e.name.endsWith('libkrun.so.1.99.0')),
        { name: 'lib64/libkrun.so.1.99.0', content: 'not a library' }
      ],
      /holds a libkrun\.so\.1 \(in lib64\) that is not a shared library$/
    ],
    [
      'a libkrun.so.1 that links to nothing',
      standinEntries().filter((e) => !e.name.endsWith('libkrun.so.1.99.0')),
      /holds a libkrun\.so\.1 in lib64 that is not a file of the archive/
    ]
  ])('is refused when it has %s', async (_what, entries, problem) => {
    const { bytes, sha256 } = await archiveOf(entries)
    const error = await failureOf(fetchLibkrun(serve(bytes, sha256)))
    expect(error.inputMistake).toBe(true)
    expect(error.message).toMatch(problem)
    expectNothingKept(sha256)
  })
})
