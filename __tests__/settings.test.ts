import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { context, rawInputs } from '../__fixtures__/inputs.js'
import { InputError } from '../src/engine/errors.js'
import { buildSettings } from '../src/engine/settings.js'

let scratch: string
beforeEach(() => {
  scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'krun-settings-'))
})
afterEach(() => fs.rmSync(scratch, { recursive: true, force: true }))

function problemOf(fn: () => unknown): { input: string; problem: string } {
  try {
    fn()
  } catch (error) {
    if (error instanceof InputError) return { input: error.input, problem: error.problem }
    throw error
  }
  throw new Error('expected an InputError')
}

describe('buildSettings', () => {
  it('applies the documented defaults', () => {
    const settings = buildSettings(rawInputs(), context({ cwd: scratch }))
    expect(settings).toMatchObject({
      shell: ['sh', '-e', '{0}'],
      rootfs: '/',
      workspace: scratch,
      workdir: scratch,
      cpus: 2,
      memoryMib: 2048,
      network: 'tsi',
      ports: [],
      libkrun: undefined,
      timeoutSeconds: undefined,
      exportEnv: false
    })
    expect(buildSettings(rawInputs({ 'export-env': 'true' }), context({ cwd: scratch })).exportEnv).toBe(true)
  })

  it('takes the network mode and the ports to expose', () => {
    const settings = buildSettings(rawInputs({ ports: '8080:80\n\n2222:22\n' }), context({ cwd: scratch }))
    expect(settings).toMatchObject({ network: 'tsi', ports: ['8080:80', '2222:22'] })
    expect(buildSettings(rawInputs({ network: 'none' }), context({ cwd: scratch })).network).toBe('none')
  })

  it('refuses ports with network none, which has no network to expose them from', () => {
    expect(
      problemOf(() => buildSettings(rawInputs({ network: 'none', ports: '8080:80' }), context({ cwd: scratch })))
    ).toEqual({
      input: 'ports',
      problem: 'cannot expose a port with network none, which gives the guest no network; use network tsi or no ports'
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

  it('rejects a rootfs that is missing, a file, or lacks the shell', () => {
    const file = path.join(scratch, 'file')
    fs.writeFileSync(file, '')
    expect(problemOf(() => buildSettings(rawInputs({ rootfs: '/no/such/root' }), context())).input).toBe('rootfs')
    expect(problemOf(() => buildSettings(rawInputs({ rootfs: file }), context())).problem).toMatch(/is not a directory/)
    const empty = problemOf(() => buildSettings(rawInputs({ rootfs: scratch, workspace: 'none' }), context()))
    expect(empty.input).toBe('shell')
    expect(empty.problem).toMatch(/"sh" was not found in rootfs/)
  })

  it('finds the shell in a rootfs through a symlink that is absolute inside it', () => {
    fs.mkdirSync(path.join(scratch, 'usr/bin'), { recursive: true })
    fs.symlinkSync('/usr/bin/busybox', path.join(scratch, 'usr/bin/sh'))
    expect(buildSettings(rawInputs({ rootfs: scratch, workspace: 'none' }), context()).rootfs).toBe(scratch)
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
    // The C library is a shared object: accepted.
    const libc = fs.readFileSync('/proc/self/maps', 'utf8').match(/\/\S*libc\.so\.6/)?.[0] as string
    expect(buildSettings(rawInputs({ libkrun: libc }), context({ cwd: scratch })).libkrun).toBe(libc)
  })

  it('lets CLI env entries replace the env text', () => {
    const settings = buildSettings(rawInputs({ env: 'IGNORED=1' }), context({ cwd: scratch }), [['A', 'b']])
    expect(settings.env).toEqual([['A', 'b']])
  })
})
