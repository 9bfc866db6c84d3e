import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { context, rawInputs } from '../__fixtures__/inputs.js'
import { InputError } from '../src/engine/errors.js'
import { defaultInputs } from '../src/engine/inputs/raw-inputs.js'
import { buildSettings } from '../src/engine/inputs/settings.js'
import { LAUNCHER_DIR, SETTINGS_FILE, installLauncher, launcherScript } from '../src/later-steps/launcher.js'
import { cliDefaults, readSettingsFile, savedInputs, writeSettingsFile } from '../src/later-steps/saved-settings.js'
import { namedStepEnv } from '../src/later-steps/step-env.js'

let dir: string
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'krun-shell-'))
})
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }))

describe('saved settings', () => {
  it('saves every input but the step-own commands, shell and registry login, host paths resolved', () => {
    fs.mkdirSync(path.join(dir, 'rootfs/bin'), { recursive: true })
    fs.writeFileSync(path.join(dir, 'rootfs/bin/bash'), '')
    fs.mkdirSync(path.join(dir, 'ws'))
    const raw = rawInputs({ rootfs: 'rootfs', workspace: 'ws', cpus: '4', env: 'A=1', shell: 'bash' })
    const saved = savedInputs(raw, buildSettings(raw, context({ cwd: dir })))
    const { 'registry-password': secret, 'registry-username': user, ...defaults } = defaultInputs()
    expect([secret, user]).toEqual(['', ''])
    expect(saved).toEqual({
      ...defaults,
      commands: undefined,
      shell: undefined,
      rootfs: path.join(dir, 'rootfs'),
      workspace: path.join(dir, 'ws'),
      cpus: '4',
      env: 'A=1'
    })
    expect(Object.keys(saved)).not.toContain('commands')
    expect(Object.keys(saved)).not.toContain('shell')
    // A secret never lands in a file the guest of a `rootfs: /` run could read.
    expect(Object.keys(saved)).not.toContain('registry-password')
    const none = rawInputs({ workspace: 'none' })
    expect(savedInputs(none, buildSettings(none, context())).workspace).toBe('none')
  })

  it('saves no registry login: a later step with the user name but not the password could not run', () => {
    const raw = rawInputs({
      image: 'alpine',
      user: 'app:staff',
      'registry-username': 'me',
      'registry-password': 's3cr3t'
    })
    const saved = savedInputs(raw, buildSettings(raw, context()))
    expect(saved.image).toBe('alpine')
    expect(saved.user).toBe('app:staff')
    expect(Object.keys(saved)).not.toContain('registry-username')
    expect(Object.keys(saved)).not.toContain('registry-password')
    const file = path.join(dir, SETTINGS_FILE)
    writeSettingsFile(file, saved)
    expect(fs.readFileSync(file, 'utf8')).not.toMatch(/s3cr3t|"me"/)
    // What a later step builds from the saved settings alone is valid.
    const later = buildSettings({ ...cliDefaults({ KRUN_SETTINGS: file }), commands: 'true' }, context())
    expect(later.user).toEqual({ text: 'app:staff', user: 'app', group: 'staff' })
  })

  it('reads back what it wrote (0600), and only that', () => {
    const file = path.join(dir, SETTINGS_FILE)
    writeSettingsFile(file, { cpus: '4', env: 'SECRET=x' })
    expect(fs.statSync(file).mode & 0o777).toBe(0o600)
    expect(readSettingsFile(file)).toEqual({ cpus: '4', env: 'SECRET=x' })
    expect(fs.readdirSync(dir)).toEqual([SETTINGS_FILE])
  })

  it.each([
    ['unknown inputs', '{"cpus":"4","frobnicate":"1"}', 0o600],
    ['commands', '{"commands":"rm -rf /"}', 0o600],
    ['non-string values', '{"cpus":4}', 0o600],
    ['not JSON', 'cpus=4', 0o600],
    ['others can read it', '{"cpus":"4"}', 0o644]
  ])('refuses a settings file with %s, in one line naming KRUN_SETTINGS', (_, text, mode) => {
    const file = path.join(dir, 'settings.json')
    fs.writeFileSync(file, text, { mode })
    fs.chmodSync(file, mode)
    expect(() => readSettingsFile(file)).toThrow(InputError)
    expect(() => readSettingsFile(file)).toThrow(/^KRUN_SETTINGS: ".*settings\.json" .*; expected the settings file/)
  })

  it('refuses a link', () => {
    const file = path.join(dir, 'real.json')
    writeSettingsFile(file, { cpus: '4' })
    fs.symlinkSync(file, path.join(dir, 'link.json'))
    expect(() => readSettingsFile(path.join(dir, 'link.json'))).toThrow(/cannot be opened \(missing, or a link\)/)
  })

  it('gives krun-run the saved settings as defaults; KRUN_LIBRARY in the step wins over a saved libkrun', () => {
    const file = path.join(dir, SETTINGS_FILE)
    writeSettingsFile(file, { cpus: '4', libkrun: '/saved/libkrun.so.1' })
    expect(cliDefaults({})).toEqual(defaultInputs())
    expect(cliDefaults({ KRUN_SETTINGS: file })).toEqual({
      ...defaultInputs(),
      cpus: '4',
      libkrun: '/saved/libkrun.so.1'
    })
    expect(cliDefaults({ KRUN_SETTINGS: file, KRUN_LIBRARY: '/step/libkrun.so.1' }).libkrun).toBe('')
  })
})

describe('the launcher', () => {
  it('quotes every path, so any path runs as written', () => {
    expect(launcherScript("/opt/it's node", '/a b/cli/index.js', '/t/$HOME/settings.json')).toBe(
      [
        '#!/bin/sh',
        '# krun-run for the later steps of this job (shell: krun-run {0}), made by krun-action.',
        "KRUN_SETTINGS='/t/$HOME/settings.json'",
        'export KRUN_SETTINGS',
        `exec '/opt/it'\\''s node' '/a b/cli/index.js' "$@"`,
        ''
      ].join('\n')
    )
  })

  it('runs the given program with its arguments and KRUN_SETTINGS, whatever PATH holds', () => {
    const fakeDist = path.join(dir, "dist with 'quote'")
    fs.mkdirSync(path.join(fakeDist, 'cli'), { recursive: true })
    fs.writeFileSync(
      path.join(fakeDist, 'cli/index.js'),
      'console.log(JSON.stringify([process.argv.slice(2), process.env.KRUN_SETTINGS]))'
    )
    const bin = installLauncher({ tempDir: dir, distDir: fakeDist, nodePath: process.execPath, saved: { cpus: '2' } })
    expect(bin).toBe(path.join(dir, LAUNCHER_DIR))
    const out = execFileSync(path.join(bin, 'krun-run'), ['a b', '{0}'], { env: { PATH: '/nonexistent' } })
    expect(JSON.parse(out.toString())).toEqual([['a b', '{0}'], path.join(bin, SETTINGS_FILE)])
    // A second run of the action in the same job replaces the settings.
    installLauncher({ tempDir: dir, distDir: fakeDist, nodePath: process.execPath, saved: { cpus: '8' } })
    expect(readSettingsFile(path.join(bin, SETTINGS_FILE))).toEqual({ cpus: '8' })
    expect(fs.readdirSync(bin).sort()).toEqual(['krun-run', SETTINGS_FILE])
  })

  it('refuses a launcher directory that is a link', () => {
    fs.mkdirSync(path.join(dir, 'elsewhere'))
    fs.symlinkSync(path.join(dir, 'elsewhere'), path.join(dir, LAUNCHER_DIR))
    expect(() => installLauncher({ tempDir: dir, distDir: dir, nodePath: process.execPath, saved: {} })).toThrow(
      /krun-run-shell exists and is not a directory of this user/
    )
    expect(fs.readdirSync(path.join(dir, 'elsewhere'))).toEqual([])
  })
})

describe('namedStepEnv (KRUN_ENV)', () => {
  it("takes the named variables' values from the step's environment", () => {
    expect(namedStepEnv({ KRUN_ENV: ' A, B ,', A: '1', B: 'two words', C: 'not named' })).toEqual([
      ['A', '1'],
      ['B', 'two words']
    ])
    expect(namedStepEnv({ A: '1' })).toEqual([])
  })

  it('refuses values and bad names without showing a value, and names that are not set', () => {
    expect(() => namedStepEnv({ KRUN_ENV: 'TOKEN=s3cr3t' })).toThrow(
      'KRUN_ENV: holds an "="; expected comma-separated variable names'
    )
    expect(() => namedStepEnv({ KRUN_ENV: 'TOKEN=s3cr3t' })).not.toThrow(/s3cr3t/)
    expect(() => namedStepEnv({ KRUN_ENV: '1A' })).toThrow('KRUN_ENV: "1A" is not a variable name')
    expect(() => namedStepEnv({ KRUN_ENV: 'MISSING' })).toThrow(
      "KRUN_ENV: MISSING is not set in this step's environment; set it with env:, or drop it"
    )
  })
})
