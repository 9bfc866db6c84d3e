/**
 * The host doctor end to end: `krun-run --doctor` and the action's step without commands,
 * bundled, against the stand-in libkrun (and its stand-in libkrunfw). Here the KVM device
 * is the test helper's stand-in (with-kvm), which answers KVM_GET_API_VERSION with 12; "no
 * KVM device" is a KRUN_KVM_DEVICE that does not exist.
 */
import { spawn } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { DIST, errorLines, makeScratch, removeScratches, runAction } from '../__fixtures__/action-runner.js'
import { STANDIN, STANDIN_1_16, describeTier } from '../__fixtures__/tiers.js'

afterAll(removeScratches)

/** A verdict, the check's name, a colon: every line the doctor prints. */
const VERDICT_LINE = /^(ok {2}|FAIL|warn|info|skip) [A-Za-z ]+: \S/

function doctor(env: Record<string, string>): Promise<{ code: number | null; lines: string[]; stderr: string }> {
  const scratch = makeScratch()
  const child = spawn(process.execPath, [path.join(DIST, 'cli', 'index.js'), '--doctor'], {
    cwd: scratch.workspace,
    env: { PATH: process.env.PATH, HOME: scratch.dir, TMPDIR: scratch.temp, KRUN_LIBRARY: STANDIN, ...env },
    stdio: ['ignore', 'pipe', 'pipe']
  })
  let stdout = ''
  let stderr = ''
  child.stdout.on('data', (chunk) => (stdout += chunk))
  child.stderr.on('data', (chunk) => (stderr += chunk))
  return new Promise((resolve) =>
    child.on('close', (code) => resolve({ code, lines: stdout.split('\n').slice(0, -1), stderr }))
  )
}

const line = (lines: string[], name: string) => lines.find((each) => each.slice(5).startsWith(`${name}:`))

describeTier('standin', 'krun-run --doctor', () => {
  it('passes where a microVM can start: every line a verdict, exit 0', async () => {
    const { code, lines, stderr } = await doctor({})
    expect(stderr).toBe('')
    expect(lines.length).toBe(11)
    for (const each of lines) expect(each).toMatch(VERDICT_LINE)
    expect(code).toBe(0)
    expect(line(lines, 'KVM access')).toMatch(/^ok {3}KVM access: \/dev\/kvm opens read-write for user \S+$/)
    expect(line(lines, 'KVM API')).toBe('ok   KVM API: version 12')
    expect(line(lines, 'libkrun')).toBe(
      `ok   libkrun: ${STANDIN}, 1.18 or newer by the symbols it exports; features: not reported (no krun_has_feature, which came in 1.17.3)`
    )
    expect(line(lines, 'libkrunfw')).toBe(
      `ok   libkrunfw: libkrunfw.so.5 loads from ${path.join(path.dirname(STANDIN), 'libkrunfw.so.5')} (beside libkrun), ABI version 5`
    )
  })

  it('fails without a KVM device, exit 1, naming it with the fix', async () => {
    const { code, lines } = await doctor({ KRUN_KVM_DEVICE: '/nonexistent' })
    for (const each of lines) expect(each).toMatch(VERDICT_LINE)
    expect(code).toBe(1)
    expect(lines.filter((each) => /^(FAIL|skip)/.test(each))).toEqual([
      expect.stringMatching(/^FAIL KVM device: \/nonexistent does not exist; fix: use a machine with KVM/),
      'skip KVM access: not checked: /nonexistent does not exist',
      'skip KVM API: not checked: /nonexistent does not open'
    ])
  })

  it('knows which libkrunfw a release loads, and fails when it is not there', async () => {
    const old = await doctor({ KRUN_LIBRARY: STANDIN_1_16 })
    expect(old.code).toBe(0)
    expect(line(old.lines, 'libkrun')).toMatch(/, 1\.13 or newer by the symbols it exports;/)
    expect(line(old.lines, 'libkrunfw')).toMatch(/^ok {3}libkrunfw: libkrunfw\.so\.4 loads from .*standin-1\.16\//)
    const alone = path.join(makeScratch().dir, 'libkrun.so.1')
    fs.copyFileSync(STANDIN, alone)
    const { code, lines } = await doctor({ KRUN_LIBRARY: alone })
    expect(line(lines, 'libkrunfw')).toMatch(
      new RegExp(
        `^FAIL libkrunfw: libkrunfw\\.so\\.5 does not load: .*; fix: install libkrunfw, or put libkrunfw\\.so\\.5 beside ${alone}$`
      )
    )
    expect(code).toBe(1)
  })

  it('names the flag for a libkrun that is not one', async () => {
    const { code, lines } = await doctor({ KRUN_LIBRARY: '/etc/hostname' })
    expect(line(lines, 'libkrun')).toMatch(
      /^FAIL libkrun: KRUN_LIBRARY: "\/etc\/hostname" .*; expected the path of libkrun\.so\.1$/
    )
    expect(code).toBe(1)
  })
})

describeTier('standin', 'the action without commands: the host check', () => {
  it('prints the verdicts, writes them to the job summary, and installs krun-run', async () => {
    const result = await runAction({ inputs: { commands: '' } })
    expect(errorLines(result)).toEqual([])
    expect(result.code).toBe(0)
    const verdicts = result.stdout.split('\n').filter((each) => VERDICT_LINE.test(each))
    expect(verdicts.length).toBe(11)
    expect(verdicts).toContain('ok   KVM API: version 12')
    expect(result.summary).toContain('Host check: can this runner start a microVM?')
    expect(result.summary).toContain('<td>KVM API</td><td>ok</td><td>version 12</td>')
    expect(result.summary).toContain('A microVM can start here.')
  })

  it('fails in one line naming the first failed check, with the whole table in the summary', async () => {
    const result = await runAction({ inputs: { commands: '' }, env: { KRUN_KVM_DEVICE: '/nonexistent' } })
    expect(result.code).toBe(1)
    expect(errorLines(result)).toEqual([
      expect.stringMatching(
        /^this host cannot start a microVM: KVM device: \/nonexistent does not exist; fix: use a machine with KVM/
      )
    ])
    expect(result.summary).toContain('<td>KVM device</td><td><strong>FAIL</strong></td>')
    expect(result.summary).toContain('A microVM cannot start here')
    expect(fs.readFileSync(result.scratch.files.path, 'utf8')).toBe('')
  })
})
