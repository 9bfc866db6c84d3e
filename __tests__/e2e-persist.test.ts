/**
 * persist: job and prepare end to end: the bundled krun-run against the stand-in libkrun, whose
 * disks are real loop devices holding the ext4 images mke2fs made.
 */
import { type ChildProcess, spawn } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import {
  DIST,
  STANDIN,
  errorLines,
  makeScratch,
  removeScratches,
  runAction,
  waitFor
} from '../__fixtures__/action-runner.js'
import { type TestRegistry, busyboxEntries, pushImage, startRegistry } from '../__fixtures__/registry.js'
import { STANDIN_1_16, describeTier } from '../__fixtures__/tiers.js'
import { JOB_DISK_NAME } from '../src/engine/guest/layer-disk.js'

afterAll(removeScratches)

interface StepResult {
  code: number | null
  stdout: string
  stderr: string
}

/** One job: its temporary directory (where the job's disk lives), workspace and image cache. */
interface Job {
  temp: string
  workspace: string
  cacheHome: string
}

function newJob(cacheHome?: string): Job {
  const scratch = makeScratch()
  return { temp: scratch.temp, workspace: scratch.workspace, cacheHome: cacheHome ?? path.join(scratch.dir, 'cache') }
}

function startStep(job: Job, args: string[], libkrun = STANDIN): { child: ChildProcess; done: Promise<StepResult> } {
  const child = spawn(process.execPath, [path.join(DIST, 'cli', 'index.js'), ...args], {
    cwd: job.workspace,
    env: {
      PATH: process.env.PATH,
      HOME: path.dirname(job.workspace),
      TMPDIR: job.temp,
      XDG_CACHE_HOME: job.cacheHome,
      KRUN_LIBRARY: libkrun
    },
    stdio: ['ignore', 'pipe', 'pipe']
  })
  let stdout = ''
  let stderr = ''
  child.stdout?.on('data', (chunk) => (stdout += chunk))
  child.stderr?.on('data', (chunk) => (stderr += chunk))
  const done = new Promise<StepResult>((resolve) => child.on('close', (code) => resolve({ code, stdout, stderr })))
  return { child, done }
}

const step = (job: Job, args: string[], libkrun = STANDIN) => startStep(job, args, libkrun).done

/** The loop devices whose backing file is `file` (the stand-in's disks). */
function loopsBacking(file: string): string[] {
  return fs.readdirSync('/sys/block').filter((name) => {
    try {
      return fs.readFileSync(`/sys/block/${name}/loop/backing_file`, 'utf8').trim() === file
    } catch {
      return false
    }
  })
}

const PERSIST = ['--persist', 'job', '--persist-size', '256M']

describeTier('standin', 'persist: job', () => {
  it('keeps what one step installs for the next, and leaves the base on the host as it was', async () => {
    const job = newJob()
    const pkg = `/opt/krun-persist-test-${process.pid}`
    const install = `mkdir -p ${pkg}/bin && printf '#!/bin/sh\\necho tool v1\\n' > ${pkg}/bin/tool && chmod +x ${pkg}/bin/tool && echo out > built`
    expect(await step(job, [...PERSIST, '-c', install])).toEqual({ code: 0, stdout: '', stderr: '' })
    expect(fs.readFileSync(path.join(job.workspace, 'built'), 'utf8')).toBe('out\n')
    expect(fs.existsSync(pkg)).toBe(false)
    expect(await step(job, [...PERSIST, '-c', `${pkg}/bin/tool`])).toEqual({ code: 0, stdout: 'tool v1\n', stderr: '' })
    // A step without persist: job starts from the base again.
    expect((await step(job, ['-c', `test -e ${pkg}`])).code).toBe(1)
    expect(fs.existsSync(pkg)).toBe(false)
    const disk = path.join(job.temp, JOB_DISK_NAME)
    expect(fs.statSync(disk).blocks * 512).toBeLessThan(256 * 2 ** 20)
    expect(loopsBacking(disk)).toEqual([])
  })

  it('refuses a second step while one runs on the disk, in one line, and the disk stays intact', async () => {
    const job = newJob()
    const started = path.join(job.workspace, 'started')
    const go = path.join(job.workspace, 'go')
    const first = startStep(job, [
      ...PERSIST,
      '-c',
      `echo a > /first; touch ${started}; while [ ! -e ${go} ]; do sleep 0.05; done; echo b >> /first`
    ])
    await waitFor(() => fs.existsSync(started))
    let second: StepResult
    try {
      second = await step(job, [...PERSIST, '-c', 'echo second > /second'])
    } finally {
      // The first step ends whatever became of the second.
      fs.writeFileSync(go, '')
    }
    expect(second.code).toBe(125)
    expect(second.stderr.trim().split('\n')).toEqual([
      expect.stringMatching(/in use by another step running now; steps that share it must run one at a time$/)
    ])
    expect((await first.done).code).toBe(0)
    expect(await step(job, [...PERSIST, '-c', 'cat /first; test ! -e /second'])).toEqual({
      code: 0,
      stdout: 'a\nb\n',
      stderr: ''
    })
  })

  it('gives a guest that fills the disk ENOSPC, and the step ends as its commands say', async () => {
    const job = newJob()
    const small = ['--persist', 'job', '--persist-size', '64M']
    const fill = 'dd if=/dev/zero of=/fill bs=1M count=200 2>&1 | grep -o "No space left on device" | head -1; exit 7'
    expect(await step(job, [...small, '-c', fill])).toEqual({
      code: 7,
      stdout: 'No space left on device\n',
      stderr: ''
    })
    expect(await step(job, [...small, '-c', 'rm /fill && echo room > /after && cat /after'])).toEqual({
      code: 0,
      stdout: 'room\n',
      stderr: ''
    })
  })

  it('mounts the disk again after a step killed outright while writing (the journal)', async () => {
    const job = newJob()
    const started = path.join(job.workspace, 'started')
    const writer = `echo kept > /kept; sync; touch ${started}; i=0; while :; do i=$((i+1)); dd if=/dev/zero of=/data.$((i % 4)) bs=64k count=32 2>/dev/null; done`
    const killed = startStep(job, [...PERSIST, '-c', writer])
    await waitFor(() => fs.existsSync(started))
    await new Promise((resolve) => setTimeout(resolve, 300))
    killed.child.kill('SIGKILL')
    await killed.done
    const disk = path.join(job.temp, JOB_DISK_NAME)
    await waitFor(() => loopsBacking(disk).length === 0)
    expect(
      await step(job, [...PERSIST, '-c', 'cat /kept; ls / | grep -c "^data\\."  >/dev/null && echo mounted'])
    ).toEqual({
      code: 0,
      stdout: 'kept\nmounted\n',
      stderr: ''
    })
  })

  it('refuses persist: job in one line with a libkrun that has no disk support', async () => {
    const job = newJob()
    const result = await step(job, [...PERSIST, '-c', 'touch ran'], STANDIN_1_16)
    expect(result.code).toBe(125)
    expect(result.stderr).toMatch(/^krun-run: --persist: needs a libkrun with disk support \(.* lacks krun_add_disk2/m)
    expect(fs.existsSync(path.join(job.workspace, 'ran'))).toBe(false)
  })
})

const architecture = process.arch === 'arm64' ? 'arm64' : 'amd64'
/** The script prints this when it runs, and stamps the layer with a value no second run could repeat. */
const PREPARE =
  'echo PREPARE-RAN; mkdir -p /opt/tool; echo "$TOOL_VERSION" > /opt/tool/version; cat /proc/sys/kernel/random/uuid > /opt/tool/stamp'
const READ = 'cat /opt/tool/version /opt/tool/stamp'

describeTier(['standin', 'registry'], 'prepare', () => {
  let registry: TestRegistry
  let reference: string

  async function pushTiny(tag: string, marker: string): Promise<void> {
    const entries = [...busyboxEntries(), { name: 'etc/marker', content: marker }]
    await pushImage(registry, 'prep', { architecture, tag, layers: [{ entries }] })
  }

  beforeAll(async () => {
    registry = await startRegistry()
    await pushTiny('1', 'first\n')
    reference = `${registry.host}/prep:1`
  })
  afterAll(async () => registry?.stop())

  const preparedEntries = (job: Job) =>
    fs
      .readdirSync(path.join(job.cacheHome, 'krun-action', 'images', 'prepared'))
      .filter((name) => !name.startsWith('.'))
  const args = (script = PREPARE, version = 'v1') => [
    '--image',
    reference,
    '--env',
    `TOOL_VERSION=${version}`,
    '--prepare',
    script
  ]

  it('runs the script once and caches its layer; a later run starts on it, even with the registry gone', async () => {
    const job = newJob()
    const first = await step(job, [...args(), '-c', READ])
    expect(first.code).toBe(0)
    const [ran, version, stamp] = first.stdout.split('\n')
    expect([ran, version]).toEqual(['PREPARE-RAN', 'v1'])
    expect(preparedEntries(job)).toHaveLength(1)
    const layer = path.join(job.cacheHome, 'krun-action', 'images', 'prepared', preparedEntries(job)[0], 'layer.img')
    expect(fs.statSync(layer).mode & 0o777).toBe(0o444)
    // Nothing of the key in clear: not the script, not the env value.
    expect(preparedEntries(job)[0]).toMatch(/^[0-9a-f]{64}$/)

    await registry.stop()
    try {
      const second = await step(job, [...args(), '-c', READ])
      expect(second).toMatchObject({ code: 0, stdout: `v1\n${stamp}\n` })
      expect(second.stderr).toContain('prepared layer from cache')
    } finally {
      registry = await startRegistry()
      await pushTiny('1', 'first\n')
      reference = `${registry.host}/prep:1`
    }
  })

  it('runs the script again when the script, an env value or the image digest changes', async () => {
    const job = newJob()
    expect((await step(job, [...args(), '-c', READ])).stdout).toMatch(/^PREPARE-RAN\nv1\n/)
    expect((await step(job, [...args(), '-c', READ])).stdout).toMatch(/^v1\n/)
    expect((await step(job, [...args(`${PREPARE}; true`), '-c', READ])).stdout).toMatch(/^PREPARE-RAN\nv1\n/)
    expect((await step(job, [...args(PREPARE, 'v2'), '-c', READ])).stdout).toMatch(/^PREPARE-RAN\nv2\n/)
    await pushTiny('1', 'second\n')
    const moved = await step(job, [...args(), '--pull', 'always', '-c', `cat /etc/marker; ${READ}`])
    expect(moved.stdout).toMatch(/^PREPARE-RAN\nsecond\nv1\n/)
    expect(preparedEntries(job)).toHaveLength(4)
    await pushTiny('1', 'first\n')
  })

  it('fails the step when the script fails, and caches nothing', async () => {
    const job = newJob()
    const failing = await step(job, [
      ...args('echo PREPARE-RAN; mkdir -p /opt && touch /opt/half; exit 3'),
      '-c',
      'touch ran'
    ])
    expect(failing).toMatchObject({ code: 3, stdout: 'PREPARE-RAN\n' })
    expect(failing.stderr).toMatch(
      /^krun-run: The prepare script failed: nothing was cached, and the commands do not run$/m
    )
    expect(fs.existsSync(path.join(job.workspace, 'ran'))).toBe(false)
    expect(preparedEntries(job)).toEqual([])
    expect(fs.readdirSync(path.join(job.cacheHome, 'krun-action', 'images', 'tmp'))).toEqual([])
    expect((await step(job, [...args(), '-c', READ])).stdout).toMatch(/^PREPARE-RAN\nv1\n/)
  })

  it('gives one cached layer when two jobs prepare the same key at once, and both run on a layer', async () => {
    const cacheHome = path.join(makeScratch().dir, 'cache')
    const [a, b] = [newJob(cacheHome), newJob(cacheHome)]
    // Both pull first, so the preparations overlap rather than the pulls.
    expect((await step(a, ['--image', reference, '-c', 'true'])).code).toBe(0)
    const results = await Promise.all([step(a, [...args(), '-c', READ]), step(b, [...args(), '-c', READ])])
    for (const result of results) {
      expect(result.code).toBe(0)
      expect(result.stdout).toMatch(/v1\n.+\n$/)
    }
    expect(preparedEntries(a)).toHaveLength(1)
    expect(fs.readdirSync(path.join(cacheHome, 'krun-action', 'images', 'tmp'))).toEqual([])
    const third = await step(a, [...args(), '-c', READ])
    expect(third.stdout).toMatch(/^v1\n/)
  })

  it('the action: runs the script, then says "prepared layer from cache" in the summary; a failing script fails the step', async () => {
    const toolCache = path.join(makeScratch().dir, 'tool-cache')
    const inputs = { image: reference, prepare: PREPARE, env: 'TOOL_VERSION=v3', commands: READ }
    const env = { RUNNER_TOOL_CACHE: toolCache }
    const first = await runAction({ inputs, env })
    expect(errorLines(first)).toEqual([])
    expect(first.stdout).toMatch(/PREPARE-RAN\n(.|\n)*v3\n/)
    expect(first.summary).toContain('prepared layer made by the prepare script and cached')
    const second = await runAction({ inputs, env })
    expect(second.stdout).not.toContain('PREPARE-RAN')
    expect(second.stdout).toContain('v3\n')
    expect(second.summary).toContain('prepared layer from cache')
    const failing = await runAction({ inputs: { ...inputs, prepare: 'exit 4' }, env })
    expect(failing.code).toBe(1)
    expect(errorLines(failing)).toEqual(['prepare: commands exited with code 4; nothing was cached'])
    expect(failing.outputs['exit-code']).toBe('4')
  })

  it('refuses prepare without image, in one line', async () => {
    const result = await step(newJob(), ['--prepare', 'true', '-c', 'true'])
    expect(result).toEqual({
      code: 125,
      stdout: '',
      stderr: 'krun-run: --prepare: needs image: its layer is cached per image digest; set image, or drop prepare\n'
    })
  })
})
