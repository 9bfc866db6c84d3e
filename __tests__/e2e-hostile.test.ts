/**
 * The guest is hostile: the bundled action against the stand-in libkrun, with a guest that
 * attacks what the host reads back (its run records, through /proc/1/root: PID 1 is the
 * init, whose root is the run directory's root share), and with inputs that tried to
 * mislead the host's checks.
 */
import { execFileSync, spawnSync } from 'node:child_process'
import fs from 'node:fs'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import path from 'node:path'
import {
  type ActionResult,
  DIST,
  type RunOptions,
  STANDIN,
  type Scratch,
  errorLines,
  makeScratch,
  removeScratches,
  runAction
} from '../__fixtures__/action-runner.js'
import { describeTier } from '../__fixtures__/tiers.js'
import { mountTmpfs } from '../__fixtures__/tmpfs.js'
import { commandsBesidesFences, fences, runnerView } from '../__fixtures__/workflow-commands.js'
import { TAMPERED } from '../src/engine/guest/outcome.js'

afterAll(removeScratches)

/** The guest's view of its own records: the init's root is the run directory's root share. */
const RECORDS = '/proc/1/root/.krun'
const SECRET = 'hunter2-s3cr3t-value'

async function run(options: RunOptions): Promise<ActionResult> {
  const result = await runAction({ ...options, inputs: { timeout: '60', ...options.inputs } })
  expect(result.leftInTemp).toEqual([])
  return result
}

/** Nothing of the secret reaches the log or the job summary. */
function expectNoSecret(result: ActionResult): void {
  for (const text of [result.stdout, result.stderr, result.summary]) {
    expect(text).not.toContain(SECRET)
    expect(text).not.toContain('INPUT_')
  }
}

/** Replaces the status record the init holds open, so the host finds what the attack leaves there. */
const BLOCK_STATUS = `rm -f ${RECORDS}/status`

describeTier('standin', 'a guest that tampers with its run records', () => {
  it.each([
    ['a link to the action process environment as init-error', `ln -s /proc/self/environ ${RECORDS}/init-error`],
    [
      'a link to the action process environment as status',
      `${BLOCK_STATUS}; ln -s /proc/self/environ ${RECORDS}/status`
    ],
    ['a FIFO as status', `${BLOCK_STATUS}; mkfifo ${RECORDS}/status`],
    ['a link to /dev/zero as status', `${BLOCK_STATUS}; ln -s /dev/zero ${RECORDS}/status`],
    ['a status that is too long', `${BLOCK_STATUS}; head -c 100000 /dev/zero > ${RECORDS}/status`],
    ['a status in another format', `${BLOCK_STATUS}; echo "exited 0 $TOKEN" > ${RECORDS}/status`],
    ['a records directory replaced by a link', `mv ${RECORDS} ${RECORDS}.old; ln -s /proc/self ${RECORDS}`]
  ])('fails the step without reading %s', async (_what, attack) => {
    const result = await run({ inputs: { commands: attack, env: `TOKEN=${SECRET}` } })
    expect(errorLines(result)).toEqual([expect.stringMatching(new RegExp(`^${TAMPERED} \\(\\.krun/[a-z-]+\\)$`))])
    expect(result.outputs['exit-code']).toBeUndefined()
    expect(result.summary).toContain(TAMPERED)
    expectNoSecret(result)
    // Nothing hung until the step's timeout: the VM process ended by itself, with the attack's exit
    // code 0. Stopped at the timeout, the init or the commands would have been interrupted (exit 130)
    // or killed (no krun_start_enter line at all).
    expect(result.record).toMatch(/^krun_start_enter\(.*\) -> exit 0$/m)
  })

  it('never shows a host file the guest linked to', async () => {
    const scratch = makeScratch()
    const hostFile = path.join(scratch.dir, 'host-only')
    fs.writeFileSync(hostFile, SECRET, { mode: 0o600 })
    const result = await run({
      scratch,
      inputs: { commands: `${BLOCK_STATUS}; ln -s ${hostFile} ${RECORDS}/init-error`, workspace: 'none' }
    })
    expect(errorLines(result)).toEqual([`${TAMPERED} (.krun/init-error)`])
    expectNoSecret(result)
  })

  it('removes the run directory without following links the guest planted in it', async () => {
    const scratch = makeScratch()
    const hostDir = path.join(scratch.dir, 'keep')
    fs.mkdirSync(hostDir)
    fs.writeFileSync(path.join(hostDir, 'file'), 'kept')
    const result = await run({
      scratch,
      inputs: { commands: `ln -s ${hostDir} ${RECORDS}/planted; ln -s ${hostDir} /proc/1/root/planted` }
    })
    expect(result.outputs['exit-code']).toBe('0')
    expect(fs.readFileSync(path.join(hostDir, 'file'), 'utf8')).toBe('kept')
  })
})

/** A run that must fail on its inputs, before anything starts. */
async function refused(options: RunOptions): Promise<string[]> {
  const result = await run(options)
  expect(result.outputs['exit-code']).toBeUndefined()
  expect(result.record).toBe('')
  return errorLines(result)
}

describeTier('standin', 'inputs that mislead the host checks', () => {
  it('refuses a workspace that is a link to /', async () => {
    const scratch = makeScratch()
    const link = path.join(scratch.dir, 'to-root')
    fs.symlinkSync('/', link)
    expect(await refused({ scratch, inputs: { commands: 'touch /krun-hostile-marker', workspace: link } })).toEqual([
      `Input "workspace": "${link}" leads to / and would share the whole host read-write; name a project directory, or none`
    ])
    expect(fs.existsSync('/krun-hostile-marker')).toBe(false)
  })

  it('refuses a libkrun that is a FIFO without blocking on it', async () => {
    const scratch = makeScratch()
    const fifo = path.join(scratch.dir, 'libkrun.so.1')
    execFileSync('mkfifo', [fifo])
    expect(await refused({ scratch, inputs: { commands: 'true', libkrun: fifo } })).toEqual([
      `Input "libkrun": "${fifo}" is not a regular file; expected the path of libkrun.so.1`
    ])
  })

  it('names the input for an executable, a truncated library, and one that does not load', async () => {
    const scratch = makeScratch()
    const truncated = path.join(scratch.dir, 'truncated.so')
    fs.writeFileSync(truncated, fs.readFileSync(STANDIN).subarray(0, 4096))
    const empty = path.join(scratch.dir, 'empty.so')
    execFileSync('cc', ['-shared', '-fPIC', '-Wl,-soname,libkrun.so.1', '-x', 'c', '-', '-o', empty], {
      input: 'int unrelated;\n'
    })
    const ls = fs.realpathSync('/bin/ls')
    expect(await refused({ scratch, inputs: { commands: 'true', libkrun: ls } })).toEqual([
      `Input "libkrun": "${ls}" is an executable, not a shared library; expected the path of libkrun.so.1`
    ])
    expect(await refused({ scratch, inputs: { commands: 'true', libkrun: truncated } })).toEqual([
      `Input "libkrun": "${truncated}" is truncated; expected the path of libkrun.so.1`
    ])
    const [line] = await refused({ scratch, inputs: { commands: 'true' }, libkrun: empty })
    expect(line).toMatch(new RegExp(`^Input "KRUN_LIBRARY": cannot load ${empty}: `))
  })

  it.each([
    ['rootfs', { rootfs: '/proc' }, /^Input "rootfs": "\/proc" has no sh /],
    ['env', { env: 'PATH=/nowhere' }, /^Input "env": its PATH does not lead to the shell "sh" /],
    ['workdir', { workdir: '/no/such/dir' }, /^Input "workdir": "\/no\/such\/dir" is not a directory in the guest/]
  ])('names %s when it is what keeps the commands from starting', async (_input, inputs, line) => {
    expect(await refused({ inputs: { commands: 'true', ...inputs } })).toEqual([expect.stringMatching(line)])
  })

  it('refuses a rootfs inside the workspace', async () => {
    const scratch = makeScratch()
    fs.mkdirSync(path.join(scratch.workspace, 'root'))
    const [line] = await refused({
      scratch,
      inputs: { commands: 'true', rootfs: path.join(scratch.workspace, 'root') }
    })
    expect(line).toMatch(/^Input "rootfs": ".*\/root" is inside the workspace .*, which the guest can write/)
  })

  it('never quotes a secret from a malformed env line', async () => {
    const key = ['-----BEGIN KEY-----', `MII${SECRET}+/==`, '-----END KEY-----'].join('\n')
    for (const env of [`A=1\n${key}`, `MII${SECRET}+/==`, `${SECRET} x<<EOF\nv\nEOF`, `KEY<<${SECRET}\nv`]) {
      const result = await run({ inputs: { commands: 'true', env } })
      expect(errorLines(result)).toEqual([expect.stringMatching(/^Input "env": line [0-9]+/)])
      expectNoSecret(result)
      expect(result.stdout).not.toContain('MII')
    }
  })
})

describeTier('standin', 'a guest that prints workflow commands', () => {
  const ATTACK = [
    "echo '::error::forged by the guest'",
    "echo '::add-mask::hidden-by-the-guest' >&2",
    "echo '::stop-commands::guest-token'",
    "echo '::set-output name=exit-code::0'",
    "printf '::warning::no newline at the end'",
    'exit 3'
  ].join('\n')
  const PRINTED = [
    '::error::forged by the guest',
    '::add-mask::hidden-by-the-guest',
    '::stop-commands::guest-token',
    '::set-output name=exit-code::0',
    '::warning::no newline at the end'
  ].join('\n')

  it("gets none acted on, and cannot hide the action's own lines", async () => {
    const result = await run({ inputs: { commands: ATTACK } })
    const view = runnerView(result.stdout)
    expect(commandsBesidesFences(view)).toEqual([{ name: 'error', data: 'commands exited with code 3' }])
    expect(view.stoppedAtEnd).toBe(false)
    // Its stderr is fenced with its stdout, in the order it printed them.
    expect(fences(result.stdout).map((fence) => fence.inside)).toEqual([PRINTED])
    expect(runnerView(result.stderr).commands).toEqual([])
    expect(result.outputs['exit-code']).toBe('3')
  })

  it('cannot know the token: fresh for each run, masked, and nowhere the guest can look', async () => {
    const look = [
      'env',
      'cat /proc/[0-9]*/cmdline /proc/[0-9]*/environ',
      `find ${RECORDS} -maxdepth 1 -type f -exec cat {} +`,
      'find /run/krun-action -maxdepth 2 -type f -exec cat {} +'
    ].join('; ')
    const runs = [
      await run({ inputs: { commands: `(${look}) > seen 2>&1` } }),
      await run({ inputs: { commands: `(${look}) > seen 2>&1` } })
    ]
    const tokens = runs.map((result) => fences(result.stdout).map((fence) => fence.token))
    expect(tokens).toEqual([[expect.stringMatching(/^[0-9a-f]{32}$/)], [expect.stringMatching(/^[0-9a-f]{32}$/)]])
    expect(tokens[0][0]).not.toBe(tokens[1][0])
    for (const [i, result] of runs.entries()) {
      const seen = fs.readFileSync(path.join(result.scratch.workspace, 'seen'), 'utf8')
      expect(seen.length).toBeGreaterThan(0)
      expect(seen).not.toContain(tokens[i][0])
      // Masked before the runner first shows it.
      expect(result.stdout.indexOf(`::add-mask::${tokens[i][0]}\n`)).toBe(result.stdout.indexOf(tokens[i][0]) - 12)
    }
  })

  it('with guest-workflow-commands: true, gets them acted on, as the action printed them', async () => {
    const result = await run({
      inputs: { commands: "echo '::notice::from the guest'; echo apart >&2", 'guest-workflow-commands': 'true' }
    })
    expect(result.outputs['exit-code']).toBe('0')
    expect(fences(result.stdout)).toEqual([])
    expect(runnerView(result.stdout).commands).toEqual([{ name: 'notice', data: 'from the guest' }])
    expect(result.stderr).toBe('apart\n')
  })
})

describeTier('standin', 'what the guest hands back for display', () => {
  it('escapes the commands and guest-chosen text in the job summary', async () => {
    const commands = "echo '</code><img src=x onerror=alert(1)>'\necho '<script>alert(1)</script>'\nexit 4"
    const result = await run({ inputs: { commands } })
    expect(result.outputs['exit-code']).toBe('4')
    expect(result.summary).not.toMatch(/<img|<script|<\/code><img/)
    expect(result.summary).toContain('&#60;img src=x onerror=alert(1)&#62;')
    expect(result.summary).toContain('&#60;script&#62;')
  })

  it('passes a CLI commands file to the guest byte for byte', () => {
    const scratch = makeScratch()
    const bytes = Buffer.concat([
      Buffer.from('# not UTF-8: '),
      Buffer.from([0xff, 0xfe, 0x20, 0x80]),
      Buffer.from("\nprintf '"),
      Buffer.from([0xff, 0xfe, 0x80]),
      Buffer.from('\' > out.bin\ncp "$0" script.copy\n')
    ])
    const file = path.join(scratch.dir, 'script.sh')
    fs.writeFileSync(file, bytes)
    const result = spawnSync(process.execPath, [path.join(DIST, 'cli', 'index.js'), file], {
      cwd: scratch.workspace,
      env: { PATH: process.env.PATH, HOME: scratch.dir, TMPDIR: scratch.temp, KRUN_LIBRARY: STANDIN },
      encoding: 'utf8'
    })
    expect(result.stderr).toBe('')
    expect(result.status).toBe(0)
    expect(fs.readFileSync(path.join(scratch.workspace, 'out.bin'))).toEqual(Buffer.from([0xff, 0xfe, 0x80]))
    expect(fs.readFileSync(path.join(scratch.workspace, 'script.copy'))).toEqual(bytes)
    expect(fs.readdirSync(scratch.temp)).toEqual([])
  })
})

describeTier('standin', 'a full disk under RUNNER_TEMP', () => {
  /** RUNNER_TEMP and the workspace on one small tmpfs, unmounted afterwards. */
  async function onSmallDisk(commands: string): Promise<ActionResult> {
    const base = makeScratch()
    const disk = path.join(base.dir, 'disk')
    const unmount = mountTmpfs(disk, '8m')
    try {
      const scratch: Scratch = { ...base, temp: path.join(disk, 'temp'), workspace: path.join(disk, 'workspace') }
      fs.mkdirSync(scratch.temp)
      fs.mkdirSync(scratch.workspace)
      return await run({ scratch, inputs: { commands } })
    } finally {
      unmount()
    }
  }
  const FILL = 'dd if=/dev/zero of=fill bs=64k 2>/dev/null || true; df -k . | tail -1'

  it('still records the exit code: the status record needs no new space', async () => {
    const result = await onSmallDisk(`${FILL}\nexit 3`)
    expect(result.outputs['exit-code']).toBe('3')
    expect(errorLines(result)).toEqual(['commands exited with code 3'])
  })

  it('says the disk is full, with the exit code, when the status could not be recorded', async () => {
    // As when creating the record failed: no status is left for the host to read.
    const result = await onSmallDisk(`rm -f ${RECORDS}/status\n${FILL}\nexit 3`)
    expect(errorLines(result)).toEqual([
      expect.stringMatching(
        /^the disk holding RUNNER_TEMP \(\S+\) is full: the guest's status could not be recorded; the VM process exited with code 3$/
      )
    ])
    expect(result.outputs['exit-code']).toBe('3')
  })
})

/** The set-user-ID, set-group-ID and sticky bits and the permissions of a file, as chmod writes them. */
const modeOf = (file: string): number => fs.lstatSync(file).mode & 0o7777

/** krun-run run as a person runs it, with the stand-in libkrun, in the scratch's workspace. */
function krunRun(scratch: Scratch, args: string[]): { status: number | null; stderr: string } {
  const result = spawnSync(process.execPath, [path.join(DIST, 'cli', 'index.js'), ...args], {
    cwd: scratch.workspace,
    env: { PATH: process.env.PATH, HOME: scratch.dir, TMPDIR: scratch.temp, KRUN_LIBRARY: STANDIN },
    encoding: 'utf8'
  })
  return { status: result.status, stderr: result.stderr }
}

describeTier('standin', 'what the guest leaves in the workspace', () => {
  /** Device nodes and set-ID files the guest makes, a FIFO, and a link out of the workspace. */
  const LEAVE = [
    'mknod -m 666 disk b 7 0',
    'mkdir -p deep/er && mknod -m 666 deep/er/tty c 5 0',
    'cp /bin/true suid && chmod 4755 suid',
    'cp /bin/true sgid && chmod 2755 sgid',
    'chmod 4755 made-setuid',
    'mkfifo fifo',
    'ln -s "$OUTSIDE" out'
  ].join('\n')

  /** What the host had before the run: a device node, a set-user-ID file, a plain file; and a directory outside. */
  function before(scratch: Scratch): string {
    const w = scratch.workspace
    execFileSync('mknod', ['-m', '600', path.join(w, 'own-null'), 'c', '1', '3'])
    fs.copyFileSync('/bin/true', path.join(w, 'own-setuid'))
    fs.chmodSync(path.join(w, 'own-setuid'), 0o4755)
    fs.copyFileSync('/bin/true', path.join(w, 'made-setuid'))
    fs.chmodSync(path.join(w, 'made-setuid'), 0o755)
    const outside = path.join(scratch.dir, 'outside')
    fs.mkdirSync(outside)
    execFileSync('mknod', ['-m', '666', path.join(outside, 'disk'), 'b', '7', '0'])
    fs.copyFileSync('/bin/true', path.join(outside, 'suid'))
    fs.chmodSync(path.join(outside, 'suid'), 0o4755)
    return outside
  }

  /** Outside the workspace nothing changed, and what the host had before the run is as it was. */
  function expectUntouched(scratch: Scratch, outside: string): void {
    expect(fs.lstatSync(path.join(outside, 'disk')).isBlockDevice()).toBe(true)
    expect(modeOf(path.join(outside, 'suid'))).toBe(0o4755)
    expect(fs.lstatSync(path.join(scratch.workspace, 'own-null')).isCharacterDevice()).toBe(true)
    expect(modeOf(path.join(scratch.workspace, 'own-setuid'))).toBe(0o4755)
    expect(fs.lstatSync(path.join(scratch.workspace, 'fifo')).isFIFO()).toBe(true)
    expect(fs.readlinkSync(path.join(scratch.workspace, 'out'))).toBe(outside)
  }

  it('removes the device nodes and clears the set-ID bits the run left, and says so', async () => {
    const scratch = makeScratch()
    const outside = before(scratch)
    const result = await run({ scratch, inputs: { commands: LEAVE, env: `OUTSIDE=${outside}` } })
    expect(result.outputs['exit-code']).toBe('0')
    expect(errorLines(result)).toEqual([])
    const w = scratch.workspace
    expect(fs.existsSync(path.join(w, 'disk'))).toBe(false)
    expect(fs.existsSync(path.join(w, 'deep/er/tty'))).toBe(false)
    expect([modeOf(path.join(w, 'suid')), modeOf(path.join(w, 'sgid')), modeOf(path.join(w, 'made-setuid'))]).toEqual([
      0o755, 0o755, 0o755
    ])
    expectUntouched(scratch, outside)
    const said =
      'the guest left 2 device nodes (removed) and 3 files with set-user-ID or set-group-ID bits (cleared) in the workspace'
    expect(result.stdout.split('\n').filter((line) => line.includes('device node'))).toEqual([
      expect.stringContaining(said)
    ])
    expect(result.summary).toContain(said)
  })

  it('leaves them with workspace-devices: keep', async () => {
    const scratch = makeScratch()
    const outside = before(scratch)
    const result = await run({
      scratch,
      inputs: { commands: LEAVE, env: `OUTSIDE=${outside}`, 'workspace-devices': 'keep' }
    })
    expect(result.outputs['exit-code']).toBe('0')
    expect(fs.lstatSync(path.join(scratch.workspace, 'disk')).isBlockDevice()).toBe(true)
    expect(modeOf(path.join(scratch.workspace, 'suid'))).toBe(0o4755)
    expectUntouched(scratch, outside)
    expect(result.summary).toContain('not checked (workspace-devices: keep)')
  })

  it('names workspace-devices and its accepted values for a bad value', async () => {
    expect(await refused({ inputs: { commands: 'true', 'workspace-devices': 'maybe' } })).toEqual([
      'Input "workspace-devices": "maybe" is not a choice; expected remove or keep'
    ])
  })

  it('does the same in krun-run, where --workspace-devices keep leaves them', () => {
    const scratch = makeScratch()
    const outside = before(scratch)
    const commands = `OUTSIDE=${outside}\n${LEAVE}`
    const kept = krunRun(scratch, ['--workspace-devices', 'keep', '-c', commands.replace('disk b', 'kept b')])
    expect(kept).toEqual({ status: 0, stderr: '' })
    expect(fs.lstatSync(path.join(scratch.workspace, 'kept')).isBlockDevice()).toBe(true)
    fs.rmSync(path.join(scratch.workspace, 'out'))
    fs.rmSync(path.join(scratch.workspace, 'fifo'))
    fs.rmSync(path.join(scratch.workspace, 'deep'), { recursive: true })
    const removed = krunRun(scratch, ['-c', commands])
    expect(removed.status).toBe(0)
    expect(removed.stderr).toMatch(/^krun-run: the guest left 2 device nodes \(removed\) and 3 files .*\n$/)
    expect(fs.existsSync(path.join(scratch.workspace, 'disk'))).toBe(false)
    expect(fs.lstatSync(path.join(scratch.workspace, 'kept')).isBlockDevice()).toBe(true)
    expectUntouched(scratch, outside)
  })
})

describeTier('standin', 'messages that echo what they were given', () => {
  it('refuses a workspace on a pseudo file system in one line naming workspace', async () => {
    expect(await refused({ inputs: { commands: 'true', workspace: '/proc/self' } })).toEqual([
      'Input "workspace": "/proc/self" is under /proc, a pseudo file system of the host; name a project directory, or none'
    ])
  })

  it('shows a right-to-left override in an input value escaped, never raw', async () => {
    const result = await run({ inputs: { commands: 'true', cpus: '2\u202e1' } })
    expect(errorLines(result)).toEqual([
      'Input "cpus": "2\\u202e1" is not a whole number; expected a whole number from 1 to 255'
    ])
    expect(result.stdout + result.stderr).not.toContain('\u202e')
  })

  it('names the registry and repository when a manifest is too large', async () => {
    const server = http.createServer((request, response) => {
      if (request.url === '/v2/') {
        response.writeHead(200, { 'content-type': 'application/json' }).end('{}')
        return
      }
      response.writeHead(200, { 'content-type': 'application/vnd.oci.image.manifest.v1+json' })
      response.end(Buffer.alloc(9 * 1024 * 1024, ' '))
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    const { port } = server.address() as AddressInfo
    try {
      const scratch = makeScratch()
      const result = await run({
        scratch,
        inputs: { commands: 'true', image: `127.0.0.1:${port}/big:latest` },
        env: { RUNNER_TOOL_CACHE: path.join(scratch.dir, 'tool-cache') }
      })
      expect(errorLines(result)).toEqual([
        `registry 127.0.0.1:${port}, repository big: the registry sent more than 8 MiB while fetching the manifest latest; it is misbehaving`
      ])
    } finally {
      server.close()
    }
  })

  it('reports the real cause when the run directory cannot be removed', async () => {
    const scratch = makeScratch()
    const result = await runAction({
      scratch,
      inputs: { commands: 'touch /proc/1/root/stuck && chattr +i /proc/1/root/stuck', timeout: '60' }
    })
    const [runDir] = result.leftInTemp
    try {
      expect(result.outputs['exit-code']).toBe('0')
      const warnings = result.stdout.split('\n').filter((line) => line.startsWith('::warning::'))
      expect(warnings).toEqual([
        `::warning::cannot remove the run directory ${path.join(scratch.temp, runDir)} (EPERM on root/stuck); it holds the run's environment values: remove it`
      ])
    } finally {
      execFileSync('chattr', ['-i', path.join(scratch.temp, runDir, 'root', 'stuck')])
    }
  })
})
