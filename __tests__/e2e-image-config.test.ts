/**
 * The image config's Env, WorkingDir and User applied, end to end: images built here whose
 * config sets them, served by a registry on loopback, run by the bundled action and krun-run
 * on the stand-in libkrun (whose guest is the real init, so the switch of user is real).
 */
import { spawn } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { DIST, STANDIN, errorLines, makeScratch, removeScratches, runAction } from '../__fixtures__/action-runner.js'
import { describeTier } from '../__fixtures__/tiers.js'
import {
  type LayerEntry,
  busyboxEntries,
  pushImage,
  startRegistry,
  type TestRegistry
} from '../__fixtures__/registry.js'

const architecture = process.arch === 'arm64' ? 'arm64' : 'amd64'

afterAll(removeScratches)

/** A busybox root with accounts: app (1000) in group staff (50) besides its own, and a tool outside the default PATH. */
function rootEntries(): LayerEntry[] {
  return [
    ...busyboxEntries(),
    ...['id', 'pwd', 'touch'].map((applet) => ({
      name: `bin/${applet}`,
      type: 'symlink' as const,
      linkname: 'busybox'
    })),
    { name: 'etc/passwd', content: 'root:x:0:0:root:/root:/bin/sh\napp:x:1000:1000:App:/home/app:/bin/sh\n' },
    { name: 'etc/group', content: 'root:x:0:\napp:x:1000:\nstaff:x:50:other,app\n' },
    { name: 'root/', type: 'directory', mode: 0o700 },
    { name: 'home/', type: 'directory' },
    { name: 'home/app/', type: 'directory', mode: 0o700, uid: 1000, gid: 1000 },
    { name: 'srv/', type: 'directory' },
    { name: 'srv/app/', type: 'directory', uid: 1000, gid: 1000 },
    { name: 'opt/', type: 'directory' },
    { name: 'opt/tools/', type: 'directory' },
    { name: 'opt/tools/bin/', type: 'directory' },
    { name: 'opt/tools/bin/hello', content: '#!/bin/sh\necho hello from the tools\n', mode: 0o755 }
  ]
}

/** Prints what the commands see, one fact a line. */
const REPORT = [
  'hello || echo no-hello',
  'echo "greeting=$GREETING"',
  'echo "pwd=$(pwd)"',
  'echo "ids=$(id -u) $(id -g) $(id -G)"',
  'echo "home=$HOME"',
  'touch "$HOME/written" && echo home-writable',
  'echo "seen=yes" >> "$GITHUB_OUTPUT"'
].join('\n')

describeTier(['standin', 'registry'], "an image's Env, WorkingDir and User, end to end", () => {
  let registry: TestRegistry
  let toolCache: string
  let configured: string
  let ghost: string
  let unmade: string

  beforeAll(async () => {
    registry = await startRegistry()
    const layers = [{ entries: rootEntries() }]
    await pushImage(registry, 'configured', {
      architecture,
      tag: '1',
      layers,
      env: ['PATH=/opt/tools/bin:/bin', 'GREETING=from the image'],
      workingDir: '/srv/app',
      user: 'app'
    })
    await pushImage(registry, 'ghost', { architecture, tag: '1', layers, user: 'ghost' })
    await pushImage(registry, 'unmade', { architecture, tag: '1', layers, workingDir: '/srv/made/here', user: 'app' })
    unmade = `${registry.host}/unmade:1`
    configured = `${registry.host}/configured:1`
    ghost = `${registry.host}/ghost:1`
    toolCache = path.join(makeScratch().dir, 'tool-cache')
  })
  afterAll(async () => registry?.stop())

  const run = (inputs: Record<string, string>) =>
    runAction({ inputs: { commands: REPORT, ...inputs }, env: { RUNNER_TOOL_CACHE: toolCache } })

  it('applies Env (its PATH too), WorkingDir and User, with the user’s groups and home, and names them in the summary', async () => {
    const result = await run({ image: configured, workspace: 'none' })
    expect(errorLines(result)).toEqual([])
    expect(result.code).toBe(0)
    expect(result.stdout).toContain(
      'hello from the tools\ngreeting=from the image\npwd=/srv/app\nids=1000 1000 1000 50\nhome=/home/app\nhome-writable\n'
    )
    // The file commands stay writable for a user other than root.
    expect(result.outputs.seen).toBe('yes')
    expect(result.summary).toContain('Env (PATH, GREETING), WorkingDir /srv/app, User app')
    expect(result.summary).toContain('app (uid 1000, gid 1000, groups 50)')
    expect(result.leftInTemp).toEqual([])
  })

  it('makes a WorkingDir the image lacks, owned by root, as docker does', async () => {
    const result = await run({ image: unmade, workspace: 'none', commands: 'pwd; id -u; ls -ldn .' })
    expect(errorLines(result)).toEqual([])
    expect(result.stdout).toMatch(/\/srv\/made\/here\n1000\ndrwxr-xr-x +\d+ 0 +0 /)
  })

  it('lets env and user override the image, and a workspace keeps the working directory', async () => {
    const scratch = makeScratch()
    const result = await runAction({
      scratch,
      inputs: { image: configured, user: 'root', env: 'GREETING=mine\nPATH=/bin', commands: REPORT },
      env: { RUNNER_TOOL_CACHE: toolCache }
    })
    expect(errorLines(result)).toEqual([])
    expect(result.stdout).toContain(
      `no-hello\ngreeting=mine\npwd=${scratch.workspace}\nids=0 0 0\nhome=/root\nhome-writable\n`
    )
    expect(result.summary).toContain('Image config applied')
    expect(result.summary).not.toContain('User app')
    expect(result.summary).not.toContain('Env (')
    expect(result.summary).toContain('root (uid 0, gid 0)')
  })

  it('takes uid:gid and name:group, which set the group alone', async () => {
    const numeric = await run({
      image: configured,
      workspace: 'none',
      user: '4321:50',
      commands: 'id -u; id -g; id -G; echo "$HOME"'
    })
    expect(errorLines(numeric)).toEqual([])
    expect(numeric.stdout).toContain('4321\n50\n50\n/\n')
    const named = await run({
      image: configured,
      workspace: 'none',
      user: 'app:staff',
      commands: 'id -u; id -g; id -G'
    })
    expect(errorLines(named)).toEqual([])
    expect(named.stdout).toContain('1000\n50\n50\n')
  })

  it('fails in one line naming the image when its User is not in its /etc/passwd, before the guest starts', async () => {
    const result = await run({ image: ghost, commands: 'touch ran' })
    expect(result.code).toBe(1)
    expect(errorLines(result)).toEqual([
      `Input "image": ${ghost}: its config's User "ghost" cannot be used: its /etc/passwd has no user "ghost"; set user (e.g. user: root)`
    ])
    expect(result.record).not.toMatch(/krun_start_enter/)
    expect(fs.existsSync(path.join(result.scratch.workspace, 'ran'))).toBe(false)
    expect(result.leftInTemp).toEqual([])
  })

  it('refuses a user input the image lacks, naming the input and the image', async () => {
    const result = await run({ image: configured, user: 'nobody', commands: 'touch ran' })
    expect(result.code).toBe(1)
    expect(errorLines(result)).toEqual([
      `Input "user": "nobody" cannot be used in image ${configured}: its /etc/passwd has no user "nobody"; expected a user of its /etc/passwd, or a uid`
    ])
    expect(result.record).not.toMatch(/krun_start_enter/)
  })

  it('krun-run applies the config the same way, and --user overrides its User', async () => {
    const scratch = makeScratch()
    const cli = async (...args: string[]) => {
      const child = spawn(process.execPath, [path.join(DIST, 'cli', 'index.js'), '--image', configured, ...args], {
        cwd: scratch.workspace,
        env: {
          PATH: process.env.PATH,
          HOME: scratch.dir,
          TMPDIR: scratch.temp,
          XDG_CACHE_HOME: path.join(scratch.dir, 'cache'),
          KRUN_LIBRARY: STANDIN
        },
        stdio: ['ignore', 'pipe', 'pipe']
      })
      let stdout = ''
      child.stdout.on('data', (chunk) => (stdout += chunk))
      const code = await new Promise((resolve) => child.on('close', resolve))
      return { code, stdout }
    }
    const asImage = await cli('--workspace', 'none', '-c', 'hello; pwd; id -u; echo "$GREETING"')
    expect(asImage).toEqual({ code: 0, stdout: 'hello from the tools\n/srv/app\n1000\nfrom the image\n' })
    expect(await cli('--workspace', 'none', '--user', 'root', '-c', 'id -u; echo "$HOME"')).toEqual({
      code: 0,
      stdout: '0\n/root\n'
    })
  })
})
