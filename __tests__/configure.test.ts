import { InputError } from '../src/engine/errors.js'
import { inputErrorOf, settings } from '../__fixtures__/inputs.js'
import { vmConfig } from '../src/engine/guest/plan.js'
import { runLayout } from '../src/engine/guest/run-dir.js'
import {
  checkImageShareable,
  checkKvmApi,
  checkLibkrunVersion,
  configureContext,
  libkrunWarnings
} from '../src/vm/configure.js'
import type { Libkrun } from '../src/vm/libkrun.js'

/** A libkrun that records calls; `failing` makes one call return -errno. */
function fakeLibkrun(
  options: {
    failing?: [string, number]
    withInitLog?: boolean
    withVirtiofs3?: boolean
    withDisableVsock?: boolean
    withDisk2?: boolean
    symbols?: string[]
  } = {}
) {
  const calls: unknown[][] = []
  const record =
    (name: string) =>
    (...args: unknown[]) => {
      calls.push([name, ...args])
      return options.failing?.[0] === name ? -options.failing[1] : name === 'createCtx' ? 1 : 0
    }
  const krun: Libkrun = {
    has: (symbol) => (options.symbols ?? ['krun_setuid', 'krun_check_nested_virt']).includes(symbol),
    setLogLevel: record('setLogLevel'),
    initLog: options.withInitLog === false ? undefined : record('initLog'),
    createCtx: record('createCtx'),
    setVmConfig: record('setVmConfig'),
    setRoot: record('setRoot'),
    setWorkdir: record('setWorkdir'),
    setExec: record('setExec'),
    addVirtiofs: record('addVirtiofs'),
    addVirtiofs3: options.withVirtiofs3 === false ? undefined : record('addVirtiofs3'),
    addDisk2: options.withDisk2 === false ? undefined : record('addDisk2'),
    setPortMap: record('setPortMap'),
    disableImplicitVsock: options.withDisableVsock === false ? undefined : record('disableImplicitVsock'),
    startEnter: record('startEnter')
  }
  return { krun, calls }
}

const describeErrno = (errno: number) => `errno ${errno}`
const config = vmConfig(settings(), runLayout('/run/x'), '/lib/libkrun.so.1', '/dev/kvm')

describe('configureContext', () => {
  it('configures the VM with an empty environment and keeps warnings in the log file', () => {
    const { krun, calls } = fakeLibkrun()
    expect(configureContext(krun, config, () => 42, describeErrno)).toBe(1)
    expect(calls).toEqual([
      ['initLog', 42, 2, 2, 0],
      ['createCtx'],
      ['setVmConfig', 1, 2, 2048],
      ['setRoot', 1, '/run/x/root'],
      ['addVirtiofs3', 1, 'krun-base', '/', 0, true],
      ['addVirtiofs', 1, 'krun-workspace', '/home/runner/work/repo'],
      ['setPortMap', 1, []],
      ['setWorkdir', 1, '/'],
      ['setExec', 1, '/krun-init', [], []]
    ])
  })

  it('attaches the layer disks raw, the prepared one read-only, in the order the plan names them', () => {
    const { krun, calls } = fakeLibkrun()
    const layers = { middle: '/cache/prepared/layer.img', upper: '/tmp/job.img' }
    const withDisks = vmConfig(settings(), runLayout('/run/x'), '/lib/libkrun.so.1', '/dev/kvm', undefined, layers)
    configureContext(krun, withDisks, () => 42, describeErrno)
    expect(calls.filter(([name]) => name === 'addDisk2')).toEqual([
      ['addDisk2', 1, 'krun-prepared', '/cache/prepared/layer.img', 0, true],
      ['addDisk2', 1, 'krun-upper', '/tmp/job.img', 0, false]
    ])
  })

  it('refuses a layer disk, naming the input, with a libkrun that has no krun_add_disk2', () => {
    const { krun } = fakeLibkrun({ withDisk2: false })
    const persist = vmConfig(settings(), runLayout('/run/x'), '/lib/libkrun.so.1', '/dev/kvm', undefined, {
      upper: '/tmp/job.img'
    })
    expect(() => configureContext(krun, persist, () => 42, describeErrno)).toThrow(/lacks krun_add_disk2/)
    expect(inputErrorOf(() => configureContext(krun, persist, () => 42, describeErrno)).input).toBe('persist')
    const prepared = { ...persist, disks: persist.disks.map((disk) => ({ ...disk, readOnly: true })) }
    expect(inputErrorOf(() => configureContext(krun, prepared, () => 42, describeErrno)).input).toBe('prepare')
  })

  it('shares the base through krun_add_virtiofs before libkrun 1.18, which has no read-only share', () => {
    const { krun, calls } = fakeLibkrun({ withVirtiofs3: false })
    configureContext(krun, config, () => 42, describeErrno)
    expect(calls).toContainEqual(['addVirtiofs', 1, 'krun-base', '/'])
  })

  it('exposes no guest port unless asked, and the chosen ones when asked', () => {
    const { krun, calls } = fakeLibkrun()
    configureContext(krun, { ...config, portMap: ['8080:80', '2222:22'] }, () => 42, describeErrno)
    expect(calls).toContainEqual(['setPortMap', 1, ['8080:80', '2222:22']])
    expect(calls.some(([name]) => name === 'disableImplicitVsock')).toBe(false)
  })

  it('turns off vsock, and with it TSI, for network none', () => {
    const { krun, calls } = fakeLibkrun()
    configureContext(krun, { ...config, network: 'none' }, () => 42, describeErrno)
    expect(calls).toContainEqual(['setPortMap', 1, []])
    expect(calls).toContainEqual(['disableImplicitVsock', 1])
    expect(calls.findIndex(([name]) => name === 'disableImplicitVsock')).toBeLessThan(
      calls.findIndex(([name]) => name === 'setExec')
    )
  })

  it('refuses network none, naming the input and the version, before libkrun 1.17', () => {
    const { krun } = fakeLibkrun({ withDisableVsock: false })
    expect(() => configureContext(krun, { ...config, network: 'none' }, () => 42, describeErrno)).toThrow(
      new InputError(
        'network',
        'none needs libkrun 1.17 or newer (/lib/libkrun.so.1 lacks krun_disable_implicit_vsock); install a newer libkrun or use network tsi'
      )
    )
    expect(() => configureContext(krun, config, () => 42, describeErrno)).not.toThrow()
  })

  it('reports a failing port map with its errno', () => {
    const { krun } = fakeLibkrun({ failing: ['setPortMap', 22] })
    expect(() => configureContext(krun, config, () => 42, describeErrno)).toThrow(
      new Error('krun_set_port_map failed: errno 22')
    )
  })

  it('logs live to stderr at the level the user chose', () => {
    const { krun, calls } = fakeLibkrun()
    configureContext(krun, { ...config, logLevel: 'debug' }, () => 42, describeErrno)
    expect(calls[0]).toEqual(['initLog', -1, 4, 2, 0])
    const old = fakeLibkrun({ withInitLog: false })
    configureContext(old.krun, { ...config, logLevel: 'trace' }, () => 42, describeErrno)
    expect(old.calls[0]).toEqual(['setLogLevel', 5])
  })

  it('turns a negative result into an error naming the call, its path and errno', () => {
    const { krun } = fakeLibkrun({ failing: ['setRoot', 2] })
    expect(() => configureContext(krun, config, () => 42, describeErrno)).toThrow(
      new Error(`krun_set_root failed for ${config.root}: errno 2`)
    )
    const share = fakeLibkrun({ failing: ['addVirtiofs', 13] })
    expect(() => configureContext(share.krun, config, () => 42, describeErrno)).toThrow(
      new Error(`krun_add_virtiofs failed for ${config.shares[1].hostPath} (tag ${config.shares[1].tag}): errno 13`)
    )
  })

  it('refuses values that would wrap in uint8_t or uint32_t', () => {
    const { krun, calls } = fakeLibkrun()
    expect(() => configureContext(krun, { ...config, cpus: 256 }, () => 42, describeErrno)).toThrow(
      /out of libkrun's range/
    )
    expect(calls.some(([name]) => name === 'setVmConfig')).toBe(false)
  })
})

describe('libkrunWarnings', () => {
  it('warns once that the base is read-only only inside the guest before libkrun 1.18', () => {
    expect(libkrunWarnings(fakeLibkrun({ withVirtiofs3: false }).krun, config)).toEqual([
      'this libkrun has no krun_add_virtiofs3 (libkrun 1.18): the base filesystem is read-only only inside the guest, which could remount it'
    ])
    expect(libkrunWarnings(fakeLibkrun().krun, config)).toEqual([])
  })
})

describe('host checks in the VM process', () => {
  it('refuses an image before libkrun 1.18, which cannot share its root read-only on the host side', () => {
    const imageConfig = vmConfig(
      {
        ...settings(),
        base: {
          kind: 'image',
          image: { reference: 'alpine', pull: 'missing', credentials: undefined, maxCacheBytes: 10 * 2 ** 30 }
        }
      },
      runLayout('/run/x'),
      '/lib/libkrun.so.1',
      '/dev/kvm'
    )
    expect(() => checkImageShareable(fakeLibkrun({ withVirtiofs3: false }).krun, imageConfig)).toThrow(
      new InputError(
        'image',
        'needs libkrun 1.18 or newer (/lib/libkrun.so.1 lacks krun_add_virtiofs3) to share the image read-only on the host side, ' +
          'so that no guest can change the image cache; install a newer libkrun or use a rootfs directory'
      )
    )
    expect(() => checkImageShareable(fakeLibkrun().krun, imageConfig)).not.toThrow()
    expect(() => checkImageShareable(fakeLibkrun({ withVirtiofs3: false }).krun, config)).not.toThrow()
  })

  it('refuses a libkrun older than 1.12, judged by its symbols', () => {
    expect(() =>
      checkLibkrunVersion(fakeLibkrun({ symbols: ['krun_setuid', 'krun_setgid'] }).krun, '/lib/libkrun.so.1')
    ).toThrow(/is older than libkrun 1\.12 \(it lacks krun_check_nested_virt\)/)
    expect(() => checkLibkrunVersion(fakeLibkrun().krun, '/lib/libkrun.so.1')).not.toThrow()
  })

  it('requires KVM API version 12', () => {
    expect(() => checkKvmApi(12, '/dev/kvm', describeErrno)).not.toThrow()
    expect(() => checkKvmApi(11, '/dev/kvm', describeErrno)).toThrow(
      '/dev/kvm reports KVM API version 11, but libkrun needs version 12'
    )
    expect(() => checkKvmApi(-25, '/dev/kvm', describeErrno)).toThrow(
      '/dev/kvm did not answer KVM_GET_API_VERSION (errno 25)'
    )
  })
})
