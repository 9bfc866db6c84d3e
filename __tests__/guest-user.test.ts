import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { settings } from '../__fixtures__/inputs.js'
import { InputError } from '../src/engine/errors.js'
import {
  AccountFileError,
  type AccountFiles,
  parseGroup,
  parsePasswd,
  parseUser,
  readAccountFiles,
  resolveUser,
  toUserSpec
} from '../src/engine/inputs/guest-user.js'
import { appliedText, applyImageConfig, imageEnvEntries } from '../src/engine/inputs/image-config.js'
import { renderEnv, renderPlan } from '../src/engine/guest/plan.js'

const PASSWD = [
  'root:x:0:0:root:/root:/bin/sh',
  '# a comment',
  '',
  'app:x:1000:1000:App User:/home/app:/bin/sh',
  'nohome:x:1001:1001:::/bin/false',
  '+::::::'
].join('\n')
const GROUP = 'root:x:0:\napp:x:1000:\nstaff:x:50:other,app\nwheel:x:10:app\ndocker:x:999:\n'
const FILES = { passwd: PASSWD, group: GROUP }

const problemOf = (action: () => unknown): string => {
  try {
    action()
  } catch (error) {
    if (error instanceof InputError) return `${error.input}: ${error.problem}`
    if (error instanceof AccountFileError) return error.message
    throw error
  }
  throw new Error('no error')
}

describe('the user input', () => {
  it('takes a name, a uid, uid:gid and name:group; empty leaves the choice to the image', () => {
    expect(parseUser('')).toBeUndefined()
    expect(parseUser(' app ')).toEqual({ text: 'app', user: 'app', group: undefined })
    expect(parseUser('1000:50')).toEqual({ text: '1000:50', user: '1000', group: '50' })
    expect(parseUser('app:staff')).toEqual({ text: 'app:staff', user: 'app', group: 'staff' })
  })

  it.each([['a:b:c'], [':staff'], ['app:'], ['two words'], ['tab\there'], ['9999999999']])(
    'refuses %j in one line naming the input',
    (raw) => {
      expect(problemOf(() => parseUser(raw))).toMatch(
        /^user: ".*" is not a user; (expected a user name or uid|ids run from 0 to 2147483647)/
      )
    }
  )
})

describe('reading /etc/passwd and /etc/group', () => {
  it('skips blank lines, comments and NIS markers, and takes an empty home as /', () => {
    expect(parsePasswd(PASSWD)).toEqual([
      { name: 'root', uid: 0, gid: 0, home: '/root' },
      { name: 'app', uid: 1000, gid: 1000, home: '/home/app' },
      { name: 'nohome', uid: 1001, gid: 1001, home: '/' }
    ])
    expect(parseGroup(GROUP)[2]).toEqual({ name: 'staff', gid: 50, members: ['other', 'app'] })
  })

  it.each([
    ['app:x:1000:1000:/home/app:/bin/sh', 2],
    ['app:x:-1:1000::/home/app:/bin/sh', 2],
    ['app:x:1000:abc::/home/app:/bin/sh', 2],
    ['app:x:4294967296:0::/:/bin/sh', 2]
  ])('refuses the malformed passwd line %j, naming it', (line, number) => {
    expect(problemOf(() => parsePasswd(`root:x:0:0::/root:/bin/sh\n${line}\n`))).toBe(
      `its /etc/passwd line ${number} is not name:password:uid:gid:gecos:home:shell`
    )
  })

  it('refuses a malformed group line, naming it', () => {
    expect(problemOf(() => parseGroup('staff:x:50\n'))).toBe('its /etc/group line 1 is not name:password:gid:members')
    expect(problemOf(() => parseGroup('staff:x:50:a,,b\n'))).toBe(
      'its /etc/group line 1 is not name:password:gid:members'
    )
  })

  it('reads both under a root without following a link, and with a cap', () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'guest-user-'))
    try {
      fs.mkdirSync(path.join(root, 'etc'))
      fs.writeFileSync(path.join(root, 'etc/passwd'), PASSWD)
      expect(readAccountFiles(root)).toEqual({ passwd: PASSWD, group: undefined })
      fs.symlinkSync('/etc/group', path.join(root, 'etc/group'))
      expect(problemOf(() => readAccountFiles(root))).toMatch(
        /^its \/etc\/group is not a regular file of at most 1024 KiB reached without links$/
      )
      fs.unlinkSync(path.join(root, 'etc/group'))
      fs.writeFileSync(path.join(root, 'etc/group'), Buffer.alloc(1024 * 1024 + 1, 0x61))
      expect(problemOf(() => readAccountFiles(root))).toMatch(/^its \/etc\/group is not a regular file/)
      fs.rmSync(path.join(root, 'etc'), { recursive: true })
      fs.symlinkSync('/etc', path.join(root, 'etc'))
      expect(problemOf(() => readAccountFiles(root))).toMatch(/^its \/etc\/passwd is not a regular file/)
    } finally {
      fs.rmSync(root, { recursive: true, force: true })
    }
  })
})

describe('resolving a user as docker run --user does', () => {
  const resolve = (text: string, files: AccountFiles = FILES) => resolveUser(toUserSpec(text), files)

  it('takes a name with its passwd gid, home, and the groups that list it', () => {
    expect(resolve('app')).toEqual({ uid: 1000, gid: 1000, groups: [50, 10], home: '/home/app' })
    expect(resolve('1000')).toEqual({ uid: 1000, gid: 1000, groups: [50, 10], home: '/home/app' })
    expect(resolve('root')).toEqual({ uid: 0, gid: 0, groups: [], home: '/root' })
  })

  it('takes a group alone when one is given, by name or gid', () => {
    expect(resolve('app:staff')).toEqual({ uid: 1000, gid: 50, groups: [], home: '/home/app' })
    expect(resolve('app:999')).toEqual({ uid: 1000, gid: 999, groups: [], home: '/home/app' })
  })

  it('takes a uid or gid the files lack, with group 0 and HOME /', () => {
    expect(resolve('4321')).toEqual({ uid: 4321, gid: 0, groups: [], home: '/' })
    expect(resolve('4321:77')).toEqual({ uid: 4321, gid: 77, groups: [], home: '/' })
    expect(resolve('4321', { passwd: undefined, group: undefined })).toEqual({
      uid: 4321,
      gid: 0,
      groups: [],
      home: '/'
    })
  })

  it('refuses a name the files lack', () => {
    expect(problemOf(() => resolve('ghost'))).toBe('its /etc/passwd has no user "ghost"')
    expect(problemOf(() => resolve('app:ghosts'))).toBe('its /etc/group has no group "ghosts"')
    expect(problemOf(() => resolve('app', { passwd: undefined, group: GROUP }))).toBe('it has no /etc/passwd')
    expect(problemOf(() => resolve('app:staff', { passwd: PASSWD, group: undefined }))).toBe('it has no /etc/group')
  })
})

describe("applying an image's config", () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'image-config-'))
  fs.mkdirSync(path.join(root, 'etc'))
  fs.writeFileSync(path.join(root, 'etc/passwd'), PASSWD)
  fs.writeFileSync(path.join(root, 'etc/group'), GROUP)
  afterAll(() => fs.rmSync(root, { recursive: true, force: true }))
  const image = (config: { env?: string[]; workingDir?: string; user?: string }) => ({
    root,
    reference: 'example.com/app:1',
    config: { env: [], ...config }
  })

  it('checks Env entries without showing a value, a later one replacing an earlier one', () => {
    expect(imageEnvEntries(['A=1', 'B=x=y', 'A=2'], 'ref')).toEqual([
      ['A', '2'],
      ['B', 'x=y']
    ])
    expect(problemOf(() => imageEnvEntries(['A=1', 'NOEQUALS'], 'ref'))).toBe(
      "image: ref: its config's Env entry 2 is not NAME=VALUE with a variable name and no NUL byte; fix the image, or use another"
    )
    expect(problemOf(() => imageEnvEntries(['A=sec\0ret'], 'ref'))).not.toContain('sec')
  })

  it('applies WorkingDir only when neither workdir nor a workspace set the working directory', () => {
    const config = { workingDir: '/srv/app/' }
    expect(applyImageConfig(settings({ workdirDefaulted: true, workdir: '/' }), image(config)).workdir).toBe('/srv/app')
    expect(applyImageConfig(settings({ workdirDefaulted: false, workdir: '/src' }), image(config)).workdir).toBe('/src')
    expect(
      problemOf(() => applyImageConfig(settings({ workdirDefaulted: true }), image({ workingDir: 'rel' })))
    ).toMatch(/^image: example.com\/app:1: its config's WorkingDir "rel" is not an absolute path/)
  })

  it('applies User unless the user input is given, and names what it applied', () => {
    const applied = applyImageConfig(settings(), image({ env: ['PATH=/opt/bin', 'GOPATH=/go'], user: 'app' }))
    expect(applied.guestUser).toEqual({ uid: 1000, gid: 1000, groups: [50, 10], home: '/home/app' })
    expect(appliedText(applied.imageConfig!)).toBe('Env (PATH, GOPATH), User app')
    const overridden = applyImageConfig(settings({ user: toUserSpec('root') }), image({ user: 'app' }))
    expect(overridden.guestUser?.uid).toBe(0)
    expect(appliedText(overridden.imageConfig!)).toBe('nothing')
    const envOverridden = applyImageConfig(settings({ env: [['PATH', '/bin']] }), image({ env: ['PATH=/x', 'A=1'] }))
    expect(envOverridden.imageConfig?.env).toEqual(['A'])
    expect(problemOf(() => applyImageConfig(settings(), image({ user: 'ghost' })))).toBe(
      `image: example.com/app:1: its config's User "ghost" cannot be used: its /etc/passwd has no user "ghost"; set user (e.g. user: root)`
    )
    expect(problemOf(() => applyImageConfig(settings(), image({ user: 'a b' })))).toMatch(
      /^image: example.com\/app:1: its config's User "a b" is not a user; expected/
    )
  })
})

describe('what the guest gets', () => {
  it('layers the environment: defaults, the image Env, env, and HOME from the user', () => {
    const text = renderEnv(
      settings({
        imageEnv: [
          ['PATH', '/opt/bin:/bin'],
          ['LANG', 'C.UTF-8'],
          ['GREETING', 'image']
        ],
        env: [['GREETING', 'mine']],
        guestUser: { uid: 1000, gid: 1000, groups: [], home: '/home/app' }
      })
    ).toString()
    expect(text.split('\0')).toEqual(['HOME=/home/app', 'PATH=/opt/bin:/bin', 'LANG=C.UTF-8', 'GREETING=mine', ''])
  })

  it('tells the init the ids to switch to, and nothing without a user', () => {
    const user = { uid: 1000, gid: 1000, groups: [50, 10], home: '/home/app' }
    expect(renderPlan(settings({ guestUser: user }))).toContain('\nuser\t1000\t1000\t50,10\n')
    expect(renderPlan(settings({ guestUser: { ...user, groups: [] } }))).toContain('\nuser\t1000\t1000\t-\n')
    expect(renderPlan(settings())).not.toMatch(/^user\t/m)
  })
})
