/**
 * kvm-access: what is decided, and what is run. The fix runs through @actions/exec against
 * stand-in sudo and udevadm programs first on PATH (__fixtures__/fake-sudo.ts), which record
 * their calls; the real ones never run. The device is a function that fails with EACCES
 * until the stand-in udevadm has been triggered.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { makeFakeSudo } from '../__fixtures__/fake-sudo.js'
import { HostError, InputError } from '../src/engine/errors.js'
import {
  UDEV_FIX,
  UDEV_RULE,
  type KvmAccessContext,
  type Programs,
  checkKvmAccess,
  ensureKvmAccess,
  installUdevRule,
  openKvm,
  parseKvmAccess
} from '../src/engine/host/kvm-access.js'

const failing = (code: string) => () => {
  throw Object.assign(new Error(code), { code })
}

async function hostErrorOf(run: Promise<unknown>): Promise<string> {
  try {
    await run
  } catch (error) {
    expect(error).toBeInstanceOf(HostError)
    return (error as Error).message
  }
  throw new Error('expected a HostError')
}

const context = (overrides: Partial<KvmAccessContext> = {}): KvmAccessContext => ({
  device: '/dev/kvm',
  policy: 'auto',
  githubHosted: true,
  ...overrides
})

describe('parseKvmAccess', () => {
  it('takes auto (the default) and check', () => {
    expect(parseKvmAccess('')).toBe('auto')
    expect(parseKvmAccess(' Check ')).toBe('check')
  })
  it('names the input for anything else', () => {
    expect(() => parseKvmAccess('sudo')).toThrow(
      new InputError('kvm-access', '"sudo" is not a policy; expected auto or check')
    )
  })
})

describe('openKvm', () => {
  it('tells a missing device from one this user may not open', () => {
    expect(openKvm('/dev/kvm', failing('ENOENT'))).toEqual({ ok: false, kind: 'missing', code: 'ENOENT' })
    expect(openKvm('/dev/kvm', failing('EACCES'))).toEqual({ ok: false, kind: 'denied', code: 'EACCES' })
    expect(openKvm('/dev/kvm', failing('EIO'))).toEqual({ ok: false, kind: 'other', code: 'EIO' })
  })
  it('opens a usable device and closes it again', () => {
    expect(openKvm('/dev/null')).toEqual({ ok: true })
  })
})

describe('checkKvmAccess (no fix: the check right before boot, and the doctor)', () => {
  it('says a missing device means no virtualization here', () => {
    expect(() => checkKvmAccess(context(), failing('ENOENT'))).toThrow(
      /^\/dev\/kvm does not exist: this machine cannot run virtual machines/
    )
  })
  it('gives the fix for the runner it is on', () => {
    const message = (overrides: Partial<KvmAccessContext>) => {
      try {
        checkKvmAccess(context(overrides), failing('EACCES'))
      } catch (error) {
        return (error as Error).message
      }
      throw new Error('expected a failure')
    }
    const user = os.userInfo().username
    expect(message({ githubHosted: false })).toBe(
      `/dev/kvm exists but user ${user} cannot open it read-write (EACCES); as root, run once on this machine: ${UDEV_FIX}`
    )
    expect(message({ policy: 'check' })).toBe(
      `/dev/kvm exists but user ${user} cannot open it read-write (EACCES); set kvm-access: auto to let the action install the udev rule with sudo, or add a step before this one that runs: ${UDEV_FIX}`
    )
  })
})

describe('ensureKvmAccess with stand-in sudo and udevadm on PATH', () => {
  let scratch: string
  let savedPath: string | undefined
  beforeEach(() => {
    scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'krun-kvm-access-'))
    savedPath = process.env.PATH
  })
  afterEach(() => {
    process.env.PATH = savedPath
    fs.rmSync(scratch, { recursive: true, force: true })
  })

  /** The stand-ins on PATH, and a device that opens once udevadm trigger has run. */
  function setUp(passwordless: boolean) {
    const opened = path.join(scratch, 'device-opens')
    const fake = makeFakeSudo(path.join(scratch, 'bin'), { passwordless, onTrigger: `touch '${opened}'` })
    process.env.PATH = fake.path
    const open = () => {
      if (!fs.existsSync(opened)) failing('EACCES')()
      return fs.openSync('/dev/null', 'r+')
    }
    const calls = () => fs.readFileSync(fake.record, 'utf8').trim().split('\n').filter(Boolean)
    const lines: string[] = []
    return { fake, open, calls, lines, log: (line: string) => lines.push(line) }
  }

  it('on a GitHub-hosted runner, installs the udev rule with sudo -n, then opens the device again', async () => {
    const { fake, open, calls, lines, log } = setUp(true)
    await ensureKvmAccess(context(), { open, log })
    const tee = (await import('@actions/io')).which('tee', true)
    expect(calls()).toEqual([
      'sudo -n true',
      `sudo -n ${await tee} /etc/udev/rules.d/99-kvm.rules`,
      `sudo -n ${fake.dir}/udevadm control --reload-rules`,
      'udevadm control --reload-rules',
      `sudo -n ${fake.dir}/udevadm trigger --name-match=kvm`,
      'udevadm trigger --name-match=kvm',
      `sudo -n ${fake.dir}/udevadm settle`,
      'udevadm settle'
    ])
    expect(fs.readFileSync(fake.teeInput, 'utf8')).toBe(`${UDEV_RULE}\n`)
    expect(lines).toEqual([
      `kvm-access: /dev/kvm did not open read-write for user ${os.userInfo().username} (EACCES); installed the udev rule /etc/udev/rules.d/99-kvm.rules with sudo, and it opens now`
    ])
  })

  it('changes nothing when the device already opens', async () => {
    const { calls, log } = setUp(true)
    await ensureKvmAccess(context(), { open: () => fs.openSync('/dev/null', 'r+'), log })
    expect(calls()).toEqual([])
  })

  it('stops at sudo -n true when sudo needs a password, and says what to add', async () => {
    const { open, calls, log } = setUp(false)
    const message = await hostErrorOf(ensureKvmAccess(context(), { open, log }))
    expect(message).toContain(
      'cannot open it read-write (EACCES), and sudo needs a password here (sudo -n true failed), so the action could not install the udev rule; add a step before this one that runs: '
    )
    expect(calls()).toEqual(['sudo -n true'])
  })

  it('never runs sudo on a self-hosted runner, nor with kvm-access: check', async () => {
    const { open, calls, log } = setUp(true)
    expect(await hostErrorOf(ensureKvmAccess(context({ githubHosted: false }), { open, log }))).toContain(
      `as root, run once on this machine: ${UDEV_FIX}`
    )
    expect(await hostErrorOf(ensureKvmAccess(context({ policy: 'check' }), { open, log }))).toContain(
      'set kvm-access: auto'
    )
    expect(calls()).toEqual([])
  })

  it('does not try sudo for a device that is missing', async () => {
    const { calls, log } = setUp(true)
    expect(await hostErrorOf(ensureKvmAccess(context(), { open: failing('ENOENT'), log }))).toMatch(/does not exist/)
    expect(calls()).toEqual([])
  })

  it('says so when the device still does not open after the rule', async () => {
    const { calls, log } = setUp(true)
    const message = await hostErrorOf(ensureKvmAccess(context(), { open: failing('EACCES'), log }))
    expect(message).toContain('(EACCES), even after the udev rule /etc/udev/rules.d/99-kvm.rules was installed;')
    expect(calls()).toContain('udevadm settle')
  })
})

describe('installUdevRule', () => {
  const programs = (missing: string, exitCodes: Record<string, number> = {}): Programs & { ran: string[] } => {
    const ran: string[] = []
    return {
      ran,
      which: (name) => Promise.resolve(name === missing ? '' : `/usr/bin/${name}`),
      run: (file, args) => {
        ran.push([file, ...args].join(' '))
        return Promise.resolve({ exitCode: exitCodes[args[1]] ?? 0, stderr: '' })
      }
    }
  }
  it('names a program that is not on PATH, and runs nothing', async () => {
    const fake = programs('udevadm')
    await expect(installUdevRule(fake)).resolves.toBe('but udevadm is not on PATH')
    expect(fake.ran).toEqual([])
  })
  it('names the command that failed, and stops there', async () => {
    const fake = programs('', { '/usr/bin/tee': 1 })
    await expect(installUdevRule(fake)).resolves.toBe(
      'and installing the udev rule failed (sudo -n tee /etc/udev/rules.d/99-kvm.rules exited with code 1)'
    )
    expect(fake.ran).toEqual(['/usr/bin/sudo -n true', '/usr/bin/sudo -n /usr/bin/tee /etc/udev/rules.d/99-kvm.rules'])
  })
})
