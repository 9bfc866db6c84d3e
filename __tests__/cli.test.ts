/** krun-run end to end: the bundled CLI against the stand-in libkrun. */
import { spawn } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { DIST, REPO, STANDIN, makeScratch, removeScratches } from '../__fixtures__/action-runner.js'
import { describeTier } from '../__fixtures__/tiers.js'
import { commandsBesidesFences, fences, runnerView } from '../__fixtures__/workflow-commands.js'

interface CliResult {
  code: number | null
  stdout: string
  stderr: string
  leftInTemp: string[]
}

function runCli(
  args: string[],
  options: { stdin?: string; env?: Record<string, string>; command?: string[] } = {}
): Promise<CliResult> {
  const scratch = makeScratch()
  const command = options.command ?? [process.execPath, path.join(DIST, 'cli', 'index.js'), ...args]
  const child = spawn(command[0], command.slice(1), {
    cwd: scratch.workspace,
    env: {
      PATH: process.env.PATH,
      HOME: scratch.dir,
      TMPDIR: scratch.temp,
      KRUN_LIBRARY: STANDIN,
      TERM: 'dumb',
      ...options.env
    },
    stdio: ['pipe', 'pipe', 'pipe']
  })
  child.stdin.end(options.stdin ?? '')
  let stdout = ''
  let stderr = ''
  child.stdout.on('data', (chunk) => (stdout += chunk))
  child.stderr.on('data', (chunk) => (stderr += chunk))
  return new Promise((resolve) =>
    child.on('close', (code) => resolve({ code, stdout, stderr, leftInTemp: fs.readdirSync(scratch.temp) }))
  )
}

afterAll(removeScratches)

describeTier('standin', 'krun-run end to end', () => {
  it('runs commands from stdin, one per line, comments and blank lines harmless, and exits with their code', async () => {
    const result = await runCli([], { stdin: 'echo one\n\n# a comment\necho two\nexit 3\n' })
    expect(result).toEqual({ code: 3, stdout: 'one\ntwo\n', stderr: '', leftInTemp: [] })
  })

  it('runs -c commands and a commands file', async () => {
    expect((await runCli(['-c', 'echo inline; exit 5'])).code).toBe(5)
    const scratch = makeScratch()
    const file = path.join(scratch.dir, 'steps.sh')
    fs.writeFileSync(file, 'echo from file\n')
    expect(await runCli([file])).toMatchObject({ code: 0, stdout: 'from file\n' })
  })

  it('passes --env entries, a bare name taking the host value', async () => {
    const result = await runCli(['--env', 'A=x y', '--env', 'TOKEN', '-c', 'echo "$A|$TOKEN"'], {
      env: { TOKEN: 'from-host' }
    })
    expect(result.stdout).toBe('x y|from-host\n')
  })

  it('exits 125 with one line naming the flag for a usage error', async () => {
    expect(await runCli(['--cpus', '0', '-c', 'true'])).toEqual({
      code: 125,
      stdout: '',
      stderr: 'krun-run: --cpus: "0" is out of range; expected a whole number from 1 to 255\n',
      leftInTemp: []
    })
    expect((await runCli(['--frobnicate'])).stderr).toBe(
      'krun-run: --frobnicate: is not an option of krun-run; see --help\n'
    )
    expect((await runCli(['--workdir', 'rel', '-c', 'true'])).stderr).toMatch(/^krun-run: --workdir: "rel" is relative/)
  })

  it('names KRUN_REGISTRY_PASSWORD, where krun-run takes the password from, and never shows it', async () => {
    const image = ['--image', '127.0.0.1:1/private:1', '-c', 'true']
    expect(await runCli(['--registry-username', 'me', ...image])).toEqual({
      code: 125,
      stdout: '',
      stderr: 'krun-run: KRUN_REGISTRY_PASSWORD: is empty but registry-username is set; give both, or neither\n',
      leftInTemp: []
    })
    expect((await runCli(image, { env: { KRUN_REGISTRY_PASSWORD: 'pw-c41e' } })).stderr).toBe(
      'krun-run: KRUN_REGISTRY_PASSWORD: is set but registry-username is not; give both, or neither\n'
    )
  })

  it('says where empty commands came from', async () => {
    expect((await runCli([], { stdin: '\n  \n' })).stderr).toBe(
      'krun-run: stdin: is empty; give at least one shell command to run in the microVM\n'
    )
    expect((await runCli(['-c', ' '])).stderr).toBe(
      'krun-run: -c: is empty; give at least one shell command to run in the microVM\n'
    )
    const file = path.join(makeScratch().dir, 'empty.sh')
    fs.writeFileSync(file, '\n')
    expect((await runCli([file])).stderr).toBe(
      `krun-run: ${file}: is empty; give at least one shell command to run in the microVM\n`
    )
  })

  it('exits 125 with one line for a host error', async () => {
    const result = await runCli(['-c', 'true'], { env: { KRUN_KVM_DEVICE: '/nonexistent/kvm' } })
    expect(result.code).toBe(125)
    expect(result.stderr).toMatch(/^krun-run: \/nonexistent\/kvm does not exist: [^\n]*\n$/)
  })

  it('exits 124 on timeout', async () => {
    const result = await runCli(['--timeout', '1s', '-c', 'sleep 60'])
    expect(result).toMatchObject({ code: 124, stderr: 'krun-run: timed out after 1s\n', leftInTemp: [] })
  })

  it('takes --network and repeated --port, naming --port in its messages', async () => {
    expect(await runCli(['--network', 'none', '-c', 'ls /sys/class/net'])).toMatchObject({ code: 0, stdout: 'lo\n' })
    expect(await runCli(['--port', '8080:80', '--port', '8081:81', '-c', 'true'])).toMatchObject({
      code: 0,
      stderr: ''
    })
    expect((await runCli(['--port', '8080:80', '--port', '8080:81', '-c', 'true'])).stderr).toBe(
      'krun-run: --port: line 2 ("8080:81") exposes host port 8080 a second time; give each host port once\n'
    )
  })

  it('with libkrun 1.16: refuses --network none naming the flag, and warns on stderr that the base is read-only only inside the guest', async () => {
    const standin116 = path.join(REPO, 'native/build/standin-1.16/libkrun.so.1')
    const refused = await runCli(['--network', 'none', '-c', 'true'], { env: { KRUN_LIBRARY: standin116 } })
    expect(refused).toEqual({
      code: 125,
      stdout: '',
      stderr: `krun-run: --network: none needs libkrun 1.17 or newer (${standin116} lacks krun_disable_implicit_vsock); install a newer libkrun or use network tsi\n`,
      leftInTemp: []
    })
    expect(await runCli(['-c', 'echo ok'], { env: { KRUN_LIBRARY: standin116 } })).toEqual({
      code: 0,
      stdout: 'ok\n',
      stderr:
        'krun-run: warning: this libkrun has no krun_add_virtiofs3 (libkrun 1.18): the base filesystem is read-only only inside the guest, which could remount it\n',
      leftInTemp: []
    })
  })

  it('fences the guest output in a GitHub job, stderr with stdout, and never by hand or at a terminal', async () => {
    const commands = ['-c', "echo '::error::from the guest'; echo err >&2"]
    const inJob = await runCli(commands, { env: { GITHUB_ACTIONS: 'true' } })
    expect(inJob).toMatchObject({ code: 0, stderr: '' })
    expect(commandsBesidesFences(runnerView(inJob.stdout))).toEqual([])
    expect(fences(inJob.stdout).map((fence) => fence.inside)).toEqual(['::error::from the guest\nerr\n'])
    const byHand = await runCli(commands)
    expect(byHand).toMatchObject({ code: 0, stdout: '::error::from the guest\n', stderr: 'err\n' })
    const interactive = await runCli([], {
      command: [
        'script',
        '-qec',
        `${process.execPath} ${path.join(DIST, 'cli', 'index.js')} --workspace none`,
        '/dev/null'
      ],
      stdin: 'echo "answer-$((6 * 7))"\nexit 0\n',
      env: { GITHUB_ACTIONS: 'true' }
    })
    expect(interactive.stdout).toContain('answer-42')
    expect(fences(interactive.stdout)).toEqual([])
    expect(interactive.stdout).not.toContain('::stop-commands::')
  })

  it('prints help', async () => {
    const result = await runCli(['--help'])
    expect(result.code).toBe(0)
    expect(result.stdout).toMatch(/^Usage: krun-run \[options\] \[FILE\]/)
    expect(result.stdout).toMatch(/^ {2}--network MODE {10}public .* \(default: public\)$/m)
    expect(result.stdout).toMatch(/^ {2}--port HOST:GUEST {7}expose a guest port on the host \(repeatable/m)
  })

  it('opens an interactive guest shell when stdin is a terminal and no commands are given', async () => {
    const cli = `${process.execPath} ${path.join(DIST, 'cli', 'index.js')} --workspace none`
    const result = await runCli([], {
      command: ['script', '-qec', cli, '/dev/null'],
      stdin: 'echo "answer-$((6 * 7))"\nexit 4\n'
    })
    expect(result.stdout).toContain('answer-42')
    expect(result.code).toBe(4)
  })
})
