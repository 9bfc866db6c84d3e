/** The image cache's bookkeeping and the layer unpacker, without a registry. */
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { compress, listTree, tarOf, type LayerEntry } from '../__fixtures__/registry.js'
import { ImageCache, type RootMetadata } from '../src/image/cache.js'
import { ImageError } from '../src/image/index.js'
import { RootBuilder, detectCompression, entryParts, isLayerMediaType, removeTree } from '../src/image/layers.js'

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

async function entry(cache: ImageCache, digest: string, sizeBytes: number, usedAgoMs = 0): Promise<string> {
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

  test('the loser of a publish race drops its copy and the winner stays', async () => {
    const cache = new ImageCache(base)
    await cache.init()
    const first = await entry(cache, D('a'), 10)
    const second = await entry(cache, D('a'), 10)
    expect(await cache.publishRoot(first, D('a'))).toBe(true)
    expect(await cache.publishRoot(second, D('a'))).toBe(false)
    expect(fs.readdirSync(cache.tmp)).toEqual([])
    expect(fs.statSync(cache.entryDir(D('a'))).mode & 0o777).toBe(0o555)
    expect((await cache.findRoot(D('a')))?.metadata.sizeBytes).toBe(10)
  })

  test('eviction: least recently used first, blobs before roots, never what is kept or recently used', async () => {
    const cache = new ImageCache(base)
    await cache.init()
    await cache.publishRoot(await entry(cache, D('a'), 100, 3_000_000), D('a'))
    await cache.publishRoot(await entry(cache, D('b'), 100, 2_000_000), D('b'))
    await cache.publishRoot(await entry(cache, D('c'), 100, 1_000_000), D('c'))
    await cache.publishRoot(await entry(cache, D('d'), 100, 0), D('d'))
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

describe('layers', () => {
  async function apply(layers: (LayerEntry[] | Buffer)[]): Promise<{ root: string; builder: RootBuilder }> {
    const root = path.join(base, 'root')
    fs.mkdirSync(root)
    const builder = new RootBuilder(root)
    for (const [i, layer] of layers.entries()) {
      const file = path.join(base, `layer-${i}`)
      fs.writeFileSync(file, Buffer.isBuffer(layer) ? layer : compress(await tarOf(layer), 'gzip'))
      await builder.applyLayer(file, `layer ${i + 1}`)
    }
    await builder.finish()
    return { root, builder }
  }

  test('paths: `..` is refused, leading / and ./ are dropped', () => {
    expect(entryParts('./a/b/')).toEqual(['a', 'b'])
    expect(entryParts('/etc/passwd')).toEqual(['etc', 'passwd'])
    expect(entryParts('a/../../b')).toBeUndefined()
    expect(entryParts('./')).toEqual([])
  })

  test('compression is read from the bytes; media types must name a tar layer', () => {
    expect(detectCompression(Buffer.from([0x1f, 0x8b, 8, 0]))).toBe('gzip')
    expect(detectCompression(Buffer.from([0x28, 0xb5, 0x2f, 0xfd]))).toBe('zstd')
    expect(detectCompression(Buffer.from('bin/'))).toBe('none')
    expect(isLayerMediaType('application/vnd.oci.image.layer.v1.tar+zstd')).toBe(true)
    expect(isLayerMediaType('application/vnd.docker.image.rootfs.diff.tar.gzip')).toBe(true)
    expect(isLayerMediaType('application/vnd.oci.image.layer.nondistributable.v1.tar+gzip')).toBe(true)
    expect(isLayerMediaType('application/vnd.oci.image.layer.v1.tar+gzip+encrypted')).toBe(false)
    expect(isLayerMediaType('application/wasm')).toBe(false)
  })

  test("a whiteout removes from lower layers only; an opaque directory keeps its own layer's entries", async () => {
    const { root } = await apply([
      [
        { name: 'a', content: 'lower' },
        { name: 'b', content: 'b' },
        { name: 'd/x', content: 'x' },
        { name: 'd/sub/y', content: 'y' }
      ],
      [
        { name: 'a', content: 'upper' },
        { name: '.wh.a' },
        { name: '.wh.b' },
        { name: 'd/sub/w', content: 'w' },
        { name: 'd/.wh..wh..opq' }
      ]
    ])
    expect(listTree(root)).toEqual(['a', 'd/', 'd/sub/', 'd/sub/w'])
    expect(fs.readFileSync(path.join(root, 'a'), 'utf8')).toBe('upper')
  })

  test('an opaque root directory clears every lower layer', async () => {
    const { root } = await apply([
      [
        { name: 'a', content: 'lower' },
        { name: 'd/x', content: 'x' },
        { name: 'keep/y', content: 'y' }
      ],
      [{ name: 'a', content: 'upper' }, { name: '.wh.a' }, { name: 'd/.wh..wh..opq' }, { name: 'd/z', content: 'z' }],
      [{ name: 'new', content: 'n' }, { name: '.wh..wh..opq' }]
    ])
    expect(listTree(root)).toEqual(['new'])
  })

  test('a directory whiteout under a file or symlink parent deletes nothing', async () => {
    const outside = path.join(base, 'outside')
    fs.mkdirSync(outside)
    fs.writeFileSync(path.join(outside, 'f'), 'f')
    const { root } = await apply([
      [
        { name: 'l', type: 'symlink', linkname: outside },
        { name: 'file', content: 'x' }
      ],
      [{ name: 'l/.wh.f' }, { name: 'file/.wh.g' }, { name: 'l/sub/.wh..wh..opq' }]
    ])
    expect(fs.readdirSync(outside)).toEqual(['f'])
    expect(listTree(root)).toEqual(['file', 'l'])
  })

  test('a corrupt or truncated layer is an ImageError', async () => {
    const good = compress(await tarOf([{ name: 'a', content: 'x'.repeat(100000) }]), 'gzip')
    await expect(apply([good.subarray(0, good.length / 2)])).rejects.toThrow(/^layer 1 is not a readable layer/)
    await removeTree(path.join(base, 'root'))
    await expect(apply([Buffer.concat([Buffer.from([0x1f, 0x8b]), Buffer.alloc(100, 1)])])).rejects.toBeInstanceOf(
      ImageError
    )
  })
})
