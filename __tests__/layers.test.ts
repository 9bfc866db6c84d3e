/** The layer unpacker on its own: OCI rules, safety, extended attributes, without a registry. */
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { Readable } from 'node:stream'
import { waitFor } from '../__fixtures__/action-runner.js'
import { walkedDiskUsage } from '../__fixtures__/disk-usage.js'
import { FIXED_MTIME, compress, listTree, tarOf, xattrOf, type LayerEntry } from '../__fixtures__/registry.js'
import { mountTmpfs, withTmpfs } from '../__fixtures__/tmpfs.js'
import { ImageError } from '../src/image/index.js'
import { RootBuilder, entryParts, isLayerMediaType, layerFile, unpackNotes } from '../src/image/layers.js'
import { detectCompression } from '../src/image/compression.js'
import { RootIndex } from '../src/image/root-index.js'
import { removeTree } from '../src/image/tree.js'
import { UNPACK_FLOOR_BYTES, UNPACK_RATIO, unpackBudget } from '../src/image/unpack-budget.js'

let base: string

beforeEach(() => {
  base = fs.mkdtempSync(path.join(os.tmpdir(), 'layers-'))
})
afterEach(async () => {
  await removeTree(base)
})

const isRoot = process.getuid?.() === 0

describe('layers', () => {
  async function apply(layers: (LayerEntry[] | Buffer)[]): Promise<{ root: string; builder: RootBuilder }> {
    const root = path.join(base, 'root')
    fs.mkdirSync(root)
    const builder = new RootBuilder(root)
    for (const [i, layer] of layers.entries()) {
      const file = path.join(base, `layer-${i}`)
      fs.writeFileSync(file, Buffer.isBuffer(layer) ? layer : compress(await tarOf(layer), 'gzip'))
      await builder.applyLayer(layerFile(file), `layer ${i + 1}`)
    }
    builder.finish()
    // Every layer test also checks the builder's own count of disk use against a walk of what it made.
    expect(builder.diskUsage).toBe(await walkedDiskUsage(root))
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

  test("a source that fails after a compressed tar's end fails the layer", async () => {
    const root = path.join(base, 'root')
    fs.mkdirSync(root)
    // gunzip ends its output at zero padding after the gzip member, before its input ends.
    const whole = Buffer.concat([compress(await tarOf([{ name: 'a', content: 'a' }]), 'gzip'), Buffer.alloc(64)])
    const broken = new Error('the download broke after the last byte')
    const file = path.join(root, 'a')
    async function* source(): AsyncGenerator<Buffer> {
      yield whole
      // Fails once the unpacker is past the tar's end: it makes its small files when it drains them
      // after the last entry, and gives each its mtime last, on this thread.
      await waitFor(() => fs.existsSync(file) && fs.statSync(file).mtime.getTime() === FIXED_MTIME.getTime())
      throw broken
    }
    const applying = new RootBuilder(root).applyLayer(source(), 'layer 1')
    await expect(applying).rejects.toThrow(
      /^layer 1 is not a readable layer \(the download broke after the last byte\)/
    )
  })

  test('extended attributes: binary values byte for byte, capabilities kept after the owner is set', async () => {
    const tree = path.join(base, 'tree')
    fs.mkdirSync(path.join(tree, 'd'), { recursive: true })
    fs.writeFileSync(path.join(tree, 'bin'), 'x')
    const set = (file: string, name: string, value: string): void => {
      const result = spawnSync('setfattr', ['-n', name, '-v', value, path.join(tree, file)])
      if (result.error) throw new Error('setfattr is missing: apt-get install attr')
    }
    set('bin', 'user.binary', '0x00ff800a3d20')
    set('d', 'user.text', 'hello')
    const layerFile = path.join(base, 'gnu.tar')
    const made = spawnSync('tar', [
      '--format=pax',
      '--xattrs',
      '--xattrs-include=user.*',
      '-cf',
      layerFile,
      '-C',
      tree,
      '.'
    ])
    expect(made.status).toBe(0)
    // v2 file capabilities: cap_net_raw permitted and effective.
    const capability = Buffer.from('0100000200200000000000000000000000000000', 'hex')
    const second: LayerEntry[] = [
      {
        name: 'ping',
        content: 'p',
        mode: 0o755,
        uid: 1000,
        gid: 1000,
        pax: { 'LIBARCHIVE.xattr.security.capability': capability.toString('base64') }
      },
      { name: 'o/', type: 'directory', pax: { 'SCHILY.xattr.trusted.overlay.opaque': 'y' } },
      { name: 'labelled', content: 'l', pax: { 'SCHILY.xattr.security.selinux': 'system_u:object_r:etc_t:s0' } }
    ]
    const { root, builder } = await apply([fs.readFileSync(layerFile), second])
    expect(xattrOf(path.join(root, 'bin'), 'user.binary')).toBe('00ff800a3d20')
    expect(xattrOf(path.join(root, 'd'), 'user.text')).toBe(Buffer.from('hello').toString('hex'))
    expect(xattrOf(path.join(root, 'o'), 'trusted.overlay.opaque')).toBeUndefined()
    expect(xattrOf(path.join(root, 'labelled'), 'security.selinux')).toBeUndefined()
    expect(builder.stats.xattrsRefused).toBe(2)
    expect(unpackNotes(builder.stats)).toContainEqual(expect.stringMatching(/^2 extended attributes were left out: /))
    const ping = path.join(root, 'ping')
    expect({
      capability: xattrOf(ping, 'security.capability'),
      ping: fs.statSync(ping),
      notAllowed: builder.stats.xattrsNotAllowed
    }).toMatchObject(
      isRoot
        ? { capability: capability.toString('hex'), ping: { uid: 1000, mode: 0o100755 }, notAllowed: 0 }
        : { notAllowed: 1 } // without root, neither a capability nor an owner can be set
    )
  })

  test('without setfattr the attributes are counted as not set, and everything else is unpacked', async () => {
    const emptyPath = path.join(base, 'no-tools')
    fs.mkdirSync(emptyPath)
    const saved = process.env.PATH
    process.env.PATH = emptyPath
    try {
      const { root, builder } = await apply([
        [{ name: 'f', content: 'f', pax: { 'LIBARCHIVE.xattr.user.a': Buffer.from('1').toString('base64') } }]
      ])
      expect(fs.readFileSync(path.join(root, 'f'), 'utf8')).toBe('f')
      expect(builder.stats.xattrsWithoutSetfattr).toBe(1)
    } finally {
      process.env.PATH = saved
    }
  })

  /** Runs `body` with a setfattr on PATH that logs each run to the returned file, then runs the real one. */
  async function countingSetfattr(body: (runs: () => number) => Promise<void>): Promise<void> {
    const real = spawnSync('sh', ['-c', 'command -v setfattr'], { encoding: 'utf8' }).stdout.trim()
    if (real === '') throw new Error('setfattr is missing: apt-get install attr')
    const bin = path.join(base, 'counting-bin')
    const log = path.join(base, 'setfattr-runs')
    fs.mkdirSync(bin)
    fs.writeFileSync(log, '')
    fs.writeFileSync(path.join(bin, 'setfattr'), `#!/bin/sh\necho run >> '${log}'\nexec '${real}' "$@"\n`, {
      mode: 0o755
    })
    const saved = process.env.PATH
    process.env.PATH = `${bin}:${saved}`
    try {
      await body(() => fs.readFileSync(log, 'utf8').split('\n').filter(Boolean).length)
    } finally {
      process.env.PATH = saved
    }
  }

  const userXattrs = (n: number, prefix = 'a'): Record<string, string> =>
    Object.fromEntries(
      Array.from({ length: n }, (_, i) => [
        `LIBARCHIVE.xattr.user.${prefix}${i}`,
        Buffer.from(`v${i}`).toString('base64')
      ])
    )

  test('a layer holding thousands of extended attributes sets them all with one setfattr process', async () => {
    await countingSetfattr(async (runs) => {
      const files: LayerEntry[] = Array.from({ length: 400 }, (_, i) => ({
        name: `d/f${i}`,
        content: `${i}`,
        pax: userXattrs(8)
      }))
      const { root, builder } = await apply([
        [
          { name: 'd/', type: 'directory', pax: userXattrs(2, 'dir') },
          ...files,
          {
            name: 'odd name=\n',
            content: 'x',
            pax: { 'LIBARCHIVE.xattr.user.odd%3Dname%5Cx': Buffer.from('v').toString('base64') }
          }
        ],
        [{ name: 'later', content: 'l', pax: userXattrs(1) }]
      ])
      expect(runs()).toBe(2) // one per layer
      expect(xattrOf(path.join(root, 'd/f399'), 'user.a7')).toBe(Buffer.from('v7').toString('hex'))
      expect(xattrOf(path.join(root, 'd'), 'user.dir1')).toBe(Buffer.from('v1').toString('hex'))
      expect(xattrOf(path.join(root, 'odd name=\n'), 'user.odd=name\\x')).toBe(Buffer.from('v').toString('hex'))
      expect(xattrOf(path.join(root, 'later'), 'user.a0')).toBe(Buffer.from('v0').toString('hex'))
      expect(builder.stats).toMatchObject({ xattrsNotAllowed: 0, xattrsRefused: 0, xattrsWithoutSetfattr: 0 })
    })
  })

  test('attributes wait for the end of the layer without landing through what replaced their path', async () => {
    const outside = path.join(base, 'outside')
    fs.mkdirSync(outside)
    fs.writeFileSync(path.join(outside, 'f'), 'outside')
    const { root } = await apply([
      [
        { name: 'a/f', content: 'in a', pax: userXattrs(1) },
        { name: 'a', type: 'symlink', linkname: outside },
        { name: 'orig', content: 'o', pax: userXattrs(1, 'orig') },
        { name: 'link', type: 'link', linkname: 'orig' },
        { name: 'orig', content: 'replaced' }
      ]
    ])
    expect(xattrOf(path.join(outside, 'f'), 'user.a0')).toBeUndefined()
    expect(xattrOf(path.join(root, 'link'), 'user.orig0')).toBe(Buffer.from('v0').toString('hex'))
    expect(xattrOf(path.join(root, 'orig'), 'user.orig0')).toBeUndefined()
  })

  test('a file or a layer over the caps on extended attributes fails the layer, setting none', async () => {
    await countingSetfattr(async (runs) => {
      await expect(apply([[{ name: 'f', content: 'f', pax: userXattrs(65) }]])).rejects.toThrow(
        /^layer 1: "f" has 65 extended attributes of \d+ bytes, over the 64 and 64 KiB one file may have; the image cannot be used$/
      )
      await removeTree(path.join(base, 'root'))
      const many: LayerEntry[] = Array.from({ length: 1025 }, (_, i) => ({ name: `f${i}`, pax: userXattrs(64) }))
      await expect(apply([many])).rejects.toThrow(
        /^layer 1: holds over 65536 extended attributes or 16 MiB of them, more than a layer may have; the image cannot be used$/
      )
      expect(runs()).toBe(0)
    })
  }, 60_000)

  test('a directory replaced by a symlink after many files, links to fresh files, a path written twice, a file made a directory', async () => {
    const outside = path.join(base, 'outside')
    fs.mkdirSync(outside)
    const many: LayerEntry[] = Array.from({ length: 200 }, (_, i) => ({ name: `a/f${i}`, content: `${i}`.repeat(500) }))
    const { root, builder } = await apply([
      [
        ...many,
        { name: 'hard', type: 'link', linkname: 'a/f199' },
        { name: 'twice', content: 'first' },
        { name: 'twice', content: 'second' },
        { name: 'was-file', content: 'file' },
        { name: 'was-file/', type: 'directory' },
        { name: 'was-file/in', content: 'in the directory' },
        { name: 'first-link', type: 'link', linkname: 'a/f0' },
        { name: 'a', type: 'symlink', linkname: outside },
        { name: 'a/evil', content: 'evil' }
      ]
    ])
    expect(fs.readdirSync(outside)).toEqual([])
    expect(fs.readlinkSync(path.join(root, 'a'))).toBe(outside)
    expect(fs.readFileSync(path.join(root, 'hard'), 'utf8')).toBe('199'.repeat(500))
    expect(fs.readFileSync(path.join(root, 'twice'), 'utf8')).toBe('second')
    expect(fs.readFileSync(path.join(root, 'was-file/in'), 'utf8')).toBe('in the directory')
    expect(fs.readFileSync(path.join(root, 'first-link'), 'utf8')).toBe('0'.repeat(500))
    expect(builder.stats.unsafe).toBe(1)
  })

  test('disk use counts a hard-linked file once while a name of it is left, and nothing removed', async () => {
    const tenK = 'x'.repeat(10_000)
    const { root, builder } = await apply([
      [
        { name: 'orig', content: tenK },
        { name: 'link', type: 'link', linkname: 'orig' },
        { name: 'gone/a', content: tenK },
        { name: 'long', type: 'symlink', linkname: 'y'.repeat(200) },
        { name: 'replaced', content: tenK },
        { name: 'empty', content: '' }
      ],
      [{ name: '.wh.orig' }, { name: '.wh.gone' }, { name: 'replaced', content: 'small' }]
    ])
    expect(listTree(root)).toEqual(['empty', 'link', 'long', 'replaced'])
    expect(builder.diskUsage).toBeGreaterThan(10_000) // what apply() compares with a walk is not nothing
  })

  withTmpfs(
    'a disk that fills while files are written fails the layer in one line naming the cache, and leaves no write running',
    async () => {
      const root = path.join(base, 'small')
      fs.mkdirSync(root)
      const unmount = mountTmpfs(root, '256k')
      try {
        const files: LayerEntry[] = Array.from({ length: 40 }, (_, i) => ({
          name: `f${i}`,
          content: Buffer.alloc(20_000, i)
        }))
        const layer = path.join(base, 'layer')
        fs.writeFileSync(layer, compress(await tarOf(files), 'gzip'))
        const builder = new RootBuilder(root, { storage: '/the/cache' })
        await expect(builder.applyLayer(layerFile(layer), 'layer 1')).rejects.toThrow(
          new ImageError(
            'layer 1: the disk of /the/cache is full (ENOSPC) while unpacking it; free space there or move the image cache'
          )
        )
        const open = fs.readdirSync('/proc/self/fd').filter((fd) => {
          try {
            return fs.readlinkSync(`/proc/self/fd/${fd}`).startsWith(root)
          } catch {
            return false
          }
        })
        expect(open).toEqual([])
      } finally {
        unmount()
      }
    }
  )

  test('what a pull may unpack: a multiple of its compressed size, at least a floor, never more than the cache cap', () => {
    const MiB = 1024 * 1024
    expect(unpackBudget(10 * MiB, Infinity).bytes).toBe(UNPACK_RATIO * 10 * MiB)
    expect(unpackBudget(1000, Infinity)).toEqual({
      bytes: UNPACK_FLOOR_BYTES,
      reason: `what any image may unpack to (64 MiB, or ${UNPACK_RATIO} times its compressed size if more)`
    })
    expect(unpackBudget(10 * MiB, 100 * MiB)).toEqual({ bytes: 100 * MiB, reason: "the image cache's cap of 100 MiB" })
  })

  test('a layer that unpacks to more than the budget fails before it writes what does not fit', async () => {
    const root = path.join(base, 'root')
    fs.mkdirSync(root)
    const layer = path.join(base, 'layer')
    const entries: LayerEntry[] = [
      { name: 'small', content: 'x' },
      { name: 'zeros', content: Buffer.alloc(2 * 1024 * 1024) }
    ]
    fs.writeFileSync(layer, compress(await tarOf(entries), 'zstd'))
    const builder = new RootBuilder(root, { budget: { bytes: 1024 * 1024, reason: 'the test budget' } })
    await expect(builder.applyLayer(layerFile(layer), 'layer 1')).rejects.toThrow(
      new ImageError('layer 1: the image unpacks to more than 1.0 MiB, the test budget; the image cannot be used')
    )
    expect(fs.readdirSync(root)).toEqual(['small'])
  })

  test('a name too long for the filesystem fails the layer in one line, blaming the layer', async () => {
    const root = path.join(base, 'root')
    fs.mkdirSync(root)
    const layer = path.join(base, 'layer')
    fs.writeFileSync(layer, compress(await tarOf([{ name: `d/${'n'.repeat(300)}`, content: 'x' }]), 'gzip'))
    const builder = new RootBuilder(root, { storage: '/the/cache' })
    await expect(builder.applyLayer(layerFile(layer), 'layer 1')).rejects.toThrow(
      new ImageError(
        'layer 1 holds a path too long to be made under /the/cache (ENAMETOOLONG: a name over 255 bytes, or a path over 4096); the image cannot be used'
      )
    )
  })

  test('a mode the umask would narrow is set in full, whatever the umask', async () => {
    const saved = process.umask(0o077)
    try {
      const { root } = await apply([
        [
          { name: 'shared', content: 'rw', mode: 0o666 },
          { name: 'tool', content: 'x', mode: 0o777 },
          { name: 'plain', content: 'p', mode: 0o600 }
        ]
      ])
      const mode = (name: string): string => (fs.statSync(path.join(root, name)).mode & 0o7777).toString(8)
      expect([mode('shared'), mode('tool'), mode('plain')]).toEqual(['666', '777', '600'])
    } finally {
      process.umask(saved)
    }
  })

  test('files still being made under a directory are finished before it is replaced: none lands through the new link', async () => {
    const outside = path.join(base, 'outside')
    fs.mkdirSync(outside)
    const many: LayerEntry[] = Array.from({ length: 300 }, (_, i) => ({ name: `b/f${i}`, content: `${i}` }))
    const { root } = await apply([
      [...many, { name: 'b', type: 'symlink', linkname: outside }, { name: 'after', content: 'a' }]
    ])
    expect(fs.readdirSync(outside)).toEqual([])
    expect(listTree(root)).toEqual(['after', 'b'])
  })

  test('a symlink to nothing is skipped and counted', async () => {
    const { root, builder } = await apply([
      [
        { name: 'empty', type: 'symlink', linkname: '' },
        { name: 'f', content: 'f' }
      ]
    ])
    expect(listTree(root)).toEqual(['f'])
    expect(builder.stats.unsupported).toBe(1)
  })

  test("a whited-out directory made again only as a parent does not get the old one's mode and mtime", async () => {
    const old = new Date('2001-02-03T04:05:06Z')
    const { root } = await apply([
      [
        { name: 'd/', type: 'directory', mode: 0o700, mtime: old },
        { name: 'd/sub/', type: 'directory', mode: 0o750, mtime: old },
        { name: 'd/sub/old', content: 'old' }
      ],
      [{ name: '.wh.d' }, { name: 'd/sub/new', content: 'new' }]
    ])
    expect(listTree(root)).toEqual(['d/', 'd/sub/', 'd/sub/new'])
    for (const dir of ['d', 'd/sub']) {
      const stat = fs.statSync(path.join(root, dir))
      expect({ dir, mode: (stat.mode & 0o7777).toString(8) }).toEqual({ dir, mode: '755' })
      expect(stat.mtime.getTime()).not.toBe(old.getTime())
    }
  })

  test('the root index forgets a directory and what is under it, and nothing beside it', () => {
    const index = new RootIndex()
    for (const dir of ['a', 'a/b', 'a/b/c', 'a/bc']) index.add(dir, 'directory')
    index.add('a/b/c/f', 'other')
    index.add('a/bc/g', 'other')
    expect(index.remove('a/b').sort()).toEqual(['a/b', 'a/b/c', 'a/b/c/f'])
    expect(['a', 'a/b', 'a/b/c', 'a/b/c/f', 'a/bc', 'a/bc/g'].map((rel) => index.kind(rel))).toEqual([
      'directory',
      undefined,
      undefined,
      undefined,
      'directory',
      'other'
    ])
    index.add('a/b', 'other') // made again: nothing of the old directory comes back
    expect(index.remove('a').sort()).toEqual(['a', 'a/b', 'a/bc', 'a/bc/g'])
    expect(index.remove('a')).toEqual([])
  })

  test('a layer with random damage unpacks inside its root or fails as an ImageError, nothing else', async () => {
    const tree = path.join(base, 'tree')
    fs.mkdirSync(path.join(tree, 'd'), { recursive: true })
    fs.writeFileSync(path.join(tree, 'd', 'x'.repeat(120)), 'long')
    fs.writeFileSync(path.join(tree, 'f'), 'abc'.repeat(300))
    fs.symlinkSync(`d/${'y'.repeat(150)}`, path.join(tree, 'l'))
    fs.linkSync(path.join(tree, 'f'), path.join(tree, 'h'))
    spawnSync('setfattr', ['-n', 'user.a', '-v', '0x00ff', path.join(tree, 'f')])
    const sandbox = path.join(base, 'sandbox')
    fs.mkdirSync(sandbox)
    let seed = 12345
    const random = (n: number): number => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff
      return seed % n
    }
    const failures: string[] = []
    for (const format of ['pax', 'gnu']) {
      const archive = path.join(base, `${format}.tar`)
      expect(spawnSync('tar', [`--format=${format}`, '--xattrs', '-cf', archive, '-C', tree, '.']).status).toBe(0)
      const original = fs.readFileSync(archive)
      for (let round = 0; round < 300; round++) {
        const damaged = Buffer.from(original)
        for (let edit = 0; edit <= random(4); edit++)
          damaged[random(4096)] = random(3) ? random(256) : 0x30 + random(10)
        // Mend the header checksums half the time, so the damage reaches the fields behind them.
        for (let at = 0; random(2) && at + 512 <= 4096; at += 512) {
          const block = damaged.subarray(at, at + 512)
          block.fill(0x20, 148, 156)
          const sum = block.reduce((total, byte) => total + byte, 0)
          block.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148, 'latin1')
        }
        const root = path.join(sandbox, 'root')
        fs.mkdirSync(root)
        try {
          const builder = new RootBuilder(root)
          await builder.applyLayer(Readable.from([damaged]), 'layer')
          builder.finish()
        } catch (error) {
          if (!(error instanceof ImageError)) failures.push(String(error))
        }
        expect(fs.readdirSync(sandbox)).toEqual(['root'])
        await removeTree(root)
      }
    }
    expect(failures).toEqual([])
  })
})
