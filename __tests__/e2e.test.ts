/**
 * The bundled action end to end: dist/index.js, the VM process, koffi, libkrun, the guest
 * init, the script and the exit code. Runs against the stand-in libkrun always, and
 * against a real one when KRUN_LIBRARY names it and this host's KVM boots guests.
 */
import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import {
  type ActionResult,
  DIST,
  type RunOptions,
  errorLines,
  makeScratch,
  removeScratches,
  processesWith,
  runAction,
  waitFor
} from '../__fixtures__/action-runner.js'
import {
  KVM_STANDIN_VARIABLE,
  STANDIN,
  defineTierCheck,
  describeTier,
  kvmDeviceProblem
} from '../__fixtures__/tiers.js'
import { fences } from '../__fixtures__/workflow-commands.js'
import { RUN_DIR_PREFIX } from '../src/engine/guest/run-dir.js'
import { LAUNCHER_DIR } from '../src/later-steps/launcher.js'

interface Target {
  name: string
  libkrun: string
  standin: boolean
}

/**
 * Whether a real libkrun boots a guest here: "KVM present" and "guest boots" are different
 * facts, so a host with libkrun and a KVM device that cannot boot is reported as such.
 */
async function realLibkrunProblem(libkrun: string | undefined): Promise<string | undefined> {
  if (!libkrun) return 'KRUN_LIBRARY is not set; set it to a real libkrun.so.1 to run this tier'
  if (process.env[KVM_STANDIN_VARIABLE] === '1')
    return "this machine has no usable KVM device (/dev/kvm here is the tests' stand-in, which boots nothing)"
  const kvm = kvmDeviceProblem()
  if (kvm) return kvm
  const probe = await runAction({ inputs: { commands: 'true' }, libkrun })
  if (probe.outputs['exit-code'] === '0') return undefined
  return `${libkrun} and a KVM device are here, but no guest boots: ${errorLines(probe).join(' ') || probe.stderr.trim()}`
}

afterAll(removeScratches)

const REAL_LIBKRUN = process.env.KRUN_LIBRARY
const realProblem = await realLibkrunProblem(REAL_LIBKRUN)
defineTierCheck('real', () => realProblem)

/** The two tests that run hundreds of microVMs or move 256 MB: generous, for busy machines. */
const HEAVY_TEST_TIMEOUT_MS = 600_000

/** A sleep whose command line is unique to one test, so its process can be found. */
function uniqueSleep(): string {
  return `1000.${crypto.randomInt(1e9)}`
}

/** Every run must leave RUNNER_TEMP empty: no private directory survives. */
function expectClean(result: ActionResult): void {
  expect(result.leftInTemp).toEqual([])
}

/** What must hold against any libkrun, stand-in or real. */
function endToEndSuite(target: Target): void {
  const run = async (options: RunOptions) => {
    const result = await runAction({ libkrun: target.libkrun, ...options })
    expectClean(result)
    return result
  }

  it('passes and reports exit code 0, with a job summary', async () => {
    const result = await run({ inputs: { commands: 'echo hello from the guest' } })
    expect(result.code).toBe(0)
    expect(result.stdout).toContain('hello from the guest\n')
    expect(result.outputs).toEqual({ 'exit-code': '0', 'timed-out': 'false' })
    expect(result.summary).toContain('echo hello from the guest')
    expect(result.summary).toContain('passed')
  })

  it.each([1, 7, 255])('fails with "commands exited with code %p"', async (code) => {
    const result = await run({ inputs: { commands: `exit ${code}` } })
    expect(result.code).toBe(1)
    expect(result.outputs['exit-code']).toBe(String(code))
    expect(errorLines(result)).toEqual([`commands exited with code ${code}`])
  })

  it('reports a signal by name and as 128+N', async () => {
    const result = await run({ inputs: { commands: 'kill -TERM $$' } })
    expect(result.outputs['exit-code']).toBe('143')
    expect(errorLines(result)).toEqual(['commands were killed by SIGTERM (exit code 143)'])
  })

  it('fences stdout and stderr together, complete; with guest-workflow-commands: true keeps them apart', async () => {
    const commands = 'for i in $(seq 1000); do echo "out $i"; echo "err $i" >&2; done'
    const lines = (prefix: string) => Array.from({ length: 1000 }, (_, i) => `${prefix} ${i + 1}`)
    const fenced = await run({ inputs: { commands } })
    const [fence, ...more] = fences(fenced.stdout)
    expect(more).toEqual([])
    // One stream: each one's lines in order, whatever the order between the two.
    const inside = fence.inside.split('\n')
    expect(inside.pop()).toBe('')
    expect(inside.filter((line) => line.startsWith('out '))).toEqual(lines('out'))
    expect(inside.filter((line) => line.startsWith('err '))).toEqual(lines('err'))
    expect(inside).toHaveLength(2000)
    expect(fenced.stderr).toBe('')
    const apart = await run({ inputs: { commands, 'guest-workflow-commands': 'true' } })
    expect(apart.stdout).toBe(lines('out').join('\n') + '\n')
    expect(apart.stderr).toBe(lines('err').join('\n') + '\n')
  })

  it('shares the workspace read-write and starts there; writes to /etc stay in the guest', async () => {
    const marker = `krun-e2e-${crypto.randomUUID()}`
    const result = await run({
      inputs: {
        commands: `pwd > where.txt\necho built > artifact.txt\necho x > /etc/${marker}\ntest -f /etc/${marker}`
      }
    })
    expect(result.code).toBe(0)
    const { workspace } = result.scratch
    expect(fs.readFileSync(path.join(workspace, 'artifact.txt'), 'utf8')).toBe('built\n')
    expect(fs.readFileSync(path.join(workspace, 'where.txt'), 'utf8')).toBe(`${workspace}\n`)
    expect(fs.existsSync(`/etc/${marker}`)).toBe(false)
  })

  it('passes env values intact: spaces, quotes, =, newlines and 100 KB', async () => {
    const big = crypto.randomBytes(75_000).toString('base64')
    const values = {
      SPACES: ' a  b ',
      QUOTES: `"double" 'single' \`back\``,
      EQUALS: 'a=b==c',
      MULTI: 'line 1\nline 2\n\nline 4',
      BIG: big
    }
    const env = [
      `SPACES=${values.SPACES}`,
      `QUOTES=${values.QUOTES}`,
      `EQUALS=${values.EQUALS}`,
      'MULTI<<END_OF_VALUE',
      values.MULTI,
      'END_OF_VALUE',
      `BIG=${big}`
    ].join('\n')
    const commands = Object.keys(values)
      .map((name) => `printf '%s' "$${name}" > ${name}.value`)
      .join('\n')
    const result = await run({ inputs: { commands, env } })
    expect(result.code).toBe(0)
    for (const [name, value] of Object.entries(values)) {
      expect(fs.readFileSync(path.join(result.scratch.workspace, `${name}.value`), 'utf8')).toBe(value)
    }
  })

  it('runs bash with pipefail when asked, and a custom template', async () => {
    const bash = await run({ inputs: { shell: 'bash', commands: 'false | true\necho not reached' } })
    expect(bash.outputs['exit-code']).toBe('1')
    expect(bash.stdout).not.toContain('not reached')
    const custom = await run({ inputs: { shell: 'sh -x {0}', commands: 'echo traced' } })
    expect(custom.outputs['exit-code']).toBe('0')
    expect(custom.stdout).toContain('+ echo traced')
  })

  it('fails with one line for bad input, before anything starts', async () => {
    const result = await run({ inputs: { commands: 'true', cpus: '0' } })
    expect(result.code).toBe(1)
    expect(errorLines(result)).toEqual(['Input "cpus": "0" is out of range; expected a whole number from 1 to 255'])
    expect(result.stdout + result.stderr).not.toMatch(/\n\s+at /)
    expect(result.record).toBe('')
    // The VM process started early (KRUN_LIBRARY names libkrun) is gone with its run directory.
    expect(processesWith(result.scratch.temp)).toEqual([])
  })

  it('says so when /dev/kvm is missing', async () => {
    const result = await run({ inputs: { commands: 'true' }, env: { KRUN_KVM_DEVICE: '/nonexistent/kvm' } })
    expect(errorLines(result)).toEqual([
      '/nonexistent/kvm does not exist: this machine cannot run virtual machines. Use a runner with KVM (bare metal, or a VM with nested virtualization enabled).'
    ])
  })

  it('stops the guest after the timeout with exit code 124', async () => {
    const result = await run({ inputs: { commands: 'sleep 60', timeout: '1' } })
    expect(result.outputs).toEqual({ 'exit-code': '124', 'timed-out': 'true' })
    expect(errorLines(result)).toEqual(['timed out after 1s'])
  })
}

describeTier('standin', 'the bundled action against the stand-in libkrun', () =>
  endToEndSuite({ name: 'stand-in libkrun', libkrun: STANDIN, standin: true })
)
describeTier('real', `the bundled action against real libkrun${REAL_LIBKRUN ? ` ${REAL_LIBKRUN}` : ''}`, () =>
  endToEndSuite({ name: `real libkrun ${REAL_LIBKRUN}`, libkrun: REAL_LIBKRUN ?? '', standin: false })
)

describeTier('standin', 'the bundled action against the stand-in only', () => {
  it('says where it looked when libkrun is missing', async () => {
    const result = await runAction({ inputs: { commands: 'true' }, libkrun: '' })
    expectClean(result)
    expect(errorLines(result)[0]).toMatch(/^libkrun was not found \(looked in .*\)\. Install libkrun 1\.12 or newer/)
  })

  it("says the microVM did not boot, with libkrun's log, when the guest never starts (and libkrun exits 0)", async () => {
    const result = await runAction({ inputs: { commands: 'true' }, env: { KRUN_STANDIN_NO_BOOT: '1' } })
    expectClean(result)
    expect(result.code).toBe(1)
    expect(result.outputs['exit-code']).toBeUndefined()
    expect(errorLines(result)[0]).toMatch(/^the microVM did not boot/)
    expect(result.stdout).toContain('guest kernel panic: simulated boot failure')
  })

  it('says a library that is not libkrun is not libkrun', async () => {
    const libc = fs.readFileSync('/proc/self/maps', 'utf8').match(/\/\S*libc\.so\.6/)?.[0] as string
    const result = await runAction({ inputs: { commands: 'true', libkrun: libc } })
    expectClean(result)
    expect(errorLines(result)).toEqual([
      `Input "libkrun": "${libc}" is not libkrun (its soname is "libc.so.6"); expected the path of libkrun.so.1`
    ])
  })

  it('reports a libkrun configuration error with its errno text, never as an exit code', async () => {
    const result = await runAction({ inputs: { commands: 'true' }, env: { KRUN_STANDIN_FAIL: 'krun_set_root:2' } })
    expectClean(result)
    expect(result.outputs['exit-code']).toBeUndefined()
    expect(errorLines(result)).toEqual([
      expect.stringMatching(
        /^krun_set_root failed for \/\S+\/krun-action-[\w-]+\/root: No such file or directory \(ENOENT\)$/
      )
    ])
  })

  it("configures libkrun with a tiny envp and keeps env values out of libkrun, argv and the VM process's environment", async () => {
    const secret = `s3cret-${crypto.randomUUID()}`
    const scratch = makeScratch()
    let seenInArgv: number[] = []
    let envFileMode = 0
    let vmEnvirons: string[][] = []
    let runDirs: string[] = []
    // The guest waits until the test has looked at the processes and files of the run.
    const result = await runAction({
      scratch,
      inputs: { commands: 'touch started\nuntil [ -e looked ]; do sleep 0.05; done', env: `TOKEN=${secret}` },
      onSpawn: () => {
        void waitFor(() => fs.existsSync(path.join(scratch.workspace, 'started')))
          .then(
            () => {
              seenInArgv = processesWith(secret)
              // RUNNER_TEMP also holds the krun-run launcher's directory; readdir's order is the filesystem's.
              runDirs = fs.readdirSync(scratch.temp).filter((name) => name.startsWith(RUN_DIR_PREFIX))
              const [runDir] = runDirs
              envFileMode = fs.statSync(path.join(scratch.temp, runDir, 'root/.krun/env')).mode & 0o777
              vmEnvirons = processesWith(path.join(scratch.temp, runDir))
                // The VM process itself, not its network guard's supervisor, whose argv names it too.
                .filter((pid) =>
                  fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0')[1]?.endsWith(path.join('vm', 'index.js'))
                )
                .map((pid) => fs.readFileSync(`/proc/${pid}/environ`, 'utf8').split('\0'))
            },
            () => undefined
          )
          .finally(() => fs.writeFileSync(path.join(scratch.workspace, 'looked'), ''))
      }
    })
    expectClean(result)
    expect(result.code).toBe(0)
    expect(seenInArgv).toEqual([])
    expect(runDirs).toHaveLength(1)
    expect(envFileMode).toBe(0o600)
    // The action's own environment holds every input (INPUT_ENV has the secret); the VM process gets none.
    expect(vmEnvirons).toHaveLength(1)
    expect(vmEnvirons[0].filter((entry) => entry.startsWith('INPUT_') || entry.includes(secret))).toEqual([])
    expect(vmEnvirons[0]).toContainEqual(`LD_LIBRARY_PATH=${path.dirname(STANDIN)}`)
    expect(result.stdout + result.stderr + result.record + result.summary).not.toContain(secret)
    expect(result.record).toMatch(/^krun_add_virtiofs3\(\d+, "krun-base", "\/", 0, (1|true)\) -> 0$/m)
    expect(result.record).toMatch(/^krun_set_exec\(\d+, "\/krun-init", argv=0, envp=0\) -> 0$/m)
  })

  it(
    'reports every exit code from 0 to 255 exactly',
    async () => {
      const codes = Array.from({ length: 256 }, (_, code) => code)
      const seen: string[] = []
      for (let i = 0; i < codes.length; i += 8) {
        const batch = await Promise.all(
          codes.slice(i, i + 8).map((code) => runAction({ inputs: { commands: `exit ${code}` } }))
        )
        for (const result of batch) {
          expectClean(result)
          seen.push(result.outputs['exit-code'])
        }
      }
      expect(seen).toEqual(codes.map(String))
    },
    HEAVY_TEST_TIMEOUT_MS
  )

  it('runs four at once in one RUNNER_TEMP without touching each other', async () => {
    const scratch = makeScratch()
    // At once: each guest marks the shared workspace, then waits until all four have (or the timeout).
    const commands = (code: number) =>
      `touch at-${code}\nuntil [ "$(ls at-* | wc -l)" -eq 4 ]; do sleep 0.05; done\nexit ${code}`
    const results = await Promise.all(
      [3, 4, 5, 6].map((code) => {
        const own = makeScratch()
        return runAction({
          scratch: { ...own, temp: scratch.temp, workspace: scratch.workspace },
          inputs: { commands: commands(code), timeout: '60' }
        })
      })
    )
    expect(results.map((result) => result.outputs['exit-code'])).toEqual(['3', '4', '5', '6'])
    // Only the krun-run launcher stays, once, for later steps.
    expect(fs.readdirSync(scratch.temp)).toEqual([LAUNCHER_DIR])
  })

  it(
    'moves 256 MB of stdout and stderr byte-exact, binary included',
    async () => {
      const scratch = makeScratch()
      const blob = Buffer.alloc(1024 * 1024)
      for (let i = 0; i < blob.length; i++) blob[i] = (i * 7 + (i >> 8)) & 0xff
      fs.writeFileSync(path.join(scratch.workspace, 'blob'), blob)
      const expected = crypto.createHash('sha256')
      for (let i = 0; i < 256; i++) expected.update(blob)
      const digest = expected.digest('hex')
      const result = await runAction({
        scratch,
        hashOutput: true,
        // Unfenced, so that each stream is the guest's own, byte for byte.
        inputs: { commands: 'for i in $(seq 256); do cat blob; cat blob >&2; done', 'guest-workflow-commands': 'true' }
      })
      expectClean(result)
      expect(result.outputs['exit-code']).toBe('0')
      expect([result.stdoutBytes, result.stderrBytes]).toEqual([256 * 1024 * 1024, 256 * 1024 * 1024])
      expect([result.stdoutHash, result.stderrHash]).toEqual([digest, digest])
    },
    HEAVY_TEST_TIMEOUT_MS
  )

  it.each(['SIGINT', 'SIGTERM'] as const)(
    'on %s stops the microVM, removes its files and fails the step',
    async (signal) => {
      const scratch = makeScratch()
      const marker = uniqueSleep()
      const result = await runAction({
        scratch,
        inputs: { commands: `touch started\nsleep ${marker}` },
        onSpawn: (child) => {
          void waitFor(
            () => fs.existsSync(path.join(scratch.workspace, 'started')) && processesWith(marker).length > 0
          ).then(
            () => child.kill(signal),
            () => undefined
          )
        }
      })
      expect(result.code).not.toBe(0)
      expect(errorLines(result)).toEqual([`cancelled (${signal}); the microVM was stopped`])
      expectClean(result)
      expect(processesWith(marker)).toEqual([])
      expect(processesWith(scratch.temp)).toEqual([])
    }
  )

  it('when the action is killed outright, the microVM dies with it and the post step removes its files', async () => {
    const scratch = makeScratch()
    const marker = uniqueSleep()
    const killed = await runAction({
      scratch,
      inputs: { commands: `touch started\nsleep ${marker}` },
      onSpawn: (child) => {
        void waitFor(() => fs.existsSync(path.join(scratch.workspace, 'started'))).then(
          () => child.kill('SIGKILL'),
          () => undefined
        )
      }
    })
    expect(killed.signal).toBe('SIGKILL')
    await waitFor(() => processesWith(marker).length === 0, 5000)
    expect(killed.leftInTemp).toHaveLength(1)

    const state = Object.fromEntries(Object.entries(killed.state).map(([name, value]) => [`STATE_${name}`, value]))
    expect(state.STATE_runDir).toBe(path.join(scratch.temp, killed.leftInTemp[0]))
    const post = await runAction({ scratch, inputs: {}, env: state, entry: path.join(DIST, 'post', 'index.js') })
    expect(post.code).toBe(0)
    expectClean(post)
  })
})
