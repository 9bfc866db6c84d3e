/** The tar reader against archives GNU tar writes (pax, gnu and ustar formats), and against broken ones. */
import { expect } from '@jest/globals'
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { TarFormatError, readTar, type TarHeader } from '../src/image/tar-reader.js'

let base: string
let tree: string
const isRoot = process.getuid?.() === 0

const LONG_DIR = `${'d'.repeat(60)}/${'e'.repeat(60)}`
const LONG_FILE = `${LONG_DIR}/${'f'.repeat(70)}`
const LONG_TARGET = `../${'t'.repeat(150)}`
const BINARY_XATTR = Buffer.from([0x00, 0xff, 0x80, 0x0a, 0x3d, 0x20, 0x31])

function run(command: string, args: string[]): void {
  const result = spawnSync(command, args, { encoding: 'utf8' })
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')}: ${result.error?.message ?? result.stderr}`)
}

beforeAll(() => {
  base = fs.mkdtempSync(path.join(os.tmpdir(), 'tar-reader-'))
  tree = path.join(base, 'tree')
  fs.mkdirSync(path.join(tree, LONG_DIR), { recursive: true })
  fs.writeFileSync(path.join(tree, LONG_FILE), 'long')
  fs.writeFileSync(path.join(tree, 'big'), Buffer.alloc(3 * 1024 * 1024 + 17, 'b'))
  fs.writeFileSync(path.join(tree, 'setuid'), '#!/bin/sh\n')
  fs.chmodSync(path.join(tree, 'setuid'), 0o4755)
  fs.symlinkSync(LONG_TARGET, path.join(tree, 'link'))
  fs.linkSync(path.join(tree, 'setuid'), path.join(tree, 'zhard'))
  run('mkfifo', [path.join(tree, 'fifo')])
  if (isRoot) run('mknod', [path.join(tree, 'null'), 'c', '1', '3'])
  const stamp = new Date('2024-05-06T07:08:09Z')
  for (const name of ['big', 'setuid', LONG_FILE]) fs.utimesSync(path.join(tree, name), stamp, stamp)
})
afterAll(() => fs.rmSync(base, { recursive: true, force: true }))

/** A ustar header block with a correct checksum; the mode field is given as written, to try odd spellings. */
function ustarHeader(entry: { name: string; modeField: string; size: number; type: string }): Buffer {
  const header = Buffer.alloc(512)
  header.write(entry.name, 0)
  header.write(entry.modeField, 100, 8, 'latin1')
  header.write(`${entry.size.toString(8).padStart(11, '0')}\0`, 124)
  header.write(entry.type, 156)
  header.write('ustar\x0000', 257)
  header.fill(0x20, 148, 156)
  let sum = 0
  for (const byte of header) sum += byte
  header.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148)
  return header
}

function archive(format: string, extra: string[] = []): string {
  const file = path.join(base, `${format}-${extra.length}.tar`)
  run('tar', [`--format=${format}`, '--sort=name', ...extra, '-cf', file, '-C', tree, '.'])
  return file
}

interface Read extends Omit<TarHeader, 'xattrs'> {
  xattrs: Record<string, string>
  content: string
}

async function readAll(source: AsyncIterable<Buffer>): Promise<Read[]> {
  const entries: Read[] = []
  for await (const entry of readTar(source)) {
    const content = entry.header.type === 'file' ? await entry.content() : Buffer.alloc(0)
    const xattrs = Object.fromEntries([...entry.header.xattrs].map(([name, value]) => [name, value.toString('hex')]))
    entries.push({ ...entry.header, name: entry.header.name.replace(/^\.\//, ''), xattrs, content: content.toString() })
  }
  return entries
}

/** `pieces` as an asynchronous source hands them out: each one only after an await. */
async function* streamOf(pieces: Buffer[]): AsyncGenerator<Buffer> {
  for (const piece of pieces) {
    await Promise.resolve()
    yield piece
  }
}

function inPieces(file: string, size: number): AsyncGenerator<Buffer> {
  const data = fs.readFileSync(file)
  const pieces: Buffer[] = []
  for (let at = 0; at < data.length; at += size) pieces.push(data.subarray(at, at + size))
  return streamOf(pieces)
}

function byName(entries: Read[], name: string): Read {
  const found = entries.find((e) => e.name === name)
  if (!found) throw new Error(`no entry ${name} in ${entries.map((e) => e.name).join(', ')}`)
  return found
}

function expectTree(entries: Read[]): void {
  expect(byName(entries, LONG_FILE)).toMatchObject({ type: 'file', content: 'long', size: 4 })
  expect(byName(entries, LONG_FILE).mtime).toBe(Date.parse('2024-05-06T07:08:09Z') / 1000)
  expect(byName(entries, 'big')).toMatchObject({ type: 'file', size: 3 * 1024 * 1024 + 17 })
  expect(byName(entries, 'big').content).toBe('b'.repeat(3 * 1024 * 1024 + 17))
  expect(byName(entries, 'setuid')).toMatchObject({ type: 'file', mode: 0o4755, content: '#!/bin/sh\n' })
  expect(byName(entries, 'link')).toMatchObject({ type: 'symlink', linkname: LONG_TARGET })
  expect(byName(entries, 'zhard')).toMatchObject({ type: 'link', linkname: expect.stringMatching(/^(\.\/)?setuid$/) })
  expect(byName(entries, 'fifo')).toMatchObject({ type: 'fifo' })
  if (isRoot) expect(byName(entries, 'null')).toMatchObject({ type: 'character-device', devmajor: 1, devminor: 3 })
  expect(byName(entries, `${LONG_DIR}/`)).toMatchObject({ type: 'directory' })
}

describe('readTar', () => {
  test('pax: long names and links from records, binary xattrs byte for byte', async () => {
    const file = path.join(tree, 'setuid')
    const xattrs = spawnSync('setfattr', ['-n', 'user.binary', '-v', `0x${BINARY_XATTR.toString('hex')}`, file])
    if (xattrs.error) throw new Error('setfattr is missing: apt-get install attr')
    try {
      const entries = await readAll(fs.createReadStream(archive('pax', ['--xattrs', '--xattrs-include=user.*'])))
      expectTree(entries)
      expect(byName(entries, 'setuid').xattrs).toEqual({ 'user.binary': BINARY_XATTR.toString('hex') })
    } finally {
      spawnSync('setfattr', ['-x', 'user.binary', file])
    }
  })

  test('gnu: long names and links from L and K entries, base-256 owner ids', async () => {
    const entries = await readAll(
      fs.createReadStream(archive('gnu', ['--owner=someone:3000000', '--group=some:4000000']))
    )
    expectTree(entries)
    expect(byName(entries, 'big')).toMatchObject({ uid: 3000000, gid: 4000000 })
  })

  test('ustar: a name split into prefix and name', async () => {
    const entries = await readAll(fs.createReadStream(archive('ustar', ['--exclude=./link'])))
    expect(byName(entries, LONG_FILE)).toMatchObject({ type: 'file', content: 'long' })
  })

  test('chunk boundaries anywhere: read in 7-byte and 511-byte pieces', async () => {
    const file = archive('pax')
    const whole = await readAll(fs.createReadStream(file))
    expect(await readAll(inPieces(file, 7))).toEqual(whole)
    expect(await readAll(inPieces(file, 511))).toEqual(whole)
  })

  test('an entry whose content is not read is skipped', async () => {
    const names: string[] = []
    for await (const entry of readTar(fs.createReadStream(archive('pax')))) names.push(entry.header.name)
    expect(names).toContain('./big')
    expect(names).toContain('./setuid')
  })

  test('octal fields as writers spell them (spaces, NULs, empty) and malformed ones', async () => {
    const withMode = (field: string): Buffer =>
      Buffer.concat([ustarHeader({ name: 'f', modeField: field, size: 0, type: '0' }), Buffer.alloc(1024)])
    const modeOf = async (field: string): Promise<number> => (await readAll(once(withMode(field))))[0].mode
    expect(await modeOf('0000644\0')).toBe(0o644)
    expect(await modeOf('  644 \0\0')).toBe(0o644)
    expect(await modeOf('0000755 ')).toBe(0o755)
    expect(await modeOf('\0\0\0\0\0\0\0\0')).toBe(0)
    expect(await modeOf('        ')).toBe(0)
    for (const bad of ['0006a4\0\0', '06 44\0\0\0', '0644\0\0\0' + '7', '0008\0\0\0\0', '-000644\0']) {
      await expect(readAll(once(withMode(bad)))).rejects.toThrow(new TarFormatError('a malformed mode'))
    }
  })

  test('a bad checksum, a cut archive, an oversized or malformed pax record are format errors', async () => {
    const good = fs.readFileSync(archive('pax'))
    const badSum = Buffer.from(good)
    badSum[0] ^= 1
    await expect(readAll(once(badSum))).rejects.toThrow(new TarFormatError('a header whose checksum does not match'))
    await expect(readAll(once(good.subarray(0, 700)))).rejects.toThrow(TarFormatError)
    await expect(readAll(once(good.subarray(0, 1000)))).rejects.toThrow(TarFormatError)

    const paxEntry = (records: Buffer, sizeField?: number): Buffer => {
      const header = ustarHeader({
        name: 'PaxHeader',
        modeField: '0000644\0',
        size: sizeField ?? records.length,
        type: 'x'
      })
      const body = Buffer.alloc(Math.ceil(records.length / 512) * 512)
      records.copy(body)
      return Buffer.concat([header, body, good])
    }
    await expect(readAll(once(paxEntry(Buffer.from('99 path=x\n'))))).rejects.toThrow('a malformed pax record')
    await expect(readAll(once(paxEntry(Buffer.from('11 path=xy\0'))))).rejects.toThrow(
      'a pax record without its newline'
    )
    await expect(readAll(once(paxEntry(Buffer.from('12 size=abc\n'))))).rejects.toThrow('a malformed pax size')
    await expect(readAll(once(paxEntry(Buffer.alloc(16), 2 * 1024 * 1024)))).rejects.toThrow(/over 1048576 bytes/)

    // Many pax headers before one entry count together.
    const record = (key: string, value: string): Buffer => {
      const body = ` ${key}=${value}\n`
      let length = body.length + 1
      while (String(length).length + body.length !== length) length++
      return Buffer.from(`${length}${body}`)
    }
    const half = paxEntry(record('comment', 'c'.repeat(600 * 1024)))
    const twoHalves = Buffer.concat([half.subarray(0, half.length - good.length), half])
    await expect(readAll(once(half))).resolves.toHaveLength((await readAll(once(good))).length)
    await expect(readAll(once(twoHalves))).rejects.toThrow(/over 1048576 bytes for one entry/)

    const renamed = await readAll(once(paxEntry(Buffer.from('12 path=new\n'))))
    expect(renamed[0]?.name).toBe('new')
  })
})

function once(data: Buffer): AsyncGenerator<Buffer> {
  return streamOf([data])
}
