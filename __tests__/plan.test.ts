import { settings } from '../__fixtures__/inputs.js'
import { guestFiles, renderEnv, renderPlan, vmConfig, workloadArgv } from '../src/engine/guest/plan.js'
import { GUEST } from '../src/engine/guest/guest-protocol.js'
import { runLayout } from '../src/engine/guest/run-dir.js'

describe('the guest plan', () => {
  it('mounts the base, shares the workspace, and runs the shell on the script', () => {
    expect(renderPlan(settings())).toBe(
      [
        'lower\tvirtiofs\tkrun-base',
        'share\tvirtiofs\tkrun-workspace\t/home/runner/work/repo\trw',
        'workdir\t/home/runner/work/repo',
        `script\t${GUEST.scriptInGuest}`,
        'arg\tsh',
        'arg\t-e',
        `arg\t${GUEST.scriptInGuest}`
      ].join('\n') + '\n'
    )
  })

  it('shares nothing with workspace none', () => {
    expect(renderPlan(settings({ workspace: null, workdir: '/' }))).not.toContain('share')
  })

  it('puts the script path wherever {0} stands, and drops the script when interactive', () => {
    const s = settings({ shell: ['bash', '-c', 'source {0}'] })
    expect(workloadArgv(s)).toEqual(['bash', '-c', `source ${GUEST.scriptInGuest}`])
    expect(workloadArgv(s, true)).toEqual(['bash'])
  })
})

describe('the guest environment file', () => {
  it('holds NUL-ended entries, defaults first, values intact', () => {
    const big = 'x'.repeat(100_000)
    const env = renderEnv(
      settings({
        env: [
          ['A', 'with space "quotes" = and\nnewline'],
          ['BIG', big]
        ]
      })
    )
    const entries = env.toString('utf8').split('\0')
    expect(entries.pop()).toBe('')
    expect(entries).toEqual([
      'PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin',
      'HOME=/root',
      'A=with space "quotes" = and\nnewline',
      `BIG=${big}`
    ])
  })

  it('lets the user replace PATH and HOME', () => {
    const text = renderEnv(
      settings({
        env: [
          ['PATH', '/opt/bin'],
          ['HOME', '/home/me']
        ]
      })
    ).toString()
    expect(text).toBe('PATH=/opt/bin\0HOME=/home/me\0')
  })
})

describe('the VM configuration', () => {
  it('shares the rootfs read-only and the workspace read-write, and holds no env values', () => {
    const s = settings({ env: [['SECRET', 'hunter2']], logLevel: 'debug' })
    const config = vmConfig(s, runLayout('/tmp/run'), '/lib/libkrun.so.1', '/dev/kvm')
    expect(config).toEqual({
      libkrun: '/lib/libkrun.so.1',
      root: '/tmp/run/root',
      cpus: 2,
      memoryMib: 2048,
      shares: [
        { tag: 'krun-base', hostPath: '/', readOnly: true },
        { tag: 'krun-workspace', hostPath: '/home/runner/work/repo', readOnly: false }
      ],
      disks: [],
      execPath: '/krun-init',
      network: 'tsi',
      portMap: [],
      logLevel: 'debug',
      logFile: '/tmp/run/libkrun.log',
      kvmDevice: '/dev/kvm'
    })
    expect(JSON.stringify(config)).not.toContain('hunter2')
    expect(guestFiles(s).script).toEqual(Buffer.from('echo hello\n'))
  })

  it('carries the network mode and the chosen ports to the VM process', () => {
    const config = vmConfig(
      settings({ network: 'none', ports: ['8080:80'] }),
      runLayout('/run/x'),
      '/lib/libkrun.so.1',
      '/dev/kvm'
    )
    expect(config).toMatchObject({ network: 'none', portMap: ['8080:80'] })
  })
})

describe('the layer disks', () => {
  it('names each disk by the device the guest sees, in the order it is attached', () => {
    const layers = { middle: '/cache/prepared/k/layer.img', upper: '/tmp/job.img' }
    const plan = renderPlan(settings(), false, undefined, layers)
    expect(plan).toContain('lower\tvirtiofs\tkrun-base\nmiddle\t/dev/vda\nupper\t/dev/vdb\n')
    const config = vmConfig(settings(), runLayout('/run/x'), '/lib/libkrun.so.1', '/dev/kvm', undefined, layers)
    expect(config.disks).toEqual([
      { blockId: 'krun-prepared', hostPath: '/cache/prepared/k/layer.img', readOnly: true },
      { blockId: 'krun-upper', hostPath: '/tmp/job.img', readOnly: false }
    ])
    expect(renderPlan(settings(), false, undefined, { upper: '/tmp/job.img' })).toContain('upper\t/dev/vda\n')
    expect(renderPlan(settings())).not.toMatch(/upper|middle/)
  })
})

describe('the file-command share', () => {
  const share = {
    tag: 'krun-files',
    hostDir: '/tmp/run/files',
    guestDir: '/run/krun-action/files',
    env: { GITHUB_OUTPUT: '/run/krun-action/files/output' }
  }

  it('is shared read-write at its guest path, and names its files in the environment over the user', () => {
    const s = settings({ env: [['GITHUB_OUTPUT', '/elsewhere']] })
    expect(renderPlan(s, false, share)).toContain('share\tvirtiofs\tkrun-files\t/run/krun-action/files\trw\n')
    expect(renderEnv(s, {}, share.env).toString()).toBe(
      'PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin\0HOME=/root\0GITHUB_OUTPUT=/run/krun-action/files/output\0'
    )
    expect(vmConfig(s, runLayout('/tmp/run'), '/lib/libkrun.so.1', '/dev/kvm', share).shares.at(-1)).toEqual({
      tag: 'krun-files',
      hostPath: '/tmp/run/files',
      readOnly: false
    })
    expect(renderPlan(s)).not.toContain('krun-files')
  })
})
