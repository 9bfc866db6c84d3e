/**
 * prepareImage against a real registry (distribution) on loopback: images built and pushed by the
 * tests, pulled, verified, unpacked and cached. Every case checks the unpacked tree and that the cache
 * holds no partial entries.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {
  FIXED_MTIME,
  blobDataPath,
  busybox,
  busyboxEntries,
  cacheProblems,
  freePort,
  listTree,
  xattrOf,
  pushImage,
  pushIndex,
  startProxy,
  startRegistry,
  type LayerEntry,
  type ProxyOptions,
  type TestProxy,
  type TestRegistry
} from '../__fixtures__/registry.js'
import { waitFor } from '../__fixtures__/action-runner.js'
import { walkedDiskUsage } from '../__fixtures__/disk-usage.js'
import { type ForwardProxy, startTinyproxy } from '../__fixtures__/forward-proxy.js'
import { startPassStore } from '../__fixtures__/pass-store.js'
import { mountTmpfs, withTmpfs } from '../__fixtures__/tmpfs.js'
import { ImageError, prepareImage, type ImageRequest, type PreparedImage } from '../src/image/index.js'
import { ImageCache } from '../src/image/cache.js'
import { removeTree } from '../src/image/tree.js'
import { describeTier } from '../__fixtures__/tiers.js'

const isRoot = process.getuid?.() === 0

const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

let base: string
let home: string
let counter = 0

function newCacheDir(): string {
  return path.join(base, `cache-${++counter}`)
}

async function prepare(
  reference: string,
  extra: Partial<ImageRequest> = {}
): Promise<{ image: PreparedImage; lines: string[] }> {
  const lines: string[] = []
  const image = await prepareImage({
    reference,
    pull: 'missing',
    cacheDir: extra.cacheDir ?? newCacheDir(),
    log: (line) => lines.push(line),
    env: { HOME: home },
    ...extra
  })
  return { image, lines }
}

async function failure(promise: Promise<unknown>): Promise<ImageError> {
  try {
    await promise
  } catch (error) {
    expect(error).toBeInstanceOf(ImageError)
    expect((error as Error).message).not.toContain('\n')
    return error as ImageError
  }
  throw new Error('expected prepareImage to fail')
}

function expectCleanCache(cacheDir: string): void {
  expect(cacheProblems(cacheDir)).toEqual([])
}

/** How many GETs of the blob with this digest the proxy got. */
function blobGets(proxy: TestProxy, digest: string): number {
  return proxy.requests.filter((r) => r.method === 'GET' && r.path.endsWith(`/blobs/${digest}`)).length
}

function rootsIn(cacheDir: string): string[] {
  return fs.existsSync(path.join(cacheDir, 'roots')) ? fs.readdirSync(path.join(cacheDir, 'roots')) : []
}

const BUSYBOX_TREE = ['bin/', 'bin/busybox', 'bin/cat', 'bin/echo', 'bin/ls', 'bin/sh', 'etc/', 'etc/hostname', 'tmp/']

beforeAll(() => {
  base = fs.mkdtempSync(path.join(os.tmpdir(), 'image-pull-'))
  home = path.join(base, 'home')
  fs.mkdirSync(home)
})

afterAll(async () => {
  // Cached entries and some image directories are read-only.
  await removeTree(base)
})

describeTier('registry', 'prepareImage with a registry on loopback', () => {
  let registry: TestRegistry

  beforeAll(async () => {
    registry = await startRegistry()
  })
  afterAll(async () => {
    await registry?.stop()
  })

  test('a multi-layer image: whiteouts, an opaque directory, links, modes, owners, mtimes, xattrs', async () => {
    // v2 file capabilities: cap_net_raw permitted and effective, as ping has them.
    const capability = Buffer.from('0100000200200000000000000000000000000000', 'hex')
    const layer1: LayerEntry[] = [
      ...busyboxEntries(),
      { name: 'etc/old.conf', content: 'old' },
      { name: 'etc/keep.conf', content: 'keep' },
      { name: 'opt/', type: 'directory' },
      { name: 'opt/a/', type: 'directory' },
      { name: 'opt/a/x', content: 'x' },
      { name: 'opt/b', content: 'b' },
      { name: 'var/lib/data/f1', content: '1' },
      { name: 'var/lib/data/sub/f2', content: '2' },
      { name: 'usr/share/doc', type: 'directory' },
      { name: 'usr/share/doc/readme', content: 'doc' },
      { name: 'replaced', type: 'directory' },
      { name: 'replaced/inner', content: 'inner' }
    ]
    const layer2: LayerEntry[] = [
      { name: 'etc/.wh.old.conf' },
      { name: 'opt/.wh..wh..opq' },
      { name: 'opt/new', content: 'new' },
      { name: 'var/lib/data/f3', content: '3' },
      { name: 'var/lib/data/.wh..wh..opq' },
      { name: 'usr/share/.wh.doc' },
      { name: 'bin/hardlink', type: 'link', linkname: 'bin/busybox' },
      { name: 'usr/bin/su', content: 'su', mode: 0o4755 },
      {
        name: 'usr/bin/ping',
        content: 'ping',
        mode: 0o755,
        pax: {
          'SCHILY.xattr.user.note': 'from the image',
          'LIBARCHIVE.xattr.security.capability': capability.toString('base64')
        }
      },
      { name: 'usr/bin/wall', content: 'wall', mode: 0o2755, gid: 5 },
      { name: 'home/user/', type: 'directory', mode: 0o750, uid: 1000, gid: 1000 },
      { name: 'home/user/file', content: 'mine', mode: 0o600, uid: 1000, gid: 1000 },
      { name: 'run/fifo', type: 'fifo', mode: 0o644 },
      { name: 'dev/null', type: 'character-device', devmajor: 1, devminor: 3, mode: 0o666 },
      { name: 'ro/', type: 'directory', mode: 0o555 },
      { name: 'ro/file', content: 'ro', mode: 0o444 }
    ]
    const layer3: LayerEntry[] = [
      { name: 'etc/keep.conf', type: 'symlink', linkname: '/etc/hostname' },
      { name: 'replaced', content: 'now a file' },
      { name: 'opt/a/', type: 'directory' }
    ]
    const pushed = await pushImage(registry, 'test/layers', {
      tag: 'v1',
      layers: [{ entries: layer1 }, { entries: layer2, compression: 'none' }, { entries: layer3 }]
    })
    const cacheDir = newCacheDir()
    const { image, lines } = await prepare(`${registry.host}/test/layers:v1`, { cacheDir, arch: 'x64' })
    expect(image).toMatchObject({
      digest: pushed.digest,
      manifestDigest: pushed.digest,
      fromCache: false,
      platform: 'linux/amd64'
    })
    expect(image.reference).toBe(`${registry.host}/test/layers:v1`)
    expect(image.rootfs).toBe(path.join(cacheDir, 'roots', `sha256-${pushed.digest.slice(7)}`, 'rootfs'))
    expect(image.sizeBytes).toBeGreaterThan(busybox().length)
    expect(image.sizeBytes).toBe(await walkedDiskUsage(image.rootfs))
    expect(image.config.env).toEqual(['PATH=/bin'])
    const root = image.rootfs
    const tree = listTree(root)
    expect(tree).toEqual(
      [
        ...BUSYBOX_TREE,
        'bin/hardlink',
        ...(isRoot ? ['dev/', 'dev/null'] : ['dev/']),
        'etc/keep.conf',
        'home/',
        'home/user/',
        'home/user/file',
        'opt/',
        'opt/a/',
        'opt/new',
        'replaced',
        'ro/',
        'ro/file',
        'run/',
        'run/fifo',
        'usr/',
        'usr/bin/',
        'usr/bin/ping',
        'usr/bin/su',
        'usr/bin/wall',
        'usr/share/',
        'var/',
        'var/lib/',
        'var/lib/data/',
        'var/lib/data/f3'
      ].sort()
    )
    expect(fs.readFileSync(path.join(root, 'bin/busybox')).equals(busybox())).toBe(true)
    expect(fs.readlinkSync(path.join(root, 'bin/sh'))).toBe('busybox')
    expect(fs.readlinkSync(path.join(root, 'etc/keep.conf'))).toBe('/etc/hostname')
    expect(fs.readFileSync(path.join(root, 'replaced'), 'utf8')).toBe('now a file')
    expect(fs.statSync(path.join(root, 'bin/hardlink')).ino).toBe(fs.statSync(path.join(root, 'bin/busybox')).ino)
    const mode = (rel: string): number => fs.lstatSync(path.join(root, rel)).mode & 0o7777
    expect(mode('bin/busybox')).toBe(0o755)
    expect(mode('usr/bin/su')).toBe(0o4755)
    expect(mode('tmp')).toBe(0o1777)
    expect(mode('ro')).toBe(0o555)
    expect(mode('ro/file')).toBe(0o444)
    expect(mode('home/user')).toBe(0o750)
    expect(fs.lstatSync(path.join(root, 'run/fifo')).isFIFO()).toBe(true)
    expect(fs.lstatSync(path.join(root, 'etc/hostname')).mtime.getTime()).toBe(FIXED_MTIME.getTime())
    expect(fs.lstatSync(path.join(root, 'bin')).mtime.getTime()).toBe(FIXED_MTIME.getTime())
    expect(fs.lstatSync(path.join(root, 'bin/sh')).mtime.getTime()).toBe(FIXED_MTIME.getTime())
    expect(xattrOf(path.join(root, 'usr/bin/ping'), 'user.note')).toBe(Buffer.from('from the image').toString('hex'))
    const dev = fs.lstatSync(path.join(root, 'dev/null'), { throwIfNoEntry: false })
    expect({
      capability: xattrOf(path.join(root, 'usr/bin/ping'), 'security.capability'),
      wall: { mode: mode('usr/bin/wall'), gid: fs.lstatSync(path.join(root, 'usr/bin/wall')).gid },
      fileUid: fs.lstatSync(path.join(root, 'home/user/file')).uid,
      userGid: fs.lstatSync(path.join(root, 'home/user')).gid,
      devNull: dev && { character: dev.isCharacterDevice(), rdev: dev.rdev },
      xattrNote: lines.includes(
        '  1 extended attribute was not set: this host does not allow them (file capabilities and trusted.* need root)'
      )
    }).toMatchObject(
      isRoot
        ? {
            capability: capability.toString('hex'),
            wall: { mode: 0o2755, gid: 5 },
            fileUid: 1000,
            userGid: 1000,
            devNull: { character: true, rdev: fs.statSync('/dev/null').rdev }
          }
        : { xattrNote: true } // without root, what only root may set is left out and said so
    )
    expect(lines.some((l) => /layer 1\/3 sha256:[0-9a-f]{12}… fetched, .*B in/.test(l))).toBe(true)
    expect(lines.some((l) => /^Pulled .* downloaded, .* unpacked, in /.test(l))).toBe(true)
    // The published entry is read-only; the root is reused as is by a second call.
    expect(fs.statSync(path.dirname(root)).mode & 0o777).toBe(0o555)
    const again = await prepare(`${registry.host}/test/layers:v1`, { cacheDir, arch: 'x64' })
    expect(again.image).toMatchObject({ rootfs: root, fromCache: true, digest: pushed.digest })
    expect(again.lines.join('\n')).toMatch(/from the image cache/)
    expectCleanCache(cacheDir)
  })

  test('a cached root changed after it was cached, or cached with no fingerprint, is removed and pulled again', async () => {
    await pushImage(registry, 'test/tampered-root', { tag: 'v1', layers: [{ entries: busyboxEntries() }] })
    const cacheDir = newCacheDir()
    const ref = `${registry.host}/test/tampered-root:v1`
    const first = await prepare(ref, { cacheDir, arch: 'x64' })
    const planted = path.join(first.image.rootfs, 'bin', 'planted')
    fs.writeFileSync(planted, '#!/bin/sh\necho owned\n', { mode: 0o755 })
    const again = await prepare(ref, { cacheDir, arch: 'x64' })
    expect(again.image).toMatchObject({ rootfs: first.image.rootfs, fromCache: false })
    expect(again.lines[0]).toMatch(
      new RegExp(
        `^The image cache's copy of ${escape(ref)} \\(sha256:[0-9a-f]{12}…\\) was changed after it was cached; removing it$`
      )
    )
    expect(fs.existsSync(planted)).toBe(false)
    expect(listTree(again.image.rootfs)).toEqual(BUSYBOX_TREE)

    // An entry an older version cached has no fingerprint: it cannot be checked, so it is not trusted.
    const entry = path.dirname(again.image.rootfs)
    const metadata = JSON.parse(fs.readFileSync(path.join(entry, 'image.json'), 'utf8')) as Record<string, unknown>
    delete metadata.fingerprint
    fs.chmodSync(entry, 0o755)
    fs.writeFileSync(path.join(entry, 'image.json'), JSON.stringify(metadata))
    fs.chmodSync(entry, 0o555)
    const older = await prepare(ref, { cacheDir, arch: 'x64' })
    expect(older.image.fromCache).toBe(false)
    expect(older.lines[0]).toMatch(
      /has no fingerprint \(an older version cached it\), so changes to it cannot be told; removing it$/
    )
    expect((await prepare(ref, { cacheDir, arch: 'x64' })).image.fromCache).toBe(true)
    expectCleanCache(cacheDir)
  })

  test('Docker v2 media types and an uncompressed layer detected by its bytes', async () => {
    const pushed = await pushImage(registry, 'test/docker', {
      tag: 'latest',
      docker: true,
      layers: [{ entries: busyboxEntries(), compression: 'none' }]
    })
    const cacheDir = newCacheDir()
    const { image } = await prepare(`${registry.host}/test/docker`, { cacheDir, arch: 'x64' })
    expect(image.digest).toBe(pushed.digest)
    expect(listTree(image.rootfs)).toEqual(BUSYBOX_TREE)
    expectCleanCache(cacheDir)
  })

  test("a multi-arch index: the runner's platform is picked; an index without it fails listing its platforms", async () => {
    const amd = await pushImage(registry, 'test/multi', {
      architecture: 'amd64',
      layers: [{ entries: [...busyboxEntries(), { name: 'etc/arch', content: 'amd64' }] }]
    })
    const arm = await pushImage(registry, 'test/multi', {
      architecture: 'arm64',
      variant: 'v8',
      layers: [{ entries: [...busyboxEntries(), { name: 'etc/arch', content: 'arm64' }] }]
    })
    const armv7 = await pushImage(registry, 'test/multi', {
      architecture: 'arm',
      variant: 'v7',
      layers: [{ entries: busyboxEntries() }]
    })
    const index = await pushIndex(registry, 'test/multi', 'all', [
      { manifest: amd, architecture: 'amd64' },
      { manifest: arm, architecture: 'arm64', variant: 'v8' }
    ])
    const cacheDir = newCacheDir()
    const x64 = await prepare(`${registry.host}/test/multi:all`, { cacheDir, arch: 'x64' })
    expect(x64.image).toMatchObject({ digest: index.digest, manifestDigest: amd.digest, platform: 'linux/amd64' })
    expect(fs.readFileSync(path.join(x64.image.rootfs, 'etc/arch'), 'utf8')).toBe('amd64')
    const arm64 = await prepare(`${registry.host}/test/multi:all`, { cacheDir, arch: 'arm64' })
    expect(arm64.image).toMatchObject({ digest: index.digest, manifestDigest: arm.digest, platform: 'linux/arm64/v8' })
    expect(fs.readFileSync(path.join(arm64.image.rootfs, 'etc/arch'), 'utf8')).toBe('arm64')
    expect(rootsIn(cacheDir)).toHaveLength(2)

    await pushIndex(
      registry,
      'test/multi',
      'no-arm64',
      [
        { manifest: amd, architecture: 'amd64' },
        { manifest: armv7, architecture: 'arm', variant: 'v7' }
      ],
      true
    )
    const error = await failure(prepare(`${registry.host}/test/multi:no-arm64`, { cacheDir, arch: 'arm64' }))
    expect(error.message).toBe(
      `registry ${registry.host}, repository test/multi: ${registry.host}/test/multi:no-arm64 has no linux/arm64/v8 image; ` +
        'it has linux/amd64, linux/arm/v7; use an image built for linux/arm64/v8'
    )
    expect(error.inputMistake).toBe(true)
    // A single-platform image for another architecture fails too.
    const single = await failure(prepare(`${registry.host}/test/multi@${arm.digest}`, { cacheDir, arch: 'x64' }))
    expect(single.message).toMatch(/is built for linux\/arm64\/v8, not linux\/amd64/)
    expect(single.inputMistake).toBe(true)
    expect(rootsIn(cacheDir)).toHaveLength(2)
    expectCleanCache(cacheDir)
  })

  test('a zstd layer', async () => {
    await pushImage(registry, 'test/zstd', {
      tag: 'z',
      layers: [
        { entries: busyboxEntries(), compression: 'zstd' },
        { entries: [{ name: 'etc/z', content: 'zstd' }], compression: 'gzip' }
      ]
    })
    const cacheDir = newCacheDir()
    const { image } = await prepare(`${registry.host}/test/zstd:z`, { cacheDir, arch: 'x64' })
    expect(listTree(image.rootfs)).toEqual([...BUSYBOX_TREE, 'etc/z'].sort())
    expect(fs.readFileSync(path.join(image.rootfs, 'bin/busybox')).equals(busybox())).toBe(true)
    expectCleanCache(cacheDir)
  })

  test('a pinned digest, and a digest the registry does not have', async () => {
    const pushed = await pushImage(registry, 'test/pinned', {
      layers: [{ entries: [...busyboxEntries(), { name: 'etc/pin', content: 'pinned' }] }]
    })
    const cacheDir = newCacheDir()
    const { image } = await prepare(`${registry.host}/test/pinned@${pushed.digest}`, { cacheDir, arch: 'x64' })
    expect(image).toMatchObject({ digest: pushed.digest, reference: `${registry.host}/test/pinned@${pushed.digest}` })
    expect(fs.readFileSync(path.join(image.rootfs, 'etc/pin'), 'utf8')).toBe('pinned')
    const missing = `sha256:${'0'.repeat(64)}`
    const error = await failure(prepare(`${registry.host}/test/pinned@${missing}`, { cacheDir }))
    expect(error.message).toMatch(
      new RegExp(`^registry ${registry.host}, repository test/pinned: not found while fetching the manifest .*404`)
    )
    expect(error.inputMistake).toBe(true)
    const unknownRepo = await failure(prepare(`${registry.host}/test/nothing-here:v1`, { cacheDir }))
    expect(unknownRepo.message).toMatch(
      /repository test\/nothing-here: not found .*check the image name, tag and digest/
    )
    expect(unknownRepo.inputMistake).toBe(true)
    expectCleanCache(cacheDir)
  })

  test('a tag that moves: pull always sees the new digest, missing does not', async () => {
    const v1 = await pushImage(registry, 'test/moving', {
      tag: 'edge',
      layers: [{ entries: busyboxEntries() }, { entries: [{ name: 'etc/version', content: '1' }] }]
    })
    const cacheDir = newCacheDir()
    const first = await prepare(`${registry.host}/test/moving:edge`, { cacheDir, arch: 'x64' })
    expect(first.image.digest).toBe(v1.digest)
    const v2 = await pushImage(registry, 'test/moving', {
      tag: 'edge',
      layers: [{ entries: busyboxEntries() }, { entries: [{ name: 'etc/version', content: '2' }] }]
    })
    const missing = await prepare(`${registry.host}/test/moving:edge`, { cacheDir, arch: 'x64' })
    expect(missing.image).toMatchObject({ digest: v1.digest, fromCache: true })
    const always = await prepare(`${registry.host}/test/moving:edge`, { cacheDir, arch: 'x64', pull: 'always' })
    expect(always.image).toMatchObject({ digest: v2.digest, fromCache: false })
    expect(fs.readFileSync(path.join(always.image.rootfs, 'etc/version'), 'utf8')).toBe('2')
    expect(always.lines.some((l) => /layer 1\/2 .* already in the cache/.test(l))).toBe(true)
    expect(always.lines.some((l) => /layer 2\/2 .* fetched/.test(l))).toBe(true)
    const after = await prepare(`${registry.host}/test/moving:edge`, { cacheDir, arch: 'x64' })
    expect(after.image).toMatchObject({ digest: v2.digest, fromCache: true })
    const unchanged = await prepare(`${registry.host}/test/moving:edge`, { cacheDir, arch: 'x64', pull: 'always' })
    expect(unchanged.image).toMatchObject({ digest: v2.digest, fromCache: true })
    expect(unchanged.lines.join('\n')).toMatch(/is unchanged \(sha256:[0-9a-f]{12}…\), already in the image cache/)
    expect(fs.readFileSync(path.join(first.image.rootfs, 'etc/version'), 'utf8')).toBe('1')
    expect(rootsIn(cacheDir)).toHaveLength(2)
    expectCleanCache(cacheDir)
  })

  test('when a layer fails, the downloads still running are broken off, not waited for', async () => {
    const pushed = await pushImage(registry, 'test/abandon', {
      tag: 'v1',
      layers: [
        { entries: [{ name: 'etc/abandon', content: 'a'.repeat(5000) }], compression: 'none' }, // a blob of its own
        { entries: busyboxEntries() }
      ]
    })
    const data = blobDataPath(registry, pushed.layers[0].digest)
    const bytes = fs.readFileSync(data)
    bytes[600] ^= 0xff
    fs.writeFileSync(data, bytes)
    // Layer 2 held back 20 s, or answered 503 "come back in 10 s": either way the pull must not wait for it.
    const slow = pushed.layers[1].digest
    const cases: [ProxyOptions, (proxy: TestProxy) => Promise<void> | void][] = [
      [
        { delayBlob: { digest: slow, ms: 20_000 } },
        async (proxy) => {
          // Not waited for: the pull ended before the held answer was sent; broken off: the client
          // closed every request for it the proxy still held.
          expect(proxy.delayed.sent).toBe(0)
          await waitFor(() => proxy.delayed.abandoned === blobGets(proxy, slow))
        }
      ],
      [
        { unavailableBlob: slow },
        (proxy) => {
          // Not waited for: the pull ended without coming back for the blob as the 503 asked.
          expect(blobGets(proxy, slow)).toBeLessThanOrEqual(1)
        }
      ]
    ]
    for (const [options, notWaitedFor] of cases) {
      const proxy = await startProxy(registry.host, options)
      try {
        const cacheDir = newCacheDir()
        const error = await failure(prepare(`${proxy.host}/test/abandon:v1`, { cacheDir, arch: 'x64' }))
        expect(error.message).toMatch(
          /: fetching layer 1\/2 sha256:[0-9a-f]{12}…: the content does not match its digest/
        )
        await notWaitedFor(proxy)
        expectCleanCache(cacheDir)
      } finally {
        await proxy.stop()
      }
    }
  }, 60_000)

  test('a blob whose content does not match its digest fails and leaves nothing in the cache', async () => {
    const pushed = await pushImage(registry, 'test/corrupt', {
      tag: 'bad',
      layers: [
        { entries: busyboxEntries() },
        { entries: [{ name: 'etc/x', content: 'x'.repeat(5000) }], compression: 'none' }
      ]
    })
    const data = blobDataPath(registry, pushed.layers[1].digest)
    const bytes = fs.readFileSync(data)
    bytes[600] ^= 0xff
    fs.writeFileSync(data, bytes)
    const cacheDir = newCacheDir()
    const error = await failure(prepare(`${registry.host}/test/corrupt:bad`, { cacheDir, arch: 'x64' }))
    expect(error.message).toMatch(
      new RegExp(
        `^registry ${registry.host}, repository test/corrupt: fetching layer 2/2 sha256:[0-9a-f]{12}…: the content does not match its digest`
      )
    )
    expect(error.inputMistake).toBe(false)
    expect(rootsIn(cacheDir)).toEqual([])
    expect(fs.readdirSync(path.join(cacheDir, 'blobs'))).not.toContain(`sha256-${pushed.layers[1].digest.slice(7)}`)
    expect(fs.readdirSync(path.join(cacheDir, 'refs'))).toEqual([])
    expectCleanCache(cacheDir)
  })

  withTmpfs('a full disk under the cache is one line naming the cache, not a network failure retried', async () => {
    const pushed = await pushImage(registry, 'test/full', {
      tag: 'v1',
      layers: [{ entries: [{ name: 'etc/big', content: Buffer.alloc(512 * 1024, 9) }], compression: 'none' }]
    })
    const cacheDir = newCacheDir()
    fs.mkdirSync(cacheDir)
    const proxy = await startProxy(registry.host)
    const unmount = mountTmpfs(cacheDir, '128k')
    try {
      const error = await failure(prepare(`${proxy.host}/test/full:v1`, { cacheDir, arch: 'x64' }))
      expect(error.message).toMatch(
        new RegExp(
          `^registry ${proxy.host}, repository test/full: fetching layer 1/1 sha256:[0-9a-f]{12}…: ` +
            `writing it to the image cache in ${escape(cacheDir)}/tmp failed \\(ENOSPC\\); free space there or move the cache$`
        )
      )
      expect(blobGets(proxy, pushed.layers[0].digest)).toBe(1) // a retry would have asked again
      expect(error.inputMistake).toBe(false)
      expect(rootsIn(cacheDir)).toEqual([])
      expectCleanCache(cacheDir)
    } finally {
      unmount()
      await proxy.stop()
    }
  })

  test('a small layer that unpacks to more than the cache may hold fails as it unpacks, naming the image and layer', async () => {
    await pushImage(registry, 'test/bomb', {
      tag: 'v1',
      layers: [
        { entries: busyboxEntries() },
        {
          entries: [{ name: 'zeros', content: Buffer.alloc(16 * 1024 * 1024) }],
          compression: 'zstd'
        }
      ]
    })
    const cacheDir = newCacheDir()
    const error = await failure(
      prepare(`${registry.host}/test/bomb:v1`, { cacheDir, arch: 'x64', maxCacheBytes: 4 * 1024 * 1024 })
    )
    expect(error.message).toMatch(
      new RegExp(
        `^registry ${registry.host}, repository test/bomb: layer 2/2 sha256:[0-9a-f]{12}…: ` +
          "the image unpacks to more than 4.0 MiB, the image cache's cap of 4.0 MiB; the image cannot be used$"
      )
    )
    expect(rootsIn(cacheDir)).toEqual([])
    expectCleanCache(cacheDir)
  })

  withTmpfs(
    'a disk that fills while a layer unpacks is one line naming the image, the layer and the cache',
    async () => {
      await pushImage(registry, 'test/fills', {
        tag: 'v1',
        layers: [{ entries: [{ name: 'zeros', content: Buffer.alloc(4 * 1024 * 1024) }] }]
      })
      const cacheDir = newCacheDir()
      fs.mkdirSync(cacheDir)
      const unmount = mountTmpfs(cacheDir, '1m')
      try {
        const error = await failure(prepare(`${registry.host}/test/fills:v1`, { cacheDir, arch: 'x64' }))
        expect(error.message).toMatch(
          new RegExp(
            `^registry ${registry.host}, repository test/fills: layer 1/1 sha256:[0-9a-f]{12}…: ` +
              `the disk of ${escape(cacheDir)} is full \\(ENOSPC\\) while unpacking it; free space there or move the image cache$`
          )
        )
        expect(rootsIn(cacheDir)).toEqual([])
        expectCleanCache(cacheDir)
      } finally {
        unmount()
      }
    }
  )

  test('a manifest pulled by digest is verified too', async () => {
    const pushed = await pushImage(registry, 'test/corrupt-manifest', { layers: [{ entries: busyboxEntries() }] })
    const data = blobDataPath(registry, pushed.digest)
    fs.writeFileSync(data, fs.readFileSync(data, 'utf8').replace('"schemaVersion":2', '"schemaVersion": 2'))
    const cacheDir = newCacheDir()
    const error = await failure(
      prepare(`${registry.host}/test/corrupt-manifest@${pushed.digest}`, { cacheDir, arch: 'x64' })
    )
    expect(error.message).toMatch(
      /repository test\/corrupt-manifest: the manifest the registry sent does not match the pinned digest/
    )
    expect(error.inputMistake).toBe(false)
    expect(rootsIn(cacheDir)).toEqual([])
    expectCleanCache(cacheDir)
  })

  test('a layer that tries to write outside the root writes nothing outside it', async () => {
    const outside = path.join(base, 'outside')
    fs.mkdirSync(outside, { recursive: true })
    fs.writeFileSync(path.join(outside, 'keep'), 'keep')
    fs.writeFileSync(path.join(outside, 'target'), 'secret')
    const climb = '../'.repeat(30)
    const layer1: LayerEntry[] = [
      ...busyboxEntries(),
      { name: '../../escape-dotdot', content: 'x' },
      { name: 'etc/../../escape-inner', content: 'x' },
      { name: '/abs-file', content: 'inside' },
      { name: 'linkabs', type: 'symlink', linkname: outside },
      { name: 'linkabs/pwned-abs', content: 'x' },
      { name: 'linkrel', type: 'symlink', linkname: `${climb}${outside.slice(1)}` },
      { name: 'linkrel/pwned-rel', content: 'x' },
      { name: 'linkrel/sub/', type: 'directory' },
      { name: 'linkrel/sub/deeper', content: 'x' },
      { name: 'hl', type: 'link', linkname: '../../../etc/passwd' },
      { name: 'hl2', type: 'link', linkname: 'linkabs/target' },
      { name: 'dirlink', type: 'symlink', linkname: outside },
      { name: 'etc/passwd-link', type: 'symlink', linkname: '/etc/passwd' }
    ]
    const layer2: LayerEntry[] = [
      { name: 'dirlink/.wh.keep' },
      { name: 'dirlink/.wh..wh..opq' },
      { name: 'linkabs', content: 'replaced the symlink' },
      { name: 'etc/passwd-link', content: 'not written through' },
      { name: 'linkrel/pwned-again', content: 'x' }
    ]
    await pushImage(registry, 'test/escape', { tag: 'evil', layers: [{ entries: layer1 }, { entries: layer2 }] })
    const cacheDir = newCacheDir()
    const passwd = fs.readFileSync('/etc/passwd')
    const { image, lines } = await prepare(`${registry.host}/test/escape:evil`, { cacheDir, arch: 'x64' })
    expect(fs.readdirSync(outside).sort()).toEqual(['keep', 'target'])
    expect(fs.readFileSync(path.join(outside, 'keep'), 'utf8')).toBe('keep')
    expect(fs.readFileSync('/etc/passwd').equals(passwd)).toBe(true)
    const everything = listTree(base)
    expect(everything.filter((f) => /escape-|pwned|deeper/.test(f))).toEqual([])
    expect(listTree(image.rootfs)).toEqual(
      [...BUSYBOX_TREE, 'abs-file', 'dirlink', 'etc/passwd-link', 'linkabs', 'linkrel'].sort()
    )
    expect(fs.readFileSync(path.join(image.rootfs, 'linkabs'), 'utf8')).toBe('replaced the symlink')
    expect(fs.lstatSync(path.join(image.rootfs, 'etc/passwd-link')).isFile()).toBe(true)
    expect(fs.readlinkSync(path.join(image.rootfs, 'dirlink'))).toBe(outside)
    expect(lines.some((l) => /skipped \d+ entries whose path or link led outside the image root/.test(l))).toBe(true)
    expectCleanCache(cacheDir)
  })

  test('two concurrent pulls of one uncached image both succeed and leave one entry', async () => {
    const pushed = await pushImage(registry, 'test/race', {
      tag: 'r',
      layers: [{ entries: busyboxEntries() }, { entries: [{ name: 'etc/race', content: 'r' }] }]
    })
    // Blobs held back until both pulls have asked for the config, which each does after its cache
    // lookup: both are past it before either can publish its root.
    const proxy = await startProxy(registry.host, { gateBlobs: { digest: pushed.config.digest, requests: 2 } })
    try {
      const cacheDir = newCacheDir()
      const [a, b] = await Promise.all([
        prepare(`${proxy.host}/test/race:r`, { cacheDir, arch: 'x64' }),
        prepare(`${proxy.host}/test/race:r`, { cacheDir, arch: 'x64' })
      ])
      expect(a.image.rootfs).toBe(b.image.rootfs)
      expect(a.image.digest).toBe(pushed.digest)
      expect(b.image.digest).toBe(pushed.digest)
      expect(rootsIn(cacheDir)).toHaveLength(1)
      expect(listTree(a.image.rootfs)).toEqual([...BUSYBOX_TREE, 'etc/race'].sort())
      const lost = (lines: string[]): boolean =>
        lines.some((line) => line.endsWith('(another pull of the same image finished first; using its copy)'))
      expect([lost(a.lines), lost(b.lines)].sort()).toEqual([false, true])
      expectCleanCache(cacheDir)
    } finally {
      await proxy.stop()
    }
  })

  test('least recently used entries are evicted over the cap; the one in use never is', async () => {
    await pushImage(registry, 'test/evict', {
      tag: 'a',
      layers: [{ entries: [...busyboxEntries(), { name: 'etc/a', content: 'a' }] }]
    })
    await pushImage(registry, 'test/evict', { tag: 'b', layers: [{ entries: [{ name: 'etc/b', content: 'b' }] }] })
    const cacheDir = newCacheDir()
    await prepare(`${registry.host}/test/evict:a`, { cacheDir, arch: 'x64' })
    const a = await prepare(`${registry.host}/test/evict:a`, { cacheDir, arch: 'x64', maxCacheBytes: 1 })
    expect(fs.existsSync(a.image.rootfs)).toBe(true)
    const b = await prepare(`${registry.host}/test/evict:b`, { cacheDir, arch: 'x64' })
    const cache = new ImageCache(cacheDir)
    const { removed } = await cache.evict(b.image.sizeBytes + 1, new Set([b.image.manifestDigest]), 0)
    expect(removed).toContain(a.image.manifestDigest)
    expect(removed).not.toContain(b.image.manifestDigest)
    expect(rootsIn(cacheDir)).toEqual([`sha256-${b.image.manifestDigest.slice(7)}`])
    expect(fs.existsSync(b.image.rootfs)).toBe(true)
    // The reference record survives; a.image is pulled again when asked for.
    const again = await prepare(`${registry.host}/test/evict:a`, { cacheDir, arch: 'x64' })
    expect(again.image.fromCache).toBe(false)
    expectCleanCache(cacheDir)
  })

  test('an eviction that fails is one line in the log, and the image is still used', async () => {
    await pushImage(registry, 'test/evict-fails', { tag: 'v1', layers: [{ entries: busyboxEntries() }] })
    const cacheDir = newCacheDir()
    const ref = `${registry.host}/test/evict-fails:v1`
    const first = await prepare(ref, { cacheDir, arch: 'x64' })
    // A directory where a blob would be, unused for long: eviction takes it first, and cannot remove it.
    const odd = path.join(cacheDir, 'blobs', `sha256-${'e'.repeat(64)}`)
    fs.mkdirSync(odd)
    fs.writeFileSync(path.join(odd, 'file'), 'x')
    fs.utimesSync(odd, new Date(0), new Date(0))
    const { image, lines } = await prepare(ref, { cacheDir, arch: 'x64', maxCacheBytes: 1 })
    expect(image).toMatchObject({ rootfs: first.image.rootfs, fromCache: true })
    expect(lines.filter((line) => line.startsWith('Image cache'))).toEqual([
      expect.stringMatching(
        /^Image cache over 1 B: removing least recently used entries failed \(.+\); it stays over its cap$/
      )
    ])
    expect(fs.existsSync(odd)).toBe(true)
  })
})

describeTier('registry', 'prepareImage with registries that want a password', () => {
  let registry: TestRegistry
  const login = { username: 'ci-user', password: 'pa55-w0rd-secret' }

  beforeAll(async () => {
    registry = await startRegistry({ login })
    await pushImage(registry, 'private/app', { tag: 'v1', layers: [{ entries: busyboxEntries() }] })
  })
  afterAll(async () => {
    await registry?.stop()
  })

  test('htpasswd (Basic): no credentials, wrong ones, right ones', async () => {
    const cacheDir = newCacheDir()
    const ref = `${registry.host}/private/app:v1`
    const anonymous = await failure(prepare(ref, { cacheDir }))
    expect(anonymous.message).toMatch(
      new RegExp(
        `^registry ${registry.host}, repository private/app: the repository does not exist or needs a login \\(401 UNAUTHORIZED\\)`
      )
    )
    const wrong = await failure(
      prepare(ref, { cacheDir, credentials: { username: 'ci-user', password: 'wrong-password' } })
    )
    expect(wrong.message).toMatch(/rejected the username and password \(as given\)/)
    expect(wrong.message).not.toMatch(/wrong-password/)
    expect(anonymous.inputMistake).toBe(true)
    expect(wrong.inputMistake).toBe(false)
    const { image, lines } = await prepare(ref, { cacheDir, credentials: login, arch: 'x64' })
    expect(listTree(image.rootfs)).toEqual(BUSYBOX_TREE)
    expect(lines.join('\n')).toMatch(/with the given credentials/)
    expect(lines.join('\n')).not.toContain(login.password)
    expect(lines.join('\n')).not.toContain(Buffer.from(`${login.username}:${login.password}`).toString('base64'))
    expectCleanCache(cacheDir)
  })

  test('credentials from a Docker config file', async () => {
    const dockerConfig = path.join(base, 'docker-config')
    fs.mkdirSync(dockerConfig, { recursive: true })
    fs.writeFileSync(
      path.join(dockerConfig, 'config.json'),
      JSON.stringify({
        auths: {
          [`http://${registry.host}`]: { auth: Buffer.from(`${login.username}:${login.password}`).toString('base64') }
        }
      })
    )
    const cacheDir = newCacheDir()
    const { image, lines } = await prepare(`${registry.host}/private/app:v1`, {
      cacheDir,
      arch: 'x64',
      env: { HOME: home, DOCKER_CONFIG: dockerConfig }
    })
    expect(listTree(image.rootfs)).toEqual(BUSYBOX_TREE)
    expect(lines.join('\n')).toMatch(/with credentials from the Docker config file/)
    expectCleanCache(cacheDir)
  })

  test('credentials from a credential helper (docker-credential-pass); a missing helper is one line', async () => {
    const keys = startPassStore()
    try {
      keys.store(registry.host, login.username, login.password)
      const dockerConfig = path.join(base, 'docker-config-helper')
      fs.mkdirSync(dockerConfig, { recursive: true })
      const configure = (config: object): void =>
        fs.writeFileSync(path.join(dockerConfig, 'config.json'), JSON.stringify(config))
      const env = { ...keys.env, HOME: home, DOCKER_CONFIG: dockerConfig }

      configure({ credsStore: 'pass', auths: { [registry.host]: {} } })
      const { image, lines } = await prepare(`${registry.host}/private/app:v1`, { arch: 'x64', env })
      expect(listTree(image.rootfs)).toEqual(BUSYBOX_TREE)
      expect(lines.join('\n')).toMatch(/with credentials from docker-credential-pass/)
      expect(lines.join('\n')).not.toContain(login.password)

      configure({ credsStore: 'pass', credHelpers: { [registry.host]: 'not-installed' } })
      const lines2: string[] = []
      const error = await failure(
        prepareImage({
          reference: `${registry.host}/private/app:v1`,
          pull: 'always',
          cacheDir: newCacheDir(),
          log: (l) => lines2.push(l),
          env
        })
      )
      expect(lines2).toContain(
        'docker-credential-not-installed, which the Docker config names, is not installed; pulling anonymously'
      )
      expect(error.message).toMatch(/needs a login/)
    } finally {
      keys.stop()
    }
  })
})

describeTier('registry', 'prepareImage through a proxy: Bearer tokens, redirects, broken connections', () => {
  let registry: TestRegistry

  beforeAll(async () => {
    registry = await startRegistry()
    await pushImage(registry, 'proxied/app', {
      tag: 'v1',
      layers: [
        { entries: busyboxEntries() },
        { entries: [{ name: 'etc/big', content: Buffer.alloc(256 * 1024, 7) }], compression: 'none' }
      ]
    })
  })
  afterAll(async () => {
    await registry?.stop()
  })

  test('the Bearer challenge flow with credentials; blobs redirected to storage get no Authorization', async () => {
    const login = { username: 'bearer-user', password: 'bearer-secret' }
    const proxy = await startProxy(registry.host, { bearer: { login }, redirectBlobs: true })
    try {
      const cacheDir = newCacheDir()
      const denied = await failure(prepare(`${proxy.host}/proxied/app:v1`, { cacheDir }))
      expect(denied.message).toMatch(/repository proxied\/app: the registry's token service refused anonymous access/)
      expect(denied.inputMistake).toBe(true)
      const wrong = await failure(
        prepare(`${proxy.host}/proxied/app:v1`, {
          cacheDir,
          credentials: { username: 'bearer-user', password: 'nope-nope' }
        })
      )
      expect(wrong.message).toMatch(/token service rejected the username and password/)
      expect(wrong.message).not.toContain('nope-nope')
      expect(wrong.inputMistake).toBe(false)
      const { image, lines } = await prepare(`${proxy.host}/proxied/app:v1`, {
        cacheDir,
        credentials: login,
        arch: 'x64'
      })
      expect(listTree(image.rootfs)).toEqual([...BUSYBOX_TREE, 'etc/big'].sort())
      expect(proxy.tokenRequests).toBeGreaterThanOrEqual(3)
      expect(proxy.storageRequests.length).toBe(3)
      expect(proxy.storageRequests.every((r) => !r.authorization)).toBe(true)
      const said = [denied.message, wrong.message, ...lines].join('\n')
      for (const token of proxy.tokens) expect(said).not.toContain(token)
      expect(said).not.toContain(login.password)
      expectCleanCache(cacheDir)
    } finally {
      await proxy.stop()
    }
  })

  test('anonymous Bearer tokens', async () => {
    const proxy = await startProxy(registry.host, { bearer: {} })
    try {
      const cacheDir = newCacheDir()
      const { image } = await prepare(`${proxy.host}/proxied/app:v1`, { cacheDir, arch: 'x64' })
      expect(listTree(image.rootfs)).toEqual([...BUSYBOX_TREE, 'etc/big'].sort())
      expectCleanCache(cacheDir)
    } finally {
      await proxy.stop()
    }
  })

  test('429 and 5xx answers are retried; 403 is one clear line', async () => {
    for (const status of [429, 503]) {
      const proxy = await startProxy(registry.host, { fail: { status, times: 2 } })
      try {
        const cacheDir = newCacheDir()
        const { image } = await prepare(`${proxy.host}/proxied/app:v1`, { cacheDir, arch: 'x64' })
        expect(proxy.failed).toBe(2)
        expect(listTree(image.rootfs)).toEqual([...BUSYBOX_TREE, 'etc/big'].sort())
        expectCleanCache(cacheDir)
      } finally {
        await proxy.stop()
      }
    }
    const proxy = await startProxy(registry.host, { fail: { status: 403, times: Infinity } })
    try {
      const cacheDir = newCacheDir()
      const error = await failure(prepare(`${proxy.host}/proxied/app:v1`, { cacheDir, arch: 'x64' }))
      expect(error.message).toBe(
        `registry ${proxy.host}, repository proxied/app: access denied while fetching the manifest v1 (403 DENIED); ` +
          'the account needs pull access to this repository'
      )
      expect(error.inputMistake).toBe(false)
      expect(proxy.failed).toBe(1)
      expectCleanCache(cacheDir)
    } finally {
      await proxy.stop()
    }
  })

  test('a connection cut mid-blob is retried', async () => {
    const proxy = await startProxy(registry.host, { cutBlobs: 1 })
    try {
      const cacheDir = newCacheDir()
      const { image } = await prepare(`${proxy.host}/proxied/app:v1`, { cacheDir, arch: 'x64' })
      expect(proxy.cuts).toBe(1)
      expect(fs.readFileSync(path.join(image.rootfs, 'etc/big')).equals(Buffer.alloc(256 * 1024, 7))).toBe(true)
      expectCleanCache(cacheDir)
    } finally {
      await proxy.stop()
    }
  })

  test('a layer unpacked from bytes a broken attempt sent, not the ones verified, is refused', async () => {
    const big = Buffer.alloc(256 * 1024, 7)
    const pushed = await pushImage(registry, 'proxied/tampered', {
      tag: 'v1',
      layers: [{ entries: [{ name: 'etc/big', content: big }], compression: 'none' }]
    })
    const cacheDir = newCacheDir()
    // The cut comes once the unpacker has read the tampered half: the download's file in the cache's
    // tmp/ holds it, and the unpacker, which reads all that is written as soon as it is, has made etc/
    // in the pull's work tree.
    const tmp = path.join(cacheDir, 'tmp')
    const half = Math.floor(pushed.layers[0].size / 2)
    const readTamperedHalf = (): boolean => {
      try {
        const entries = fs.readdirSync(tmp).map((name) => path.join(tmp, name))
        return (
          entries.some((entry) => fs.statSync(entry).isFile() && fs.statSync(entry).size >= half) &&
          entries.some((entry) => fs.existsSync(path.join(entry, 'rootfs/etc')))
        )
      } catch {
        return false // not made yet, or removed while looked at
      }
    }
    const proxy = await startProxy(registry.host, {
      tamperBlob: { digest: pushed.layers[0].digest, cutWhen: readTamperedHalf }
    })
    try {
      const ref = `${proxy.host}/proxied/tampered:v1`
      const error = await failure(prepare(ref, { cacheDir, arch: 'x64' }))
      expect(proxy.tampered).toBe(1)
      expect(error.inputMistake).toBe(false)
      expect(error.message).toMatch(
        new RegExp(
          `^registry ${proxy.host}, repository proxied/tampered: layer 1/1 sha256:[0-9a-f]{12}…: ` +
            'the bytes unpacked while it downloaded do not match its digest'
        )
      )
      expect(rootsIn(cacheDir)).toEqual([])
      expect(fs.readdirSync(path.join(cacheDir, 'refs'))).toEqual([])
      expectCleanCache(cacheDir)
      // The blob that was cached is the verified one: the next pull unpacks it and gets the real file.
      const { image } = await prepare(ref, { cacheDir, arch: 'x64' })
      expect(fs.readFileSync(path.join(image.rootfs, 'etc/big')).equals(big)).toBe(true)
    } finally {
      await proxy.stop()
    }
  })

  test("a registry that drips a blob never idles, but the request's deadline ends it, with no retry", async () => {
    const pushed = await pushImage(registry, 'proxied/drip', {
      tag: 'v1',
      layers: [{ entries: [{ name: 'etc/big', content: Buffer.alloc(64 * 1024, 3) }], compression: 'none' }]
    })
    const layer = pushed.layers[0].digest
    const proxy = await startProxy(registry.host, { dripBlob: { digest: layer, bytes: 100, everyMs: 20 } })
    try {
      const cacheDir = newCacheDir()
      const error = await failure(
        prepare(`${proxy.host}/proxied/drip:v1`, {
          cacheDir,
          arch: 'x64',
          limits: { requestMs: 300, minBytesPerSecond: 1024 ** 3 }
        })
      )
      expect(error.message).toMatch(
        new RegExp(
          `^registry ${proxy.host}, repository proxied/drip: fetching layer 1/1 sha256:[0-9a-f]{12}… took over 0\\.3 s, ` +
            'its deadline \\([^)]* arrived in that time\\); the registry or the network is too slow, try again later$'
        )
      )
      expect(proxy.dripped).toBeGreaterThan(0)
      expect(proxy.blobGets[layer]).toBe(1)
      expect(rootsIn(cacheDir)).toEqual([])
      expectCleanCache(cacheDir)
    } finally {
      await proxy.stop()
    }
  })

  test('a connection on which nothing arrives is retried, then fails naming the registry, the layer and the wait', async () => {
    const pushed = await pushImage(registry, 'proxied/idle', {
      tag: 'v1',
      layers: [{ entries: [{ name: 'etc/idle', content: 'idle' }], compression: 'none' }]
    })
    const layer = pushed.layers[0].digest
    const proxy = await startProxy(registry.host, { delayBlob: { digest: layer, ms: 60_000 } })
    try {
      const cacheDir = newCacheDir()
      const error = await failure(
        prepare(`${proxy.host}/proxied/idle:v1`, { cacheDir, arch: 'x64', limits: { idleMs: 200 } })
      )
      expect(error.message).toMatch(
        new RegExp(
          `^registry ${proxy.host}, repository proxied/idle: fetching layer 1/1 sha256:[0-9a-f]{12}… failed after 4 tries: ` +
            'the connection stalled: nothing arrived for 0\\.2 s; check that the registry is reachable and try again$'
        )
      )
      expect(proxy.blobGets[layer]).toBe(4)
      expectCleanCache(cacheDir)
    } finally {
      await proxy.stop()
    }
  })

  test("the run's timeout stops a pull at once, naming what was still running, with no retry", async () => {
    const pushed = await pushImage(registry, 'proxied/drip-stop', {
      tag: 'v1',
      layers: [
        { entries: busyboxEntries() },
        { entries: [{ name: 'etc/big', content: Buffer.alloc(64 * 1024, 4) }], compression: 'none' }
      ]
    })
    const layer = pushed.layers[1].digest
    const proxy = await startProxy(registry.host, { dripBlob: { digest: layer, bytes: 100, everyMs: 20 } })
    const stop = new AbortController()
    try {
      const cacheDir = newCacheDir()
      const pulling = failure(
        prepare(`${proxy.host}/proxied/drip-stop:v1`, { cacheDir, arch: 'x64', signal: stop.signal })
      )
      await waitFor(() => proxy.dripped > 0)
      stop.abort('the timeout (10s) ran out')
      const error = await pulling
      expect(error.message).toMatch(
        new RegExp(
          `^registry ${proxy.host}, repository proxied/drip-stop: the pull was not finished when the timeout \\(10s\\) ran out; ` +
            'still running: (.*, )?fetching layer 2/2 sha256:[0-9a-f]{12}… \\([^)]* of [^)]*\\)(, .*)?$'
        )
      )
      expect(proxy.blobGets[layer]).toBe(1)
      expect(rootsIn(cacheDir)).toEqual([])
      expectCleanCache(cacheDir)
    } finally {
      await proxy.stop()
    }
  })

  test('a registry that keeps cutting connections fails after a few tries, leaving nothing partial', async () => {
    const proxy = await startProxy(registry.host, { cutBlobs: Infinity })
    try {
      const cacheDir = newCacheDir()
      const error = await failure(prepare(`${proxy.host}/proxied/app:v1`, { cacheDir, arch: 'x64' }))
      expect(error.message).toMatch(
        new RegExp(
          `^registry ${proxy.host}, repository proxied/app: fetching (the image config|layer \\d/2 .*) failed after 4 tries: `
        )
      )
      expect(error.inputMistake).toBe(false)
      expect(rootsIn(cacheDir)).toEqual([])
      expect(fs.readdirSync(path.join(cacheDir, 'blobs')).length).toBeLessThan(2)
      expectCleanCache(cacheDir)
    } finally {
      await proxy.stop()
    }
  })
})

describeTier('registry', 'prepareImage when the registry is gone', () => {
  test('a cached image is used with the registry stopped; pull never and always behave', async () => {
    const registry = await startRegistry()
    const cacheDir = newCacheDir()
    const ref = `${registry.host}/test/offline:v1`
    try {
      await pushImage(registry, 'test/offline', { tag: 'v1', layers: [{ entries: busyboxEntries() }] })
      const never = await failure(prepare(ref, { cacheDir, pull: 'never' }))
      expect(never.message).toMatch(/is not in the image cache and pull is "never"; set pull to "missing" or "always"/)
      expect(never.inputMistake).toBe(true)
      await prepare(ref, { cacheDir, arch: 'x64' })
    } finally {
      await registry.stop()
    }
    const cached = await prepare(ref, { cacheDir, arch: 'x64' })
    expect(cached.image.fromCache).toBe(true)
    expect(listTree(cached.image.rootfs)).toEqual(BUSYBOX_TREE)
    const never = await prepare(ref, { cacheDir, arch: 'x64', pull: 'never' })
    expect(never.image.rootfs).toBe(cached.image.rootfs)
    const always = await failure(prepare(ref, { cacheDir, arch: 'x64', pull: 'always' }))
    expect(always.message).toMatch(
      /failed after 4 tries: the connection failed \(ECONNREFUSED\); check that the registry is reachable/
    )
    expect(always.inputMistake).toBe(false)
    expectCleanCache(cacheDir)
  })
})

describeTier('registry', 'prepareImage through a forward proxy (tinyproxy)', () => {
  let registry: TestRegistry
  let proxy: ForwardProxy

  beforeAll(async () => {
    registry = await startRegistry()
    proxy = await startTinyproxy()
    await pushImage(registry, 'proxied/app', { tag: 'v1', layers: [{ entries: busyboxEntries() }] })
  })
  afterAll(async () => {
    await proxy?.stop()
    await registry?.stop()
  })

  test('HTTP_PROXY carries every request; its credentials never reach the log', async () => {
    const withLogin = proxy.url.replace('http://', 'http://someone:proxy-secret@')
    const { image, lines } = await prepare(`${registry.host}/proxied/app:v1`, {
      env: { HOME: home, HTTP_PROXY: withLogin }
    })
    expect(listTree(image.rootfs)).toEqual(BUSYBOX_TREE)
    expect(proxy.tunnels()).toContain(registry.host)
    expect(lines).toContain(`Connecting through the proxy (HTTP_PROXY: ${new URL(proxy.url).host})`)
    expect(lines.join('\n')).not.toContain('proxy-secret')
  })

  test('a proxy that is down fails the pull; NO_PROXY goes around it', async () => {
    const down = `http://127.0.0.1:${await freePort()}`
    const error = await failure(prepare(`${registry.host}/proxied/app:v1`, { env: { HOME: home, HTTP_PROXY: down } }))
    expect(error.message).toMatch(/^registry 127\.0\.0\.1:\d+, repository proxied\/app: /)
    const { image } = await prepare(`${registry.host}/proxied/app:v1`, {
      env: { HOME: home, HTTP_PROXY: down, NO_PROXY: '127.0.0.1' }
    })
    expect(listTree(image.rootfs)).toEqual(BUSYBOX_TREE)
  })

  test('a proxy variable that is not a URL is one line naming it, without its value', async () => {
    const error = await failure(
      prepare(`${registry.host}/proxied/app:v1`, { env: { HOME: home, HTTPS_PROXY: 'secret-not-a-url' } })
    )
    expect(error.message).toBe(
      `registry ${registry.host}, repository proxied/app: HTTPS_PROXY is not a proxy URL; set it like http://proxy.example:3128, or unset it`
    )
  })
})
