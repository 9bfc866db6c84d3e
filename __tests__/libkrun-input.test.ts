/**
 * `libkrun` as a pinned archive URL, from the input, `krun-run --libkrun` or KRUN_LIBRARY:
 * parsed with the other inputs, a mistake one line naming where it came from, with nothing
 * downloaded; then fetched (or found in the cache) when a run needs it, and krun-action's own
 * build used when nothing names a libkrun and the host has none.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { DIST, errorLines, removeScratches, runAction } from '../__fixtures__/action-runner.js'
import { type ArchiveServer, archiveOf, standinEntries, startArchiveServer } from '../__fixtures__/archive-server.js'
import { context, rawInputs, settings, problemOf } from '../__fixtures__/inputs.js'
import { parseArgs } from '../src/cli/args.js'
import { runCli } from '../src/cli/run.js'
import { HostError, InputError } from '../src/engine/errors.js'
import { resolveLibkrun } from '../src/engine/host/libkrun-choice.js'
import { buildSettings } from '../src/engine/inputs/settings.js'
import { formatBytes } from '../src/image/progress.js'
import { savedInputs } from '../src/later-steps/saved-settings.js'

const DIGEST = 'AB'.repeat(32)
const FORM = 'expected https://HOST/PATH.tar.gz#sha256=<64 hex digits>'

let server: ArchiveServer
let scratch: string
beforeAll(async () => {
  server = await startArchiveServer()
})
afterAll(async () => {
  await server.stop()
  removeScratches()
})
beforeEach(() => {
  scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'libkrun-input-'))
})
afterEach(() => {
  for (const entry of fs.existsSync(path.join(scratch, 'cache')) ? fs.readdirSync(path.join(scratch, 'cache')) : [])
    fs.chmodSync(path.join(scratch, 'cache', entry), 0o755)
  fs.rmSync(scratch, { recursive: true, force: true })
})

const settingsFor = (libkrun: string, libraryFromEnv?: string) =>
  buildSettings(rawInputs({ libkrun, workspace: 'none' }), context({ cwd: scratch, libraryFromEnv }))

describe('a libkrun URL, parsed', () => {
  it('is a pinned archive: the URL without its fragment and the digest in lowercase', () => {
    const parsed = settingsFor(`https://example.com/rel/libkrun.tar.gz?x=1#sha256=${DIGEST}`)
    expect(parsed.libkrun).toBeUndefined()
    expect(parsed.libkrunArchive).toEqual({
      url: 'https://example.com/rel/libkrun.tar.gz?x=1',
      sha256: 'ab'.repeat(32)
    })
    expect(parsed.libkrunFrom).toBe('libkrun')
    expect(settingsFor('', `http://127.0.0.1:9/x.tgz#sha256=${DIGEST}`)).toMatchObject({
      libkrunArchive: { url: 'http://127.0.0.1:9/x.tgz' },
      libkrunFrom: 'KRUN_LIBRARY'
    })
  })

  it.each([
    ['no digest', 'https://example.com/libkrun.tar.gz', 'has no #sha256= digest to pin what it downloads'],
    ['another fragment', 'https://example.com/libkrun.tar.gz#md5=0', 'ends in "#md5=0" instead of #sha256=<digest>'],
    [
      'a malformed digest',
      'https://example.com/libkrun.tar.gz#sha256=abc123',
      'has a malformed digest "abc123": a sha256 digest is 64 hex digits'
    ],
    [
      'an unsupported scheme',
      `ftp://example.com/libkrun.tar.gz#sha256=${DIGEST}`,
      "uses ftp:, which is not supported (https, or plain http to this machine's loopback)"
    ],
    [
      'plain HTTP to another machine',
      `http://example.com/libkrun.tar.gz#sha256=${DIGEST}`,
      'is plain HTTP to another machine (plain http only to localhost, 127.0.0.0/8 or [::1])'
    ],
    ['credentials', `https://me:pw@example.com/l.tar.gz#sha256=${DIGEST}`, 'carries a user name or password'],
    ['a newline', `https://example.com/l\n.tar.gz#sha256=${DIGEST}`, 'contains a space or control character']
  ])('is refused in one line naming the input when it has %s', (_what, value, problem) => {
    const refused = problemOf(() => settingsFor(value))
    expect(refused.input).toBe('libkrun')
    expect(refused.problem).toMatch(/^".*" /)
    expect(refused.problem.endsWith(`${problem}; ${FORM}`)).toBe(true)
    expect(refused.problem).not.toContain('\n')
    expect(problemOf(() => settingsFor('', value)).input).toBe('KRUN_LIBRARY')
  })

  it('is what later krun-run steps inherit, digest and all', () => {
    const url = `https://example.com/libkrun.tar.gz#sha256=${'ab'.repeat(32)}`
    expect(savedInputs(rawInputs({ libkrun: url }), settingsFor(url)).libkrun).toBe(url)
  })

  it('comes from krun-run --libkrun, and a mistake there names the flag, with nothing downloaded', async () => {
    const url = `http://${server.host}/libkrun.tar.gz#sha256=${DIGEST.slice(1)}`
    expect(parseArgs(['--libkrun', url], {}).raw.libkrun).toBe(url)
    const before = server.requests.length
    const errors: string[] = []
    const code = await runCli(
      {
        argv: ['--libkrun', url, '--workspace', 'none', '-c', 'true'],
        env: { PATH: process.env.PATH, HOME: scratch },
        cwd: scratch,
        stdinIsTerminal: false,
        readStdin: () => Buffer.alloc(0),
        writeOut: () => undefined,
        writeErr: (text) => errors.push(text)
      },
      DIST
    )
    expect(code).toBe(125)
    const shown = url.length > 100 ? `${url.slice(0, 100)}…` : url
    expect(errors).toEqual([
      `krun-run: --libkrun: "${shown}" has a malformed digest "${DIGEST.slice(1, 31)}…": a sha256 digest is 64 hex digits; ${FORM}\n`
    ])
    expect(server.requests.length).toBe(before)
  })

  it('fails the bundled action in one line naming the input, with nothing downloaded or cached', async () => {
    const url = `http://${server.host}/libkrun.tar.gz`
    const before = server.requests.length
    const run = await runAction({ inputs: { commands: 'true', libkrun: url } })
    expect(run.code).toBe(1)
    expect(errorLines(run)).toEqual([
      `Input "libkrun": "${url}" has no #sha256= digest to pin what it downloads; ${FORM}`
    ])
    expect(server.requests.length).toBe(before)
    expect(run.leftInTemp).toEqual([])
  })
})

describe('resolving the libkrun of a run', () => {
  const options = (log: string[] = []) => ({
    cacheDir: path.join(scratch, 'cache'),
    log: (line: string) => log.push(line),
    lookup: { loaderPath: [], ldconfig: () => Promise.resolve(undefined), exists: () => false, dirs: ['/nowhere'] }
  })

  it('fetches the named archive once, saying so in one line, then takes it from the cache silently', async () => {
    const { bytes, sha256 } = await archiveOf(standinEntries())
    const url = server.serve('/resolve/libkrun.tar.gz', { body: bytes })
    const log: string[] = []
    const library = await resolveLibkrun({ libkrun: undefined, libkrunArchive: { url, sha256 } }, options(log))
    expect(library).toBe(path.join(scratch, 'cache', sha256, 'lib64', 'libkrun.so.1'))
    expect(log).toEqual([
      `Downloaded libkrun from ${server.host} (${formatBytes(bytes.length)}, sha256 checked) into ${library}`
    ])
    await expect(resolveLibkrun({ libkrun: undefined, libkrunArchive: { url, sha256 } }, options(log))).resolves.toBe(
      library
    )
    expect(log).toHaveLength(1)
  })

  it('names the input that gave an archive that does not match its digest', async () => {
    const { bytes } = await archiveOf(standinEntries())
    const url = server.serve('/mismatch/libkrun.tar.gz', { body: bytes })
    const archive = { url, sha256: '0'.repeat(64) }
    const failure = await resolveLibkrun(
      { libkrun: undefined, libkrunArchive: archive, libkrunFrom: 'KRUN_LIBRARY' },
      options()
    ).catch((error: unknown) => error)
    expect(failure).toBeInstanceOf(InputError)
    expect((failure as InputError).input).toBe('KRUN_LIBRARY')
    expect((failure as InputError).problem).toMatch(/does not match its pinned digest/)
  })

  it('shows a server that cannot be reached as a host problem', async () => {
    const gone = await startArchiveServer()
    await gone.stop()
    const archive = { url: `http://${gone.host}/libkrun.tar.gz`, sha256: '0'.repeat(64) }
    const failure = await resolveLibkrun({ libkrun: undefined, libkrunArchive: archive }, options()).catch(
      (error: unknown) => error
    )
    expect(failure).toBeInstanceOf(HostError)
    expect((failure as Error).message).toMatch(
      /^http:\/\/127\.0\.0\.1:\d+\/libkrun\.tar\.gz: the download failed after 3 tries: the connection failed \(ECONNREFUSED\); check the network and that the URL is reachable$/
    )
  })

  it("uses krun-action's own build when nothing names a libkrun and the host has none, saying so in one line", async () => {
    const { bytes, sha256 } = await archiveOf(standinEntries())
    const url = server.serve('/release/libkrun-v9.9.9-x86_64.tar.gz', { body: bytes })
    const builds = [{ version: 'v9.9.9', arch: 'x64', url, sha256 }]
    const log: string[] = []
    const resolve = () => resolveLibkrun(settings(), { ...options(log), builds, arch: 'x64' })
    const library = await resolve()
    expect(library).toBe(path.join(scratch, 'cache', sha256, 'lib64', 'libkrun.so.1'))
    expect(await resolve()).toBe(library)
    expect(log).toEqual([
      `No libkrun on this host: using krun-action's build of libkrun v9.9.9 for x64, downloaded once (${formatBytes(bytes.length)}, sha256 checked): ${library}`,
      `No libkrun on this host: using krun-action's build of libkrun v9.9.9 for x64, from the cache: ${library}`
    ])
    // No build for this architecture: the host is told what to install or give.
    await expect(resolveLibkrun(settings(), { ...options(), builds, arch: 'arm64' })).rejects.toThrow(
      /^libkrun was not found .*https:\/\/HOST\/PATH\.tar\.gz#sha256=<64 hex digits>$/
    )
  })

  it("shows a failure of krun-action's own build as a host problem, since no input named it", async () => {
    const url = server.serve('/release/broken.tar.gz', { body: Buffer.from('not an archive') })
    const builds = [{ version: 'v9.9.9', arch: 'x64', url, sha256: '1'.repeat(64) }]
    const failure = await resolveLibkrun(settings(), { ...options(), builds, arch: 'x64' }).catch(
      (error: unknown) => error
    )
    expect(failure).toBeInstanceOf(HostError)
    expect((failure as Error).message).toMatch(
      /^krun-action's libkrun build: http:\/\/.* does not match its pinned digest/
    )
  })
})
