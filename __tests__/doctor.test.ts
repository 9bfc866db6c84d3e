/** The host doctor's checks, each with injected lookups, and the report they make together. */
import { expect } from '@jest/globals'
import fs from 'node:fs'
import { DIST } from '../__fixtures__/action-runner.js'
import { architectureCheck, runnerCheck } from '../src/engine/host/doctor/host.js'
import { type DoctorOptions, runDoctor } from '../src/engine/host/doctor/index.js'
import { kernelCheck } from '../src/engine/host/doctor/kernel.js'
import { kvmAccessCheck, kvmApiCheck, kvmDeviceCheck } from '../src/engine/host/doctor/kvm.js'
import {
  firmwareCheck,
  firmwareSonames,
  libkrunCheck,
  versionFromFileName,
  versionFromSymbols
} from '../src/engine/host/doctor/libkrun.js'
import type { ProbeAnswer, ProbeRequest } from '../src/engine/host/doctor/probe-protocol.js'
import { imageCacheSpaceCheck, runDirSpaceCheck } from '../src/engine/host/doctor/space.js'
import { canStart, firstFailure, verdictLine } from '../src/engine/host/doctor/verdict.js'
import { insideVmCheck, vmEvidence } from '../src/engine/host/doctor/virtualization.js'
import { UDEV_FIX } from '../src/engine/host/kvm-access.js'

const failing = (code: string) => () => {
  throw Object.assign(new Error(code), { code })
}
const kvm = { device: '/dev/kvm', policy: 'auto' as const, githubHosted: false }

describe('verdicts', () => {
  const ok = { name: 'a', verdict: 'ok' as const, detail: 'fine', required: true }
  const bad = { name: 'b', verdict: 'fail' as const, detail: 'broken', fix: 'mend it', required: true }
  const note = { name: 'c', verdict: 'warn' as const, detail: 'odd', fix: 'look', required: false }
  it('are one line each, with the fix where one fails or warns', () => {
    expect([ok, bad, note].map(verdictLine)).toEqual([
      'ok   a: fine',
      'FAIL b: broken; fix: mend it',
      'warn c: odd; fix: look'
    ])
  })
  it('let a microVM start exactly when every required check passed', () => {
    expect(canStart([ok, note])).toBe(true)
    expect(canStart([ok, bad, note])).toBe(false)
    expect(firstFailure([ok, note])).toBeUndefined()
    expect(firstFailure([ok, bad])).toBe('this host cannot start a microVM: b: broken; fix: mend it')
  })
})

describe('architecture and runner', () => {
  it('needs x86_64 or aarch64 and the guest init for it', () => {
    expect(architectureCheck('x64', () => '/dist/native/x86_64/krun-init')).toMatchObject({
      verdict: 'ok',
      detail: 'x86_64, guest init /dist/native/x86_64/krun-init'
    })
    expect(architectureCheck('s390x', () => '')).toMatchObject({ verdict: 'fail', required: true })
    expect(
      architectureCheck('arm64', () => {
        throw new Error('this action has no guest init for the arm64 architecture')
      })
    ).toMatchObject({ verdict: 'fail', detail: 'aarch64: this action has no guest init for the arm64 architecture' })
  })
  it('names the kind of runner, and whether sudo may be used there', () => {
    expect(runnerCheck({ RUNNER_ENVIRONMENT: 'github-hosted' }).detail).toMatch(
      /^GitHub-hosted .*may install the udev rule/
    )
    expect(runnerCheck({ RUNNER_ENVIRONMENT: 'self-hosted' }).detail).toBe(
      'self-hosted (RUNNER_ENVIRONMENT): the action never runs sudo here'
    )
    expect(runnerCheck({})).toMatchObject({ verdict: 'info', required: false })
  })
})

describe('inside a VM', () => {
  const facts = { cpuinfo: '', vendor: '', product: '', hypervisorType: '' }
  it('shows by the hypervisor CPU flag, DMI names or /sys/hypervisor', () => {
    expect(vmEvidence({ ...facts, cpuinfo: 'processor\t: 0\nflags\t\t: fpu vme hypervisor lahf_lm\n' })).toEqual([
      'the CPU flag hypervisor'
    ])
    expect(vmEvidence({ ...facts, vendor: 'Microsoft Corporation\n', product: 'Virtual Machine\n' })).toEqual([
      'DMI: Microsoft Corporation Virtual Machine'
    ])
    expect(vmEvidence({ ...facts, product: 'Standard PC (Q35 + ICH9, 2009)', vendor: 'QEMU' })).toHaveLength(1)
    expect(vmEvidence({ ...facts, hypervisorType: 'xen\n' })).toEqual(['/sys/hypervisor/type: xen'])
  })
  it('is not claimed for bare metal', () => {
    const metal = { ...facts, cpuinfo: 'flags\t\t: fpu vme vmx\n', vendor: 'Dell Inc.', product: 'PowerEdge R650' }
    expect(vmEvidence(metal)).toEqual([])
    expect(insideVmCheck(metal)).toMatchObject({ verdict: 'info', detail: expect.stringMatching(/^no sign of it/) })
  })
})

describe('host kernel', () => {
  it('warns on a kernel with known trouble, saying the workaround is applied', () => {
    expect(kernelCheck('6.12.0', {})).toMatchObject({
      verdict: 'warn',
      required: false,
      detail: expect.stringContaining('the VM process runs with KRUN_ENOMEM_WORKAROUND=1')
    })
    expect(kernelCheck('6.8.0-1021-azure', {})).toMatchObject({
      verdict: 'ok',
      detail: '6.8.0-1021-azure: no known trouble'
    })
  })
})

describe('the KVM device', () => {
  it('is present or not', () => {
    expect(kvmDeviceCheck('/dev/null')).toMatchObject({ verdict: 'ok', detail: '/dev/null is a character device' })
    expect(kvmDeviceCheck('/nonexistent')).toMatchObject({ verdict: 'fail', detail: '/nonexistent does not exist' })
  })
  it('opens read-write, or the fix for this runner is given', () => {
    expect(kvmAccessCheck(kvm, () => fs.openSync('/dev/null', 'r+'))).toMatchObject({ verdict: 'ok' })
    expect(kvmAccessCheck(kvm, failing('EACCES'))).toMatchObject({
      verdict: 'fail',
      fix: `as root, run once on this machine: ${UDEV_FIX}`
    })
    expect(kvmAccessCheck(kvm, failing('ENOENT'))).toMatchObject({ verdict: 'skip', required: true })
  })
  it('answers KVM_GET_API_VERSION with 12', () => {
    expect(kvmApiCheck('/dev/kvm', { apiVersion: 12 })).toMatchObject({ verdict: 'ok', detail: 'version 12' })
    expect(kvmApiCheck('/dev/kvm', { apiVersion: 11 })).toMatchObject({ verdict: 'fail' })
    expect(kvmApiCheck('/dev/kvm', { error: 'Inappropriate ioctl for device (ENOTTY)' })).toMatchObject({
      verdict: 'fail',
      detail:
        '/dev/kvm did not answer KVM_GET_API_VERSION (Inappropriate ioctl for device (ENOTTY)): it is not a working KVM device'
    })
    expect(kvmApiCheck('/dev/kvm', undefined)).toMatchObject({ verdict: 'skip' })
  })
})

describe('libkrun', () => {
  it('tells its release by its file name, else by the symbols it exports', () => {
    expect(versionFromFileName('/usr/lib64/libkrun.so.1.17.3')).toBe('1.17.3')
    expect(versionFromFileName('/usr/lib64/libkrun.so.1')).toBeUndefined()
    expect(versionFromSymbols(['krun_check_nested_virt', 'krun_init_log', 'krun_add_virtiofs3'])).toBe('1.18')
    expect(versionFromSymbols(['krun_check_nested_virt'])).toBe('1.12')
    expect(versionFromSymbols(['krun_setuid'])).toBeUndefined()
  })
  it('names the libkrunfw it loads: from its bytes, else by release', () => {
    const bytes = Buffer.from('\0libc.so.6\0libkrunfw.so.5\0krun_start_enter\0libkrunfw.so.5\0')
    expect(firmwareSonames(bytes, [])).toEqual(['libkrunfw.so.5'])
    expect(firmwareSonames(Buffer.from('no names'), ['krun_disable_implicit_vsock'])).toEqual(['libkrunfw.so.5'])
    expect(firmwareSonames(undefined, ['krun_check_nested_virt'])).toEqual(['libkrunfw.so.4'])
  })
  const found = { path: '/usr/lib64/libkrun.so.1', realPath: '/usr/lib64/libkrun.so.1.19.0' }
  it('says where it is, which release, and which features its build has', () => {
    expect(
      libkrunCheck(found, { symbols: ['krun_has_feature', 'krun_check_nested_virt'], features: ['net', 'blk'] })
    ).toEqual({
      name: 'libkrun',
      verdict: 'ok',
      detail: '/usr/lib64/libkrun.so.1 (/usr/lib64/libkrun.so.1.19.0), version 1.19.0; features: net, blk',
      required: true
    })
    expect(
      libkrunCheck(
        { path: '/opt/libkrun.so.1', realPath: '/opt/libkrun.so.1' },
        { symbols: ['krun_check_nested_virt'] }
      ).detail
    ).toBe(
      '/opt/libkrun.so.1, 1.12 or newer by the symbols it exports; features: not reported (no krun_has_feature, which came in 1.17.3)'
    )
  })
  it('fails when it is missing, does not load, or is older than 1.12', () => {
    expect(libkrunCheck({ error: 'libkrun was not found (looked in ...). Install it.' }, undefined)).toMatchObject({
      verdict: 'fail',
      detail: 'libkrun was not found (looked in ...). Install it.'
    })
    expect(libkrunCheck(found, { error: 'libkrunfw.so.5: cannot open shared object file' })).toMatchObject({
      verdict: 'fail',
      detail: '/usr/lib64/libkrun.so.1 does not load: libkrunfw.so.5: cannot open shared object file'
    })
    expect(libkrunCheck(found, { symbols: [] }).detail).toMatch(/is older than libkrun 1\.12/)
  })
  it('finds libkrunfw beside libkrun or through the loader, or says what to install', () => {
    expect(
      firmwareCheck('/opt/krun/libkrun.so.1', ['libkrunfw.so.5'], {
        'libkrunfw.so.5': { path: '/opt/krun/libkrunfw.so.5', version: 5 }
      }).detail
    ).toBe('libkrunfw.so.5 loads from /opt/krun/libkrunfw.so.5 (beside libkrun), ABI version 5')
    expect(
      firmwareCheck('/opt/krun/libkrun.so.1', ['libkrunfw.so.5'], {
        'libkrunfw.so.5': { path: '/usr/lib64/libkrunfw.so.5.6.2' }
      }).detail
    ).toBe("libkrunfw.so.5 loads from /usr/lib64/libkrunfw.so.5.6.2 (through the loader's search path)")
    expect(
      firmwareCheck('/opt/krun/libkrun.so.1', ['libkrunfw.so.4'], { 'libkrunfw.so.4': { error: 'not found' } })
    ).toMatchObject({
      verdict: 'fail',
      detail: 'libkrunfw.so.4 does not load: not found',
      fix: 'install libkrunfw, or put libkrunfw.so.4 beside /opt/krun/libkrun.so.1'
    })
    expect(firmwareCheck(undefined, ['libkrunfw.so.5'], undefined)).toMatchObject({ verdict: 'skip' })
  })
})

describe('free space', () => {
  const statfs = (free: number) => () => ({ bavail: free / 4096, bsize: 4096 })
  it('needs a little in the run directory, which must be writable', () => {
    expect(runDirSpaceCheck('/tmp/t', 'RUNNER_TEMP', statfs(2 ** 30), () => true)).toMatchObject({
      verdict: 'ok',
      detail: '1.0 GiB free in RUNNER_TEMP (/tmp/t)'
    })
    expect(runDirSpaceCheck('/tmp/t', 'RUNNER_TEMP', statfs(2 ** 20), () => true)).toMatchObject({
      verdict: 'fail',
      detail: 'only 1.0 MiB free in RUNNER_TEMP (/tmp/t)',
      fix: 'set RUNNER_TEMP to a writable directory with free space'
    })
    expect(runDirSpaceCheck('/nope', 'the temporary directory', statfs(2 ** 30), () => false)).toMatchObject({
      verdict: 'fail',
      fix: 'set TMPDIR to a writable directory with free space'
    })
  })
  it('warns when the image cache, or where it will be made, is short of room', () => {
    const exists = (p: string) => p === '/cache' || p === '/'
    expect(imageCacheSpaceCheck('/cache/krun-action/images', statfs(2 ** 29), exists)).toMatchObject({
      verdict: 'warn',
      required: false,
      detail:
        'only 512.0 MiB free for the image cache (/cache/krun-action/images, not made yet; measured at /cache); needed only with an image'
    })
    expect(imageCacheSpaceCheck('/cache', statfs(10 * 2 ** 30), exists)).toMatchObject({
      verdict: 'ok',
      required: false
    })
  })
})

describe('runDoctor', () => {
  const options = (overrides: Partial<DoctorOptions> = {}): DoctorOptions => ({
    distDir: DIST,
    kvm: { ...kvm, device: '/dev/null' },
    findLibkrun: () => Promise.resolve('/dev/null'),
    tempDir: '/tmp',
    tempDirName: 'RUNNER_TEMP',
    imageCacheDir: '/tmp',
    env: {},
    ...overrides
  })
  const answer: ProbeAnswer = {
    kvm: { apiVersion: 12 },
    libkrun: { symbols: ['krun_check_nested_virt', 'krun_disable_implicit_vsock'] },
    firmware: { 'libkrunfw.so.5': { path: '/lib/libkrunfw.so.5', version: 5 }, 'libkrunfw.so.4': { error: 'absent' } }
  }
  const lookups = (requests: ProbeRequest[]) => ({
    arch: 'x64',
    kernelRelease: '6.8.0',
    vmFacts: () => ({ cpuinfo: '', vendor: '', product: '', hypervisorType: '' }),
    probe: (request: ProbeRequest) => {
      requests.push(request)
      return Promise.resolve(answer)
    },
    readLibrary: () => undefined
  })

  it('gives one verdict per check, in order, and asks the probe for what needs the native loader', async () => {
    const requests: ProbeRequest[] = []
    const checks = await runDoctor(options(), lookups(requests))
    expect(checks.map((check) => check.name)).toEqual([
      'architecture',
      'runner',
      'inside a VM',
      'host kernel',
      'KVM device',
      'KVM access',
      'KVM API',
      'libkrun',
      'libkrunfw',
      'run directory',
      'image cache'
    ])
    expect(requests).toEqual([
      expect.objectContaining({
        libkrun: '/dev/null',
        kvmDevice: '/dev/null',
        firmware: ['libkrunfw.so.5', 'libkrunfw.so.4'],
        features: expect.objectContaining({ net: 0, blk: 1 })
      })
    ])
    expect(checks.find((check) => check.name === 'libkrunfw')?.detail).toMatch(/^libkrunfw\.so\.5 loads/)
  })

  it('does not ask a device that does not open, and reports libkrun not found', async () => {
    const requests: ProbeRequest[] = []
    const checks = await runDoctor(
      options({
        kvm: { ...kvm, device: '/nonexistent' },
        findLibkrun: () => Promise.reject(new Error('libkrun was not found'))
      }),
      lookups(requests)
    )
    expect(requests[0]).toEqual(expect.objectContaining({ libkrun: undefined, kvmDevice: undefined }))
    expect(checks.filter((check) => check.verdict !== 'ok' && check.verdict !== 'info').map(verdictLine)).toEqual([
      expect.stringMatching(/^FAIL KVM device: \/nonexistent does not exist; fix: /),
      'skip KVM access: not checked: /nonexistent does not exist',
      'skip KVM API: not checked: /nonexistent does not open',
      'FAIL libkrun: libkrun was not found',
      'skip libkrunfw: not checked: libkrun was not found or probed'
    ])
    expect(canStart(checks)).toBe(false)
  })
})
