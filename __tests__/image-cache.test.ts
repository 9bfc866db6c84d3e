/** The image cache's bookkeeping, without a registry. */
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { ImageCache, type RootMetadata } from '../src/image/cache.js'
import { removeTree } from '../src/image/tree.js'
import { findPreparedLayer, publishPreparedLayer } from '../src/engine/guest/prepared-layer.js'

let base: string

beforeEach(() => {
  base = fs.mkdtempSync(path.join(os.tmpdir(), 'image-cache-'))
})
afterEach(async () => {
  await removeTree(base)
})

function metadata(digest: string, sizeBytes: number): RootMetadata {
  return {
    manifestDigest: digest,
    digest,
    reference: 'example.com/x:1',
    platform: 'linux/amd64',
    sizeBytes,
    layers: [],
    config: { env: [] },
    created: new Date().toISOString()
  }
}

function entry(cache: ImageCache, digest: string, sizeBytes: number, usedAgoMs = 0): string {
  const temp = cache.tempPath('pull')
  fs.mkdirSync(path.join(temp, 'rootfs', 'ro'), { recursive: true })
  fs.writeFileSync(path.join(temp, 'rootfs', 'ro', 'f'), 'f')
  fs.chmodSync(path.join(temp, 'rootfs', 'ro'), 0o555)
  fs.writeFileSync(path.join(temp, 'image.json'), JSON.stringify(metadata(digest, sizeBytes)))
  fs.writeFileSync(path.join(temp, 'last-used'), '')
  const used = new Date(Date.now() - usedAgoMs)
  fs.utimesSync(path.join(temp, 'last-used'), used, used)
  return temp
}

const D = (c: string): string => `sha256:${c.repeat(64)}`

describe('ImageCache', () => {
  test('temporary entries of dead processes are removed; live ones stay', async () => {
    const cache = new ImageCache(base)
    await cache.init()
    const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' })
    const deadPid = Number(child.stdout)
    const mine = cache.tempPath('pull')
    const dead = mine.replace(`-${process.pid}-`, `-${deadPid}-`)
    fs.mkdirSync(path.join(mine, 'rootfs'), { recursive: true })
    fs.mkdirSync(path.join(dead, 'rootfs'), { recursive: true })
    await new ImageCache(base).init()
    expect(fs.existsSync(mine)).toBe(true)
    expect(fs.existsSync(dead)).toBe(false)
  })

  test("a temporary entry whose pid now belongs to another process (a later start) is removed; the owner's stays", async () => {
    const cache = new ImageCache(base)
    await cache.init()
    const mine = cache.tempPath('pull')
    const [kind, host, pid, started] = path.basename(mine).split('-')
    expect([kind, pid]).toEqual(['pull', String(process.pid)])
    const reused = path.join(cache.tmp, `pull-${host}-${pid}-${Number(started) + 1}-abcdefgh`)
    for (const dir of [mine, reused]) fs.mkdirSync(path.join(dir, 'rootfs'), { recursive: true })
    await new ImageCache(base).removeStaleTemps()
    expect(fs.readdirSync(cache.tmp)).toEqual([path.basename(mine)])
  })

  test('the cache and its directories are private to its user, made so or tightened', async () => {
    const modes = (cache: ImageCache): number[] =>
      [cache.dir, cache.roots, cache.blobs, cache.refs, cache.tmp].map((dir) => fs.statSync(dir).mode & 0o7777)
    const fresh = new ImageCache(path.join(base, 'new', 'images'))
    await fresh.init()
    expect(modes(fresh)).toEqual([0o700, 0o700, 0o700, 0o700, 0o700])
    const older = new ImageCache(path.join(base, 'older'))
    for (const dir of [older.dir, older.roots, older.blobs, older.refs, older.tmp]) fs.mkdirSync(dir, { mode: 0o755 })
    fs.chmodSync(older.roots, 0o777)
    await older.init()
    expect(modes(older)).toEqual([0o700, 0o700, 0o700, 0o700, 0o700])
  })

  test('the loser of a publish race drops its copy and the winner stays', async () => {
    const cache = new ImageCache(base)
    await cache.init()
    const first = entry(cache, D('a'), 10)
    const second = entry(cache, D('a'), 10)
    expect(await cache.publishRoot(first, D('a'))).toBe(true)
    expect(await cache.publishRoot(second, D('a'))).toBe(false)
    expect(fs.readdirSync(cache.tmp)).toEqual([])
    expect(fs.statSync(cache.entryDir(D('a'))).mode & 0o777).toBe(0o555)
    expect((await cache.findRoot(D('a')))?.metadata.sizeBytes).toBe(10)
  })

  test('eviction: least recently used first, blobs before roots, never what is kept or recently used', async () => {
    const cache = new ImageCache(base)
    await cache.init()
    await cache.publishRoot(entry(cache, D('a'), 100, 3_000_000), D('a'))
    await cache.publishRoot(entry(cache, D('b'), 100, 2_000_000), D('b'))
    await cache.publishRoot(entry(cache, D('c'), 100, 1_000_000), D('c'))
    await cache.publishRoot(entry(cache, D('d'), 100, 0), D('d'))
    const blob = cache.tempPath('blob')
    fs.writeFileSync(blob, Buffer.alloc(50))
    await cache.publishBlob(blob, D('e'))
    fs.utimesSync(cache.blobPath(D('e')), new Date(0), new Date(0))

    expect(await cache.evict(1000, new Set())).toEqual({ removed: [], freedBytes: 0 })
    // Over the cap: the blob goes first, then the oldest root; 'a' is kept, 'd' is too recent.
    const { removed } = await cache.evict(200, new Set([D('a')]), 60_000)
    expect(removed).toEqual([D('e'), D('b'), D('c')])
    expect(fs.readdirSync(cache.roots).sort()).toEqual([`sha256-${'a'.repeat(64)}`, `sha256-${'d'.repeat(64)}`])
    expect(fs.readdirSync(cache.tmp)).toEqual([])
  })

  test('prepared layers: published once per key, read-only, counted by the space they take, evicted before roots', async () => {
    const cache = new ImageCache(base)
    await cache.init()
    const layer = (bytes: number) => {
      const file = cache.tempPath('prepare')
      fs.writeFileSync(file, Buffer.alloc(bytes, 1))
      // Sparse beyond what was written: only the written part counts.
      fs.truncateSync(file, 64 * 2 ** 20)
      return file
    }
    const key = 'f'.repeat(64)
    expect(await findPreparedLayer(cache, key)).toBeUndefined()
    expect(await publishPreparedLayer(cache, layer(8192), key)).toBe(true)
    expect(await publishPreparedLayer(cache, layer(4096), key)).toBe(false)
    const found = await findPreparedLayer(cache, key)
    expect(found).toBe(cache.preparedLayerPath(key))
    expect(fs.statSync(found as string).mode & 0o777).toBe(0o444)
    expect(fs.readdirSync(cache.tmp)).toEqual([])

    await cache.publishRoot(entry(cache, D('a'), 100_000, 1_000_000), D('a'))
    fs.utimesSync(cache.preparedLayerPath(key), new Date(0), new Date(0))
    const { removed, freedBytes } = await cache.evict(100_000, new Set(), 60_000)
    expect(removed).toEqual([key])
    expect(freedBytes).toBeGreaterThanOrEqual(8192)
    expect(freedBytes).toBeLessThan(2 ** 20)
    expect(fs.readdirSync(cache.prepared)).toEqual([])
    expect(await findPreparedLayer(cache, key)).toBeUndefined()
  })

  test('reference records round-trip and are keyed by platform', async () => {
    const cache = new ImageCache(base)
    await cache.init()
    const record = {
      reference: 'docker.io/library/alpine:latest',
      platform: 'linux/amd64',
      digest: D('1'),
      manifestDigest: D('2'),
      updated: 'now'
    }
    await cache.writeRecord(record)
    expect(await cache.readRecord(record.reference, 'linux/amd64')).toEqual(record)
    expect(await cache.readRecord(record.reference, 'linux/arm64/v8')).toBeUndefined()
  })
})
