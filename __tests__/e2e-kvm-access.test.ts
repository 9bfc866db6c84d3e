/**
 * kvm-access through the bundled action, against the stand-in libkrun. The KVM device does
 * not open read-write because a read-only sysfs file is bind-mounted over it (EACCES even
 * for root) in a mount namespace of the action's own; the stand-in udevadm's `trigger`
 * unmounts it, as the real rule would change the device's mode. The stand-in sudo records
 * every call and runs only the stand-in udevadm.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { errorLines, makeScratch, removeScratches, runAction } from '../__fixtures__/action-runner.js'
import { makeFakeSudo } from '../__fixtures__/fake-sudo.js'
import { describeTier } from '../__fixtures__/tiers.js'
import { UDEV_RULE } from '../src/engine/host/kvm-access.js'

afterAll(removeScratches)

/**
 * Runs the action where /dev/kvm answers EACCES until `umount /dev/kvm`. bash, since dash
 * drops variables such as INPUT_KVM-ACCESS from the environment it passes on.
 */
const COVERED_DEVICE = [
  'unshare',
  '--mount',
  '--propagation',
  'private',
  'bash',
  '-c',
  'mount --bind /sys/kernel/uevent_seqnum /dev/kvm && exec "$@"',
  'bash'
]

describeTier('standin', 'kvm-access in the bundled action', () => {
  const setUp = (runnerEnvironment: string) => {
    const scratch = makeScratch()
    const fake = makeFakeSudo(path.join(scratch.dir, 'bin'), { passwordless: true, onTrigger: 'umount /dev/kvm' })
    const env = { PATH: fake.path, RUNNER_ENVIRONMENT: runnerEnvironment }
    const calls = () => fs.readFileSync(fake.record, 'utf8').trim().split('\n').filter(Boolean)
    return { scratch, fake, env, calls }
  }

  it('on a GitHub-hosted runner installs the udev rule with sudo, and the commands run', async () => {
    const { scratch, fake, env, calls } = setUp('github-hosted')
    const result = await runAction({ inputs: { commands: 'echo ran' }, env, scratch, wrap: COVERED_DEVICE })
    expect(errorLines(result)).toEqual([])
    expect(result.outputs['exit-code']).toBe('0')
    expect(result.stdout).toContain('ran\n')
    expect(result.stdout).toContain(
      `kvm-access: /dev/kvm did not open read-write for user ${os.userInfo().username} (EACCES); installed the udev rule /etc/udev/rules.d/99-kvm.rules with sudo, and it opens now`
    )
    expect(calls().filter((call) => call.startsWith('sudo '))).toEqual([
      'sudo -n true',
      expect.stringMatching(/^sudo -n \/\S*\/tee \/etc\/udev\/rules\.d\/99-kvm\.rules$/),
      `sudo -n ${fake.dir}/udevadm control --reload-rules`,
      `sudo -n ${fake.dir}/udevadm trigger --name-match=kvm`,
      `sudo -n ${fake.dir}/udevadm settle`
    ])
    expect(fs.readFileSync(fake.teeInput, 'utf8')).toBe(`${UDEV_RULE}\n`)
  })

  it('on a self-hosted runner never runs sudo: the step fails with one line and the fix', async () => {
    const { scratch, env, calls } = setUp('self-hosted')
    const result = await runAction({ inputs: { commands: 'echo ran' }, env, scratch, wrap: COVERED_DEVICE })
    expect(result.code).toBe(1)
    expect(result.stdout).not.toContain('ran\n')
    expect(errorLines(result)).toEqual([
      expect.stringMatching(
        /^\/dev\/kvm exists but user \S+ cannot open it read-write \(EACCES\); as root, run once on this machine: echo /
      )
    ])
    expect(calls()).toEqual([])
  })

  it('with kvm-access: check never runs sudo, even on a GitHub-hosted runner', async () => {
    const { scratch, env, calls } = setUp('github-hosted')
    const result = await runAction({
      inputs: { commands: 'echo ran', 'kvm-access': 'check' },
      env,
      scratch,
      wrap: COVERED_DEVICE
    })
    expect(errorLines(result)).toEqual([expect.stringContaining('; set kvm-access: auto to let the action install')])
    expect(calls()).toEqual([])
  })
})
