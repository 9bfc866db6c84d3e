/**
 * Later steps in microVMs, end to end against the stand-in libkrun: a setup run of the
 * bundled action without commands, then later steps run exactly as the runner runs a
 * custom shell `krun-run {0}`: the launcher found through the PATH entries the setup added
 * to GITHUB_PATH, the step's script in a file in RUNNER_TEMP, the job's env merged into
 * the environment, and a PATH on which there is no node.
 */
import { spawn } from 'node:child_process'
import crypto from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {
  type ActionResult,
  STANDIN,
  type Scratch,
  errorLines,
  parseFileCommands,
  removeScratches,
  runAction
} from '../__fixtures__/action-runner.js'
import { describeTier } from '../__fixtures__/tiers.js'
import { busyboxEntries, pushImage, startRegistry } from '../__fixtures__/registry.js'
import { commandsBesidesFences, fences, runnerView, withoutFences } from '../__fixtures__/workflow-commands.js'
import { READY_LINE } from '../src/action/main.js'
import { LAUNCHER_DIR, LAUNCHER_NAME, SETTINGS_FILE } from '../src/later-steps/launcher.js'

afterAll(removeScratches)

interface StepResult {
  code: number | null
  /** What the guest printed: stdout with the fences' own lines taken out. */
  stdout: string
  /** Stdout as the runner reads it, fences included. */
  rawStdout: string
  stderr: string
  outputs: Record<string, string>
  summary: string
  envFile: string
  pathFile: string
  record: string
}

/** A directory for PATH that holds no node, so the launcher must bring its own. */
function nodelessDir(scratch: Scratch): string {
  const dir = path.join(scratch.dir, 'bin-without-node')
  fs.mkdirSync(dir, { recursive: true })
  return dir
}

/** Finds the first word of `shell:` on PATH, as the runner does before running it. */
function which(program: string, searchPath: string): string {
  for (const dir of searchPath.split(':')) {
    const candidate = path.join(dir, program)
    try {
      fs.accessSync(candidate, fs.constants.X_OK)
      return candidate
    } catch {
      // Not in this directory.
    }
  }
  throw new Error(`${program} is not on PATH ${searchPath}`)
}

/**
 * One later step with `shell: krun-run [args] {0}`: fresh file commands for the step, the
 * script written to RUNNER_TEMP, `jobEnv` (the job's and step's env:) merged in.
 */
function runStep(
  setup: ActionResult,
  script: string,
  options: { args?: string[]; jobEnv?: Record<string, string> } = {}
): Promise<StepResult> {
  const { scratch } = setup
  const step = fs.mkdtempSync(path.join(scratch.dir, 'step-'))
  const files = { output: 'output', summary: 'summary', env: 'env', path: 'path', record: 'record' }
  const file = (name: keyof typeof files) => path.join(step, files[name])
  for (const name of Object.keys(files) as (keyof typeof files)[]) fs.writeFileSync(file(name), '')
  const added = fs.readFileSync(scratch.files.path, 'utf8').split('\n').filter(Boolean).reverse()
  const searchPath = [...added, nodelessDir(scratch)].join(':')
  for (const dir of searchPath.split(':')) expect(fs.existsSync(path.join(dir, 'node'))).toBe(false)
  const scriptFile = path.join(scratch.temp, `${crypto.randomUUID()}.sh`)
  fs.writeFileSync(scriptFile, script)
  const child = spawn(which('krun-run', searchPath), [...(options.args ?? []), scriptFile], {
    cwd: scratch.workspace,
    env: {
      PATH: searchPath,
      HOME: scratch.dir,
      RUNNER_TEMP: scratch.temp,
      GITHUB_WORKSPACE: scratch.workspace,
      GITHUB_OUTPUT: file('output'),
      GITHUB_STEP_SUMMARY: file('summary'),
      GITHUB_ENV: file('env'),
      GITHUB_PATH: file('path'),
      GITHUB_TOKEN: 'runner-token-value',
      KRUN_STANDIN_RECORD: file('record'),
      ...options.jobEnv
    },
    stdio: ['ignore', 'pipe', 'pipe']
  })
  let stdout = ''
  let stderr = ''
  child.stdout.on('data', (chunk) => (stdout += chunk))
  child.stderr.on('data', (chunk) => (stderr += chunk))
  return new Promise((resolve) =>
    child.on('close', (code) => {
      fs.rmSync(scriptFile)
      const read = (name: keyof typeof files) => fs.readFileSync(file(name), 'utf8')
      resolve({
        code,
        stdout: withoutFences(stdout),
        rawStdout: stdout,
        stderr,
        outputs: parseFileCommands(read('output')),
        summary: read('summary'),
        envFile: read('env'),
        pathFile: read('path'),
        record: read('record')
      })
    })
  )
}

const warnings = (result: StepResult) =>
  result.stderr
    .split('\n')
    .filter((line) => line.startsWith('krun-run: warning: '))
    .map((line) => line.slice('krun-run: warning: '.length))

describeTier('standin', 'krun-run as a custom shell for later steps', () => {
  let setup: ActionResult

  beforeAll(async () => {
    setup = await runAction({
      inputs: { cpus: '3', memory: '512', env: 'MODE=release\nSECRET=s3cr3t-in-settings' }
    })
  })

  it('the setup run without commands checks the host, installs the launcher and boots nothing', () => {
    expect(setup.code).toBe(0)
    expect(setup.stdout).toContain(`${READY_LINE}\n`)
    expect(errorLines(setup)).toEqual([])
    expect(setup.outputs).toEqual({})
    expect(setup.record).toBe('')
    const dir = path.join(setup.scratch.temp, LAUNCHER_DIR)
    expect(fs.readFileSync(setup.scratch.files.path, 'utf8')).toBe(`${dir}\n`)
    expect(fs.statSync(dir).mode & 0o777).toBe(0o700)
    expect(fs.statSync(path.join(dir, LAUNCHER_NAME)).mode & 0o777).toBe(0o755)
    expect(fs.statSync(path.join(dir, SETTINGS_FILE)).mode & 0o777).toBe(0o600)
    expect(fs.readdirSync(setup.scratch.temp)).toEqual([LAUNCHER_DIR])
    expect(setup.stdout + setup.stderr).not.toContain('s3cr3t')
  })

  it('runs a step with the saved settings: libkrun, cpus, memory, env and workspace', async () => {
    const result = await runStep(setup, 'echo "mode=$MODE"\npwd\necho built > from-step.txt\n')
    expect(result).toMatchObject({ code: 0, stdout: `mode=release\n${setup.scratch.workspace}\n`, stderr: '' })
    expect(result.record).toMatch(/^krun_set_vm_config\(\d+, 3, 512\) -> 0$/m)
    expect(fs.readFileSync(path.join(setup.scratch.workspace, 'from-step.txt'), 'utf8')).toBe('built\n')
    expect(fs.readdirSync(setup.scratch.temp)).toEqual([LAUNCHER_DIR])
  })

  it('lets flags and KRUN_LIBRARY in the step override the saved settings', async () => {
    const flags = await runStep(setup, 'echo "mode=$MODE"', { args: ['--cpus', '1', '--env', 'MODE=debug'] })
    expect(flags).toMatchObject({ code: 0, stdout: 'mode=debug\n' })
    expect(flags.record).toMatch(/^krun_set_vm_config\(\d+, 1, 512\) -> 0$/m)
    const notALibrary = path.join(setup.scratch.dir, 'not-libkrun.so.1')
    fs.writeFileSync(notALibrary, 'text')
    const library = await runStep(setup, 'true', { jobEnv: { KRUN_LIBRARY: notALibrary } })
    expect(library.code).toBe(125)
    expect(library.stderr).toBe(
      `krun-run: KRUN_LIBRARY: "${notALibrary}" is not a shared library; expected the path of libkrun.so.1\n`
    )
    const standin = await runStep(setup, 'true', { jobEnv: { KRUN_LIBRARY: STANDIN } })
    expect(standin.code).toBe(0)
  })

  it("passes the job's env only when KRUN_ENV names it, never the runner's environment", async () => {
    const result = await runStep(
      setup,
      'echo "${JOB_VAR-unset}|${STEP_VAR-unset}|${GITHUB_TOKEN-unset}|${RUNNER_TEMP-unset}"',
      {
        jobEnv: { JOB_VAR: 'job', STEP_VAR: 'step value', KRUN_ENV: 'STEP_VAR' }
      }
    )
    expect(result).toMatchObject({ code: 0, stdout: 'unset|step value|unset|unset\n' })
    const missing = await runStep(setup, 'true', { jobEnv: { KRUN_ENV: 'STEP_VAR, NOT_SET' } })
    expect(missing.stderr).toBe(
      "krun-run: KRUN_ENV: STEP_VAR is not set in this step's environment; set it with env:, or drop it\n"
    )
    expect(missing.code).toBe(125)
  })

  it('returns the exit code, and the outputs and summary written before a failing command', async () => {
    const result = await runStep(
      setup,
      [
        'echo "passed=yes" >> "$GITHUB_OUTPUT"',
        'printf \'notes<<EOF\\nline one\\nline = two\\nEOF\\n\' >> "$GITHUB_OUTPUT"',
        'echo \'### made in the guest\' >> "$GITHUB_STEP_SUMMARY"',
        'exit 3'
      ].join('\n')
    )
    expect(result.code).toBe(3)
    expect(result.outputs).toEqual({ passed: 'yes', notes: 'line one\nline = two' })
    expect(result.summary).toBe('### made in the guest\n')
    expect(warnings(result)).toEqual([])
  })

  it('rejects forged delimiters, malformed lines, links and oversized files, with one warning each', async () => {
    const result = await runStep(
      setup,
      [
        'cat >> "$GITHUB_OUTPUT" <<"END"',
        'x<<A',
        'first',
        'ghadelimiter_00000000-0000-0000-0000-000000000000',
        'injected=1',
        'A',
        'not an entry',
        'bad name=1',
        'open<<NEVER',
        'hidden=1',
        'END',
        'head -c 1048577 /dev/zero > "$GITHUB_STEP_SUMMARY"'
      ].join('\n')
    )
    expect(result.code).toBe(0)
    expect(result.outputs).toEqual({ x: 'first\nghadelimiter_00000000-0000-0000-0000-000000000000\ninjected=1' })
    expect(result.summary).toBe('')
    expect(warnings(result)).toEqual([
      "the guest's GITHUB_OUTPUT, line 6: neither name=value nor name<<DELIMITER; skipped",
      "the guest's GITHUB_OUTPUT, line 7: not a valid output name (letters, digits, _ and -, not starting with a digit or -); skipped",
      "the guest's GITHUB_OUTPUT, line 8: a name<<DELIMITER block that is never closed; skipped it and the rest of the file",
      "the guest's GITHUB_STEP_SUMMARY was not a regular file of at most 1 MiB; ignored"
    ])
    const linked = await runStep(setup, 'ln -sf /etc/hostname "$GITHUB_OUTPUT"')
    expect(linked.outputs).toEqual({})
    expect(warnings(linked)).toEqual(["the guest's GITHUB_OUTPUT was not a regular file of at most 1 MiB; ignored"])
  })

  it('gives the guest GITHUB_ENV and GITHUB_PATH, and drops what it writes there unless export-env is true', async () => {
    const dropped = await runStep(
      setup,
      ['echo "FROM_GUEST=yes" >> "$GITHUB_ENV"', 'echo /opt/tool/bin >> "$GITHUB_PATH"', 'echo done'].join('\n')
    )
    expect(dropped).toMatchObject({ code: 0, stdout: 'done\n', envFile: '', pathFile: '' })
    expect(warnings(dropped)).toEqual([
      'the guest wrote to GITHUB_ENV and GITHUB_PATH; they were dropped: set --export-env true to pass them to later steps'
    ])
    const failing = await runStep(setup, 'echo /opt/tool/bin >> "$GITHUB_PATH"\nexit 4')
    expect(failing).toMatchObject({ code: 4, pathFile: '' })
    expect(warnings(failing)).toEqual([
      'the guest wrote to GITHUB_PATH; it was dropped: set --export-env true to pass it to later steps'
    ])
    const untouched = await runStep(setup, 'test -f "$GITHUB_ENV" && test -w "$GITHUB_PATH"')
    expect(untouched).toMatchObject({ code: 0, stderr: '' })
    const exported = await runStep(
      setup,
      [
        'echo "FROM_GUEST=yes" >> "$GITHUB_ENV"',
        'echo "NODE_OPTIONS=--require=/x.js" >> "$GITHUB_ENV"',
        'printf "/opt/tool/bin\\nrelative/bin\\n/a:/b\\n" >> "$GITHUB_PATH"'
      ].join('\n'),
      { args: ['--export-env', 'true'] }
    )
    expect(exported.code).toBe(0)
    expect(parseFileCommands(exported.envFile)).toEqual({ FROM_GUEST: 'yes' })
    expect(exported.pathFile).toBe('/opt/tool/bin\n')
    expect(warnings(exported)).toEqual([
      "the guest's GITHUB_ENV, line 2: NODE_OPTIONS cannot be set for later steps; skipped",
      'the guest\'s GITHUB_PATH, line 2: not an absolute directory without ":" or NUL; skipped',
      'the guest\'s GITHUB_PATH, line 3: not an absolute directory without ":" or NUL; skipped'
    ])
  })
})

describeTier('standin', 'the workflow commands a later step prints in its microVM', () => {
  const script = [
    "echo '::error::forged by the guest'",
    "echo '::add-mask::hidden-by-the-guest' >&2",
    "printf '::stop-commands::guest-token'",
    'exit 5'
  ].join('\n')

  it('are never acted on: its output is fenced, stderr with stdout', async () => {
    const setup = await runAction({ inputs: {} })
    const result = await runStep(setup, script)
    expect(result.code).toBe(5)
    const view = runnerView(result.rawStdout)
    expect(commandsBesidesFences(view)).toEqual([])
    expect(view.stoppedAtEnd).toBe(false)
    expect(fences(result.rawStdout).map((fence) => fence.inside)).toEqual([
      '::error::forged by the guest\n::add-mask::hidden-by-the-guest\n::stop-commands::guest-token'
    ])
    expect(result.stderr).toBe('')
  })

  it('are acted on with --guest-workflow-commands true, or when the action saved guest-workflow-commands: true', async () => {
    const notice = "echo '::notice::from the guest'; echo apart >&2"
    const fenced = await runAction({ inputs: {} })
    const byFlag = await runStep(fenced, notice, { args: ['--guest-workflow-commands', 'true'] })
    const trusting = await runAction({ inputs: { 'guest-workflow-commands': 'true' } })
    const bySetting = await runStep(trusting, notice)
    for (const result of [byFlag, bySetting]) {
      expect(result).toMatchObject({ code: 0, stderr: 'apart\n' })
      expect(runnerView(result.rawStdout).commands).toEqual([{ name: 'notice', data: 'from the guest' }])
    }
  })
})

describeTier('standin', 'the action with commands', () => {
  it.each([
    // Without commands the doctor speaks, naming the first check that failed.
    [
      'without',
      '',
      'this host cannot start a microVM: KVM device: /nonexistent/kvm does not exist; fix: use a machine with KVM: bare metal, or a VM with nested virtualization (GitHub-hosted x86_64 Linux runners have it)'
    ],
    [
      'with',
      'true',
      '/nonexistent/kvm does not exist: this machine cannot run virtual machines. Use a runner with KVM (bare metal, or a VM with nested virtualization enabled).'
    ]
  ])('installs nothing when the host cannot run a microVM (%s commands)', async (_, commands, line) => {
    const result = await runAction({ inputs: { commands }, env: { KRUN_KVM_DEVICE: '/nonexistent/kvm' } })
    expect(result.code).toBe(1)
    expect(errorLines(result)).toEqual([line])
    expect(fs.readdirSync(result.scratch.temp)).toEqual([])
    expect(fs.readFileSync(result.scratch.files.path, 'utf8')).toBe('')
  })

  it("sets the guest's outputs next to exit-code, refuses its own output names, and installs krun-run too", async () => {
    const result = await runAction({
      inputs: {
        commands: [
          'echo "greeting=hello" >> "$GITHUB_OUTPUT"',
          'echo "exit-code=0" >> "$GITHUB_OUTPUT"',
          'echo "FROM_GUEST=yes" >> "$GITHUB_ENV"',
          'echo "guest summary line" >> "$GITHUB_STEP_SUMMARY"',
          'exit 2'
        ].join('\n')
      }
    })
    expect(result.code).toBe(1)
    expect(result.outputs).toEqual({ greeting: 'hello', 'exit-code': '2', 'timed-out': 'false' })
    expect(result.stdout).toContain(
      "::warning::the guest's GITHUB_OUTPUT sets exit-code, which is this step's own output; skipped\n"
    )
    expect(result.stdout).toContain(
      '::warning::the guest wrote to GITHUB_ENV; it was dropped: set export-env: true to pass it to later steps\n'
    )
    expect(errorLines(result)).toEqual(['commands exited with code 2'])
    expect(fs.readFileSync(result.scratch.files.env, 'utf8')).toBe('')
    expect(result.summary).toMatch(/^guest summary line\n/)
    expect(fs.readFileSync(result.scratch.files.path, 'utf8')).toBe(`${path.join(result.scratch.temp, LAUNCHER_DIR)}\n`)
    expect(result.leftInTemp).toEqual([])
  })

  it('passes GITHUB_ENV through with export-env: true', async () => {
    const result = await runAction({
      inputs: { commands: 'echo "FROM_GUEST=yes" >> "$GITHUB_ENV"', 'export-env': 'true' }
    })
    expect(result.code).toBe(0)
    expect(parseFileCommands(fs.readFileSync(result.scratch.files.env, 'utf8'))).toEqual({ FROM_GUEST: 'yes' })
  })

  it('without export-env, runs a script that writes GITHUB_ENV and GITHUB_PATH and drops what it wrote', async () => {
    const result = await runAction({
      inputs: { commands: 'echo "FROM_GUEST=yes" >> "$GITHUB_ENV"\necho /opt/tool/bin >> "$GITHUB_PATH"\nexit 6' }
    })
    expect(result.outputs['exit-code']).toBe('6')
    expect(errorLines(result)).toEqual(['commands exited with code 6'])
    expect(result.stdout).toContain(
      '::warning::the guest wrote to GITHUB_ENV and GITHUB_PATH; they were dropped: set export-env: true to pass them to later steps\n'
    )
    expect(fs.readFileSync(result.scratch.files.env, 'utf8')).toBe('')
    expect(fs.readFileSync(result.scratch.files.path, 'utf8')).toBe(`${path.join(result.scratch.temp, LAUNCHER_DIR)}\n`)
  })
})

describeTier(['standin', 'registry'], 'a private image for later steps', () => {
  describe('pulled by a setup step with registry credentials', () => {
    const login = { username: 'ci-user', password: 'registry-pass-7d1c0f' }
    const architecture = process.arch === 'arm64' ? 'arm64' : 'amd64'

    it('masks the password first, sets image-digest, and later steps run the image from the same cache without the registry', async () => {
      const registry = await startRegistry({ login })
      let setup: ActionResult
      let digest: string
      const toolCache = fs.mkdtempSync(path.join(os.tmpdir(), 'krun-tool-cache-'))
      try {
        digest = (
          await pushImage(registry, 'private', { architecture, tag: '1', layers: [{ entries: busyboxEntries() }] })
        ).digest
        setup = await runAction({
          inputs: {
            image: `${registry.host}/private:1`,
            'registry-username': login.username,
            'registry-password': login.password
          },
          env: { RUNNER_TOOL_CACHE: toolCache }
        })
      } finally {
        await registry.stop()
      }
      try {
        expect(errorLines(setup)).toEqual([])
        expect(setup.code).toBe(0)
        expect(setup.outputs).toEqual({ 'image-digest': digest })
        // Masked before anything else is written, and shown nowhere else.
        expect(setup.stdout.split('\n')[0]).toBe(`::add-mask::${login.password}`)
        expect((setup.stdout + setup.stderr).split(login.password)).toHaveLength(2)
        const settingsFile = path.join(setup.scratch.temp, LAUNCHER_DIR, SETTINGS_FILE)
        expect(fs.readFileSync(settingsFile, 'utf8')).not.toContain(login.password)
        expect(fs.readdirSync(path.join(toolCache, 'krun-action', 'images'))).toContain('roots')

        // The runner gives every step of the job the same RUNNER_TOOL_CACHE.
        const later = await runStep(setup, 'cat /etc/hostname', { jobEnv: { RUNNER_TOOL_CACHE: toolCache } })
        expect(later).toMatchObject({ code: 0, stdout: 'image\n' })
        expect(later.stderr).not.toMatch(/Pulling|Fetching|downloaded/i)
        expect(fs.existsSync(path.join(setup.scratch.dir, '.cache'))).toBe(false)
      } finally {
        fs.rmSync(toolCache, { recursive: true, force: true })
      }
    })
  })
})
