import { parseOnce } from '../src/engine/inputs/raw-inputs.js'
import { expect } from '@jest/globals'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { STANDIN } from '../__fixtures__/action-runner.js'
import { context, rawInputs, problemOf } from '../__fixtures__/inputs.js'
import { buildSettings, withImageRoot } from '../src/engine/inputs/settings.js'

let scratch: string
beforeEach(() => {
  scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'krun-settings-'))
})
afterEach(() => fs.rmSync(scratch, { recursive: true, force: true }))

describe('parseOnce', () => {
  it('parses each input once and hands the same value out again', () => {
    const input = parseOnce(rawInputs({ env: 'A=1' }), context())
    expect(input('env')).toEqual([['A', '1']])
    expect(input('env')).toBe(input('env'))
  })
})

describe('buildSettings', () => {
  it('applies the documented defaults', () => {
    const settings = buildSettings(rawInputs(), context({ cwd: scratch }))
    expect(settings).toMatchObject({
      shell: ['sh', '-e', '{0}'],
      base: { kind: 'rootfs', rootfs: '/' },
      workspace: scratch,
      workspaceDevices: 'remove',
      workdir: scratch,
      cpus: 2,
      memoryMib: 2048,
      network: 'public',
      allow: [],
      ports: [],
      libkrun: undefined,
      timeoutSeconds: undefined,
      exportEnv: false,
      guestWorkflowCommands: false
    })
    expect(buildSettings(rawInputs({ 'export-env': 'true' }), context({ cwd: scratch })).exportEnv).toBe(true)
    const keep = rawInputs({ 'workspace-devices': 'keep' })
    expect(buildSettings(keep, context({ cwd: scratch })).workspaceDevices).toBe('keep')
  })

  it("lets the guest's workflow commands through only when guest-workflow-commands is true", () => {
    const build = (raw: string) =>
      buildSettings(rawInputs({ 'guest-workflow-commands': raw }), context({ cwd: scratch })).guestWorkflowCommands
    expect([build(''), build('false'), build('TRUE')]).toEqual([false, false, true])
    expect(problemOf(() => build('yes'))).toEqual({
      input: 'guest-workflow-commands',
      problem: '"yes" is not a boolean; expected true or false'
    })
  })

  it('takes the network mode and the ports to expose', () => {
    const settings = buildSettings(rawInputs({ ports: '8080:80\n\n2222:22\n' }), context({ cwd: scratch }))
    expect(settings).toMatchObject({ network: 'public', ports: ['8080:80', '2222:22'] })
    expect(buildSettings(rawInputs({ network: 'none' }), context({ cwd: scratch })).network).toBe('none')
  })

  it('takes allow with network public only, naming both inputs otherwise', () => {
    const allow = '127.0.0.1:5432\ndb.internal'
    expect(buildSettings(rawInputs({ allow }), context({ cwd: scratch })).allow).toEqual([
      { target: '127.0.0.1', isHost: false, port: 5432 },
      { target: 'db.internal', isHost: true, port: 0 }
    ])
    for (const network of ['tsi', 'none']) {
      expect(problemOf(() => buildSettings(rawInputs({ network, allow }), context({ cwd: scratch })))).toEqual({
        input: 'allow',
        problem: `applies only to network public, and network is ${network}; remove allow or use network public`
      })
    }
  })

  it('refuses ports with network none, which has no network to expose them from', () => {
    expect(
      problemOf(() => buildSettings(rawInputs({ network: 'none', ports: '8080:80' }), context({ cwd: scratch })))
    ).toEqual({
      input: 'ports',
      problem:
        'cannot expose a port with network none, which gives the guest no network; use network public or tsi, or no ports'
    })
  })

  it('takes persist, persist-size and prepare, and refuses prepare without an image', () => {
    expect(buildSettings(rawInputs(), context({ cwd: scratch }))).toMatchObject({
      persist: 'step',
      persistSizeBytes: 8 * 2 ** 30,
      prepare: undefined
    })
    const job = buildSettings(rawInputs({ persist: 'job', 'persist-size': '1G' }), context({ cwd: scratch }))
    expect(job).toMatchObject({ persist: 'job', persistSizeBytes: 2 ** 30 })
    const withImage = buildSettings(rawInputs({ image: 'alpine', prepare: 'apk add gcc' }), context({ cwd: scratch }))
    expect(withImage.prepare).toEqual(Buffer.from('apk add gcc'))
    expect(problemOf(() => buildSettings(rawInputs({ prepare: 'apk add gcc' }), context({ cwd: scratch })))).toEqual({
      input: 'prepare',
      problem: 'needs image: its layer is cached per image digest; set image, or drop prepare'
    })
  })

  it('takes GITHUB_WORKSPACE as the default workspace and `none` for no share', () => {
    expect(buildSettings(rawInputs(), context({ defaultWorkspace: scratch })).workspace).toBe(scratch)
    const none = buildSettings(rawInputs({ workspace: 'none' }), context())
    expect(none.workspace).toBeNull()
    expect(none.workdir).toBe('/')
  })

  it('refuses to share the host root read-write (e.g. krun-run started in /)', () => {
    expect(problemOf(() => buildSettings(rawInputs(), context({ cwd: '/' })))).toEqual({
      input: 'workspace',
      problem: '"/" would share the whole host read-write; name a project directory, or none'
    })
  })

  it('rejects a workspace that does not exist', () => {
    expect(problemOf(() => buildSettings(rawInputs({ workspace: '/no/such/dir' }), context()))).toEqual({
      input: 'workspace',
      problem: '"/no/such/dir" does not exist; expected an existing directory on the host'
    })
  })

  it('says why a workspace that exists in no usable way cannot be reached', () => {
    const file = path.join(scratch, 'file')
    fs.writeFileSync(file, '')
    fs.symlinkSync(path.join(scratch, 'loop'), path.join(scratch, 'loop'))
    expect(problemOf(() => buildSettings(rawInputs({ workspace: `${file}/dir` }), context()))).toEqual({
      input: 'workspace',
      problem: `"${file}/dir" cannot be reached (ENOTDIR); expected an existing directory on the host`
    })
    expect(
      problemOf(() => buildSettings(rawInputs({ workspace: path.join(scratch, 'loop') }), context())).problem
    ).toMatch(/^"[^"]+" cannot be reached \(ELOOP\); expected an existing directory on the host$/)
  })

  it('rejects a rootfs that is missing, a file, or lacks the shell', () => {
    const file = path.join(scratch, 'file')
    fs.writeFileSync(file, '')
    expect(problemOf(() => buildSettings(rawInputs({ rootfs: '/no/such/root' }), context())).input).toBe('rootfs')
    expect(problemOf(() => buildSettings(rawInputs({ rootfs: file }), context())).problem).toMatch(/is not a directory/)
    const empty = problemOf(() => buildSettings(rawInputs({ rootfs: scratch, workspace: 'none' }), context()))
    expect(empty.input).toBe('rootfs')
    expect(empty.problem).toMatch(/^"[^"]+" has no sh \(looked in \/usr\/local\/sbin\/sh, /)
  })

  it('names the input that hid the shell: rootfs, env (PATH) or shell', () => {
    expect(problemOf(() => buildSettings(rawInputs({ rootfs: '/proc', workspace: 'none' }), context())).input).toBe(
      'rootfs'
    )
    const viaPath = problemOf(() => buildSettings(rawInputs({ env: 'PATH=/nowhere', workspace: 'none' }), context()))
    expect(viaPath.input).toBe('env')
    expect(viaPath.problem).toMatch(/^its PATH does not lead to the shell "sh"/)
    expect(
      problemOf(() => buildSettings(rawInputs({ shell: 'nosuchshell {0}', workspace: 'none' }), context())).input
    ).toBe('shell')
  })

  it('judges the workspace by where it leads: a link to / is refused', () => {
    const link = path.join(scratch, 'to-root')
    fs.symlinkSync('/', link)
    expect(problemOf(() => buildSettings(rawInputs({ workspace: link }), context()))).toEqual({
      input: 'workspace',
      problem: `"${link}" leads to / and would share the whole host read-write; name a project directory, or none`
    })
  })

  it('shares the workspace at its real path', () => {
    fs.mkdirSync(path.join(scratch, 'real'))
    fs.symlinkSync(path.join(scratch, 'real'), path.join(scratch, 'link'))
    const settings = buildSettings(rawInputs({ workspace: path.join(scratch, 'link') }), context())
    expect(settings.workspace).toBe(path.join(fs.realpathSync(scratch), 'real'))
    expect(settings.workdir).toBe(settings.workspace)
  })

  it('refuses a rootfs that is the workspace or lies inside it', () => {
    fs.mkdirSync(path.join(scratch, 'root/bin'), { recursive: true })
    fs.writeFileSync(path.join(scratch, 'root/bin/sh'), '')
    for (const rootfs of [scratch, path.join(scratch, 'root')]) {
      const problem = problemOf(() => buildSettings(rawInputs({ rootfs, workspace: scratch }), context()))
      expect(problem.input).toBe('rootfs')
      expect(problem.problem).toMatch(/is inside the workspace .*, which the guest can write/)
    }
    expect(buildSettings(rawInputs({ rootfs: path.join(scratch, 'root'), workspace: 'none' }), context()).base).toEqual(
      {
        kind: 'rootfs',
        rootfs: path.join(fs.realpathSync(scratch), 'root')
      }
    )
  })

  it('refuses a workspace holding the temporary directory: the guest could change run directories and krun-run', () => {
    const temp = path.join(scratch, '_temp')
    fs.mkdirSync(temp)
    const real = fs.realpathSync(scratch)
    for (const workspace of [scratch, temp]) {
      expect(problemOf(() => buildSettings(rawInputs({ workspace }), context({ tempDir: temp })))).toEqual({
        input: 'workspace',
        problem: `"${workspace}" contains the temporary directory ${path.join(real, '_temp')}, which the guest could then change, and with it what the host runs later; name a directory that does not contain it, or none`
      })
    }
    // Through a link to it, too; a workspace beside or below the temporary directory is fine.
    fs.symlinkSync(temp, path.join(scratch, 'temp-link'))
    const viaLink = context({ tempDir: path.join(scratch, 'temp-link') })
    expect(problemOf(() => buildSettings(rawInputs({ workspace: temp }), viaLink)).input).toBe('workspace')
    fs.mkdirSync(path.join(scratch, 'work'))
    fs.mkdirSync(path.join(temp, 'inside'))
    for (const workspace of [path.join(scratch, 'work'), path.join(temp, 'inside'), 'none']) {
      expect(buildSettings(rawInputs({ workspace }), context({ tempDir: temp })).workspace).toBe(
        workspace === 'none' ? null : fs.realpathSync(workspace)
      )
    }
  })

  it('refuses a workspace holding the named libkrun, or a link to it', () => {
    const lib = path.join(scratch, 'lib')
    fs.mkdirSync(lib)
    fs.copyFileSync(STANDIN, path.join(lib, 'libkrun.so.1'))
    const elsewhere = fs.mkdtempSync(path.join(os.tmpdir(), 'krun-settings-link-'))
    try {
      fs.symlinkSync(path.join(lib, 'libkrun.so.1'), path.join(elsewhere, 'libkrun.so.1'))
      for (const libkrun of [path.join(lib, 'libkrun.so.1'), path.join(elsewhere, 'libkrun.so.1')]) {
        const problem = problemOf(() => buildSettings(rawInputs({ libkrun, workspace: scratch }), context()))
        expect(problem.input).toBe('workspace')
        expect(problem.problem).toContain(`contains libkrun ${path.join(fs.realpathSync(lib), 'libkrun.so.1')},`)
      }
      const outside = buildSettings(
        rawInputs({ libkrun: path.join(elsewhere, 'libkrun.so.1'), workspace: 'none' }),
        context()
      )
      expect(outside.libkrun).toBe(path.join(elsewhere, 'libkrun.so.1'))
    } finally {
      fs.rmSync(elsewhere, { recursive: true, force: true })
    }
  })

  it('checks before the start that the workdir exists in the guest', () => {
    fs.mkdirSync(path.join(scratch, 'src'))
    const ok = buildSettings(rawInputs({ workspace: scratch, workdir: path.join(scratch, 'src') }), context())
    expect(ok.workdir).toBe(path.join(scratch, 'src'))
    expect(buildSettings(rawInputs({ workdir: '/usr/bin' }), context({ cwd: scratch })).workdir).toBe('/usr/bin')
    const missing = problemOf(() => buildSettings(rawInputs({ workdir: '/no/such/dir' }), context({ cwd: scratch })))
    expect(missing).toEqual({
      input: 'workdir',
      problem:
        '"/no/such/dir" is not a directory in the guest (looked in rootfs / or the workspace); expected an existing directory'
    })
    expect(
      problemOf(() => buildSettings(rawInputs({ workdir: path.join(scratch, 'nope') }), context({ cwd: scratch })))
        .input
    ).toBe('workdir')
  })

  it('follows a link in the rootfs as the guest will: inside the rootfs', () => {
    fs.mkdirSync(path.join(scratch, 'bin'))
    fs.writeFileSync(path.join(scratch, 'bin/sh'), '')
    fs.mkdirSync(path.join(scratch, 'data'))
    fs.symlinkSync('/data', path.join(scratch, 'work'))
    fs.symlinkSync('/etc', path.join(scratch, 'etc-link'))
    const raw = { rootfs: scratch, workspace: 'none' }
    expect(buildSettings(rawInputs({ ...raw, workdir: '/work' }), context()).workdir).toBe('/work')
    // /etc exists on the host, not in this rootfs.
    expect(problemOf(() => buildSettings(rawInputs({ ...raw, workdir: '/etc-link' }), context())).input).toBe('workdir')
  })

  it('finds the shell in a rootfs through a symlink that is absolute inside it', () => {
    fs.mkdirSync(path.join(scratch, 'usr/bin'), { recursive: true })
    fs.symlinkSync('/usr/bin/busybox', path.join(scratch, 'usr/bin/sh'))
    expect(buildSettings(rawInputs({ rootfs: scratch, workspace: 'none' }), context()).base).toEqual({
      kind: 'rootfs',
      rootfs: scratch
    })
  })

  it('rejects a relative workdir and paths that cannot travel in the plan', () => {
    expect(problemOf(() => buildSettings(rawInputs({ workdir: 'src' }), context({ cwd: scratch })))).toEqual({
      input: 'workdir',
      problem: '"src" is relative; expected an absolute path inside the guest, e.g. /src'
    })
    expect(problemOf(() => buildSettings(rawInputs({ workdir: '/a\tb' }), context({ cwd: scratch }))).problem).toMatch(
      /tab, newline/
    )
  })

  it('checks that a named libkrun exists and is a shared library', () => {
    const text = path.join(scratch, 'libkrun.so.1')
    fs.writeFileSync(text, 'not an ELF file at all')
    expect(
      problemOf(() => buildSettings(rawInputs({ libkrun: '/no/libkrun.so.1' }), context({ cwd: scratch }))).problem
    ).toMatch(/does not exist or cannot be read/)
    expect(problemOf(() => buildSettings(rawInputs({ libkrun: text }), context({ cwd: scratch }))).problem).toMatch(
      /is not a shared library/
    )
    expect(problemOf(() => buildSettings(rawInputs(), context({ cwd: scratch, libraryFromEnv: text }))).input).toBe(
      'KRUN_LIBRARY'
    )
    // The C library is a shared object, but not libkrun.
    const libc = fs.readFileSync('/proc/self/maps', 'utf8').match(/\/\S*libc\.so\.6/)?.[0] as string
    expect(problemOf(() => buildSettings(rawInputs({ libkrun: libc }), context({ cwd: scratch })))).toEqual({
      input: 'libkrun',
      problem: `"${libc}" is not libkrun (its soname is "libc.so.6"); expected the path of libkrun.so.1`
    })
  })

  it('keeps the last value of a name given twice in env, where it was first given', () => {
    const settings = buildSettings(rawInputs({ env: 'A=1\nB=2\nA=3' }), context({ cwd: scratch }))
    expect(settings.env).toEqual([
      ['A', '3'],
      ['B', '2']
    ])
  })

  it('lets CLI env entries replace the env text', () => {
    const settings = buildSettings(rawInputs({ env: 'IGNORED=1' }), context({ cwd: scratch }), [['A', 'b']])
    expect(settings.env).toEqual([['A', 'b']])
  })
})

describe('withImageRoot', () => {
  const imageRoot = (dir: string) => {
    fs.mkdirSync(path.join(dir, 'bin'), { recursive: true })
    fs.symlinkSync('busybox', path.join(dir, 'bin/sh'))
    return dir
  }
  const bare = (rootfs: string) => ({ rootfs, config: { env: [] } })

  it("gives the image its cache's size cap from cache-size, 10G by default", () => {
    expect(buildSettings(rawInputs({ image: 'alpine' }), context()).base).toMatchObject({
      image: { maxCacheBytes: 10 * 2 ** 30 }
    })
    expect(buildSettings(rawInputs({ image: 'alpine', 'cache-size': '2G' }), context()).base).toMatchObject({
      image: { maxCacheBytes: 2 * 2 ** 30 }
    })
  })

  it('defers the base checks of an image until its root is unpacked, then makes them', () => {
    const workspace = path.join(scratch, 'ws')
    fs.mkdirSync(workspace)
    const settings = buildSettings(rawInputs({ image: 'alpine', workspace }), context())
    expect(settings.base).toMatchObject({ kind: 'image', image: { reference: 'docker.io/library/alpine:latest' } })
    const root = imageRoot(path.join(scratch, 'cache/root'))
    expect(withImageRoot(settings, bare(root)).rootfs).toBe(root)
    const empty = path.join(scratch, 'empty')
    fs.mkdirSync(empty)
    expect(problemOf(() => withImageRoot(settings, bare(empty)))).toEqual({
      input: 'image',
      problem: expect.stringMatching(/^docker\.io\/library\/alpine:latest has no sh \(looked in /)
    })
  })

  it('refuses an image whose cached root lies in the workspace: the guest could change what later runs start from', () => {
    const settings = buildSettings(rawInputs({ image: 'alpine', workspace: scratch }), context())
    const root = imageRoot(path.join(scratch, '.cache/krun-action/images/root'))
    const problem = problemOf(() => withImageRoot(settings, bare(root)))
    expect(problem.input).toBe('image')
    expect(problem.problem).toMatch(/^its cached root .* is inside the workspace .*keep the image cache/)
  })
})

describe('user with a rootfs directory', () => {
  const rootfs = () => {
    const root = path.join(scratch, 'root')
    fs.mkdirSync(path.join(root, 'etc'), { recursive: true })
    fs.mkdirSync(path.join(root, 'bin'))
    fs.symlinkSync('busybox', path.join(root, 'bin/sh'))
    fs.writeFileSync(path.join(root, 'etc/passwd'), 'root:x:0:0::/root:/bin/sh\nbuilder:x:1500:1500::/home/b:/bin/sh\n')
    fs.writeFileSync(path.join(root, 'etc/group'), 'builder:x:1500:\nkvm:x:36:builder\n')
    return root
  }

  it("is looked up in that directory's own /etc/passwd and /etc/group", () => {
    const settings = buildSettings(rawInputs({ rootfs: rootfs(), user: 'builder', workspace: 'none' }), context())
    expect(settings.guestUser).toEqual({ uid: 1500, gid: 1500, groups: [36], home: '/home/b' })
    expect(
      buildSettings(rawInputs({ rootfs: path.join(scratch, 'root'), workspace: 'none' }), context()).guestUser
    ).toBeUndefined()
  })

  it('refuses a user the directory lacks, naming the input and the directory', () => {
    const root = rootfs()
    expect(
      problemOf(() => buildSettings(rawInputs({ rootfs: root, user: 'runner', workspace: 'none' }), context()))
    ).toEqual({
      input: 'user',
      problem: `"runner" cannot be used in rootfs ${root}: its /etc/passwd has no user "runner"; expected a user of its /etc/passwd, or a uid`
    })
  })
})
