// What the action adds over a bare libkrun launch. Every measured command runs on the Node
// the action runs on (node24, which scripts/node24 starts this on) with one clean environment,
// as a runner gives an action, printed at the start:
//  (a) start-up: `node -e 0`, the bundled action running `true`, `krun-run -c true` and the
//      minimal C launcher (native/bench/launch.c), in alternating rounds; medians, each
//      front end's ratio to `node -e 0` (median of the per-round ratios) and what it adds
//      over the launcher, in ms and in `node -e 0`s;
//  (b) peak RSS of each process;
//  (c) 256 MiB of guest stdout through the action against the C launcher, as throughput;
//  (d) with KRUN_LIBRARY naming a real libkrun on a host that boots guests: the action's
//      `true` against the launcher's;
//  (e) images, with a registry on loopback (Debian's docker-registry): the action's `true`
//      on a cached image against the same root given as a rootfs directory, and a cold
//      pull and unpack of a many-file image against `tar -x` of the same layers.
//  (f) lasting state, with a registry on loopback: the action's `true` on an image whose
//      prepared layer is cached against the same image without prepare, and with
//      persist: job against persist: step (goals: each adds at most 50 ms);
//  (g) what network public's checks cost: guest connections per second to a listener on
//      loopback (let through by `allow`) under network public, against network tsi;
// `npm run bench -- e` runs only the sections named (c needs a's figures, so it runs a too);
//  (h) a cold pull of a realistic image (layers made from this machine's /usr trees) against
//      `tar -xzf`, skopeo + umoci and podman (scripts/bench-pull.ts), as speed ratios.
// BENCH_RUNS (21), BENCH_STREAM_RUNS (7), BENCH_CONNECT_RUNS (5) and BENCH_PULL_RUNS (5) set the rounds.
// The launcher's run directory is made by the engine's own code (run-dir.ts, plan.ts), so
// the guest protocol is defined once. Timing is only ever reported here, never asserted.
import { spawn, spawnSync } from 'node:child_process'
import fs from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { hostContext } from '../src/engine/host/host-context.js'
import { type RawInputs } from '../src/engine/inputs/table.js'
import { defaultInputs } from '../src/engine/inputs/raw-inputs.js'
import { guestFiles, vmConfig } from '../src/engine/guest/plan.js'
import { createRunDir, writeRunFiles } from '../src/engine/guest/run-dir.js'
import { guestInitBinary } from '../src/engine/guest/guest-init.js'
import { buildSettings, withRootfs } from '../src/engine/inputs/settings.js'
import { CHANNEL_FD, GO_LINE, START_LINE } from '../src/engine/vm-process/vm-protocol.js'
import { prepareImage } from '../src/image/index.js'
import { realisticPull } from './bench-pull.js'
import { type LayerEntry, busyboxEntries, pushImage, registryBinary, startRegistry } from '../__fixtures__/registry.js'

const root = path.resolve(import.meta.dirname, '..')
const dist = path.join(root, 'dist')
const STANDIN = path.join(root, 'native/build/standin/libkrun.so.1')
const LAUNCHER = path.join(root, 'native/build/bench/krun-launch')
const TIME = '/usr/bin/time'
const SECTIONS = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h']
const MAX_RUNS = 1000

/** Bad input to the bench: one line saying what was wrong and what is accepted, then exit 2. */
function refuse(line: string): never {
  console.error(`bench: ${line}`)
  process.exit(2)
}

const quoted = (text: string) => JSON.stringify(text.length > 40 ? `${text.slice(0, 40)}...` : text)

/** A number of runs from the environment variable `name` (unset or empty: `fallback`). */
function runsFrom(name: string, fallback: number): number {
  const text = process.env[name]
  if (!text) return fallback
  const runs = /^[0-9]+$/.test(text) ? Number(text) : NaN
  if (!(runs >= 1 && runs <= MAX_RUNS))
    refuse(`${name}=${quoted(text)} is not a number of runs; expected a whole number from 1 to ${MAX_RUNS}`)
  return runs
}

const RUNS = runsFrom('BENCH_RUNS', 21)
const STREAM_RUNS = runsFrom('BENCH_STREAM_RUNS', 7)
const PULL_RUNS = runsFrom('BENCH_PULL_RUNS', 5)
const STREAM_MIB = 256
const STREAM_COMMANDS = `for i in $(seq ${STREAM_MIB}); do cat blob; done`

const sections = process.argv.slice(2)
for (const section of sections) {
  if (!SECTIONS.includes(section))
    refuse(`unknown section ${quoted(section)}; expected some of ${SECTIONS.join(', ')} (e.g. npm run bench -- a e)`)
}
const node = process.execPath
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'krun-bench-'))
process.on('exit', () => fs.rmSync(scratch, { recursive: true, force: true }))
const workspace = path.join(scratch, 'workspace')
const runnerTemp = path.join(scratch, 'runner-temp')
for (const dir of [workspace, runnerTemp]) fs.mkdirSync(dir)
fs.writeFileSync(path.join(workspace, 'blob'), Buffer.alloc(1024 * 1024, 0xa5))
for (const file of ['state', 'output', 'path', 'summary']) fs.writeFileSync(path.join(scratch, file), '')

/** The one environment every measured command gets: what a runner gives an action, no more. */
function cleanEnv(commands: string, libkrun: string): Record<string, string> {
  return {
    PATH: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin',
    HOME: os.homedir(),
    CI: 'true',
    GITHUB_ACTIONS: 'true',
    RUNNER_OS: 'Linux',
    RUNNER_TEMP: runnerTemp,
    // File commands go to files, as on a runner, not into the measured stdout.
    GITHUB_STATE: path.join(scratch, 'state'),
    GITHUB_OUTPUT: path.join(scratch, 'output'),
    GITHUB_PATH: path.join(scratch, 'path'),
    // Every runner sets it; without it the action would skip writing its job summary.
    GITHUB_STEP_SUMMARY: path.join(scratch, 'summary'),
    GITHUB_WORKSPACE: workspace,
    KRUN_LIBRARY: libkrun,
    INPUT_COMMANDS: commands,
    INPUT_SHELL: 'sh',
    INPUT_ROOTFS: '/',
    INPUT_CPUS: '1',
    INPUT_MEMORY: '512'
  }
}

interface Command {
  name: string
  file: string
  args: string[]
  /** The VM process's channel on fd 3, with the action's go-ahead and start written to it. */
  channel?: boolean
}

interface Timed {
  seconds: number
  bytes: number
}

/** Runs a command, counting its stdout instead of keeping it. */
function timed(command: Command, env: Record<string, string>): Promise<Timed> {
  return new Promise((resolve, reject) => {
    const stdio: ('ignore' | 'pipe' | 'inherit')[] = ['ignore', 'pipe', 'inherit']
    if (command.channel) stdio.push('pipe')
    const started = process.hrtime.bigint()
    const child = spawn(command.file, command.args, { env, cwd: workspace, stdio })
    if (command.channel) (child.stdio[CHANNEL_FD] as NodeJS.WritableStream).write(GO_LINE + START_LINE)
    let bytes = 0
    child.stdout?.on('data', (chunk: Buffer) => (bytes += chunk.length))
    child.on('error', reject)
    child.on('close', (code) => {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9
      if (code !== 0) reject(new Error(`${command.name} exited with ${code}`))
      else resolve({ seconds, bytes })
    })
  })
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
}

/** A command, or a maker of a fresh one for each run (the launcher's run directory is single-use). */
type Measured = Command | (() => Command)

/** Runs the commands in turn, round after round, so that a busy moment hits all of them alike. */
async function rounds(runs: number, commands: Measured[], env: Record<string, string>): Promise<Timed[][]> {
  const results: Timed[][] = commands.map(() => [])
  for (let round = 0; round < runs; round++) {
    for (const [i, measured] of commands.entries()) {
      results[i].push(await timed(typeof measured === 'function' ? measured() : measured, env))
    }
  }
  return results
}

const CONNECT_RUNS = runsFrom('BENCH_CONNECT_RUNS', 5)
const CONNECTIONS = 2000

/** One action run whose guest connects CONNECTIONS times to `port` on loopback; its own count of connections per second. */
function connectRate(port: number, network: Record<string, string>): Promise<number> {
  const script = `import socket, time
start = time.monotonic()
for _ in range(${CONNECTIONS}):
    socket.create_connection(("127.0.0.1", ${port})).close()
print(f"rate {${CONNECTIONS} / (time.monotonic() - start):.0f}")`
  fs.writeFileSync(path.join(workspace, 'connect.py'), script)
  const env = { ...cleanEnv('/usr/bin/python3 connect.py', STANDIN), ...network }
  return new Promise((resolve, reject) => {
    const child = spawn(node, [path.join(dist, 'index.js')], {
      env,
      cwd: workspace,
      stdio: ['ignore', 'pipe', 'inherit']
    })
    let out = ''
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()))
    child.on('close', () => {
      const rate = /^rate ([0-9]+)$/m.exec(out)?.[1]
      if (rate) resolve(Number(rate))
      else reject(new Error(`the connecting guest printed no rate:\n${out}`))
    })
  })
}

/** What network public's checking costs: connections per second through it against tsi's unchecked ones. */
async function connections(): Promise<void> {
  const server = net.createServer((socket) => socket.destroy())
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const port = (server.address() as net.AddressInfo).port
  const checked = { INPUT_NETWORK: 'public', INPUT_ALLOW: `127.0.0.1:${port}` }
  const rates: Record<'public' | 'tsi', number[]> = { public: [], tsi: [] }
  try {
    for (let round = 0; round < CONNECT_RUNS; round++) {
      // Each goes first in every other round: what one run leaves (sockets in TIME_WAIT) hits both alike.
      const order: ('public' | 'tsi')[] = round % 2 ? ['tsi', 'public'] : ['public', 'tsi']
      for (const mode of order) {
        rates[mode].push(await connectRate(port, mode === 'public' ? checked : { INPUT_NETWORK: 'tsi' }))
      }
    }
  } finally {
    server.close()
  }
  const [pub, tsi] = [median(rates.public), median(rates.tsi)]
  console.log(
    `(g) ${CONNECTIONS} guest connections to loopback (stand-in), medians of ${CONNECT_RUNS}: network public (allowed by allow) ${pub.toFixed(0)}/s; tsi ${tsi.toFixed(0)}/s; ratio ${(pub / tsi).toFixed(2)}`
  )
}

const medianSeconds = (runs: Timed[]) => median(runs.map((run) => run.seconds))
const ms = (seconds: number) => `${(seconds * 1000).toFixed(1)} ms`
const mibps = (bytes: number, seconds: number) => bytes / (1024 * 1024) / seconds

const action: Command = { name: 'action', file: node, args: [path.join(dist, 'index.js')] }
const cli: Command = { name: 'krun-run', file: node, args: [path.join(dist, 'cli/index.js'), '-c', 'true'] }
const bareNode: Command = { name: 'node -e 0', file: node, args: ['-e', '0'] }

/** A run directory exactly as the engine makes it for these commands, and its VM configuration. */
function engineRunDir(commands: string, libkrun: string) {
  const env = cleanEnv(commands, libkrun)
  const raw: RawInputs = { ...defaultInputs(), commands, shell: 'sh', rootfs: '/', cpus: '1', memory: '512' }
  const host = hostContext(env, workspace, 'action')
  const settings = withRootfs(buildSettings(raw, host.parse))
  const layout = createRunDir(host.tempDir)
  const vm = vmConfig(settings, layout, libkrun, host.kvmDevice)
  writeRunFiles(layout, guestFiles(settings), guestInitBinary(dist), vm)
  return { layout, vm }
}

/** The C launcher over a fresh engine-made run directory (the guest's records make each one single-use). */
function launcher(commands: string, libkrun: string): Command {
  const { vm } = engineRunDir(commands, libkrun)
  const shares = vm.shares.flatMap((share) => ['-s', `${share.tag}=${share.hostPath}`])
  return { name: 'C launcher', file: LAUNCHER, args: [...shares, libkrun, vm.root, vm.execPath] }
}

/** Peak RSS in KiB of one Node process itself (not its children), reported by the process at exit. */
async function ownPeakKib(command: Command, env: Record<string, string>): Promise<number> {
  const report = path.join(scratch, `peak-${command.name.replace(/\W/g, '')}`)
  const hook = `process.on('exit', () => require('node:fs').writeFileSync(${JSON.stringify(report)}, String(process.resourceUsage().maxRSS)))`
  // --require applies to this process only: the flag is not passed on to the VM process.
  const hookFile = path.join(scratch, 'peak-hook.cjs')
  fs.writeFileSync(hookFile, hook)
  await timed({ ...command, args: ['--require', hookFile, ...command.args] }, env)
  return Number(fs.readFileSync(report, 'utf8'))
}

/**
 * Peak RSS in KiB of the VM process, started as the action starts it (its channel on fd 3)
 * on an engine-made run directory, under GNU time: the largest of it and its guest's
 * processes, which for `true` are the small static init and sh.
 */
async function vmPeakKib(libkrun: string): Promise<number | undefined> {
  if (!fs.existsSync(TIME)) return undefined
  const { layout } = engineRunDir('true', libkrun)
  const out = path.join(scratch, 'vm-peak')
  const vmEntry = path.join(dist, 'vm/index.js')
  const command = { name: 'VM process', file: TIME, args: ['-o', out, '-f', '%M', node, vmEntry, layout.vmConfigFile] }
  await timed({ ...command, channel: true }, cleanEnv('true', libkrun))
  return Number(fs.readFileSync(out, 'utf8').trim().split('\n').at(-1))
}

const mib = (kib: number | undefined) => (kib === undefined ? 'n/a' : `${(kib / 1024).toFixed(1)} MiB`)

/** The environment, with this run's scratch directory and the checkout named rather than spelled out. */
function describeEnv(env: Record<string, string>): string {
  const shown = (value: string) =>
    value.replaceAll(scratch, '$SCRATCH').replaceAll(root, '$CHECKOUT').replaceAll('\n', '\\n')
  return Object.entries(env)
    .map(([name, value]) => `    ${name}=${shown(value)}`)
    .join('\n')
}

/** Medians in seconds of the action's and the launcher's `true`, for (c) to take out. */
async function startUp(): Promise<{ action: number; launcher: number }> {
  const env = cleanEnv('true', STANDIN)
  const [base, viaAction, viaCli, launched] = await rounds(
    RUNS,
    [bareNode, action, cli, () => launcher('true', STANDIN)],
    env
  )
  const nodeS = medianSeconds(base)
  const launcherS = medianSeconds(launched)
  console.log(`(a) start-up, \`true\` on the stand-in libkrun, medians of ${RUNS} alternating rounds:`)
  console.log(`    node -e 0 ${ms(nodeS)}; C launcher ${ms(launcherS)}`)
  const frontEnds: [string, Timed[]][] = [
    ['action', viaAction],
    ['krun-run -c true', viaCli]
  ]
  for (const [name, runs] of frontEnds) {
    const s = medianSeconds(runs)
    const ratio = median(runs.map((run, i) => run.seconds / base[i].seconds)) // the median of the rounds' ratios
    const added = s - launcherS
    console.log(
      `    ${name} ${ms(s)}: ${ratio.toFixed(2)}x node -e 0; minus the C launcher ${ms(added)} = ${(added / nodeS).toFixed(2)} x node -e 0`
    )
  }
  return { action: medianSeconds(viaAction), launcher: launcherS }
}

async function peaks(): Promise<void> {
  const env = cleanEnv('true', STANDIN)
  const [baseKib, actionKib, cliKib] = [
    await ownPeakKib(bareNode, env),
    await ownPeakKib(action, env),
    await ownPeakKib(cli, env)
  ]
  const vmKib = await vmPeakKib(STANDIN)
  console.log(
    `(b) peak RSS: action process ${mib(actionKib)}; krun-run process ${mib(cliKib)}; VM process (both) ${mib(vmKib)}; node -e 0 ${mib(baseKib)}`
  )
  console.log(
    '    (each Node process reports its own getrusage maxrss at exit; the VM process is measured by GNU time)'
  )
}

async function streaming(startSeconds: { action: number; launcher: number }): Promise<void> {
  const env = cleanEnv(STREAM_COMMANDS, STANDIN)
  const [viaAction, viaLauncher] = await rounds(STREAM_RUNS, [action, () => launcher(STREAM_COMMANDS, STANDIN)], env)
  // The action fences the guest's output: two short lines of workflow commands around it.
  const FENCE_BYTES_MAX = 512
  for (const run of [...viaAction, ...viaLauncher]) {
    const extra = run.bytes - STREAM_MIB * 1024 * 1024
    if (extra < 0 || extra > FENCE_BYTES_MAX)
      throw new Error(`expected ${STREAM_MIB} MiB of stdout, got ${run.bytes} bytes`)
  }
  const bytes = STREAM_MIB * 1024 * 1024
  const actionS = medianSeconds(viaAction)
  const launcherS = medianSeconds(viaLauncher)
  const gross = mibps(bytes, actionS) / mibps(bytes, launcherS)
  // Both figures include start-up; without it, what is left is the streaming itself.
  const netAction = mibps(bytes, actionS - startSeconds.action)
  const netLauncher = mibps(bytes, launcherS - startSeconds.launcher)
  console.log(
    `(c) ${STREAM_MIB} MiB guest stdout (stand-in), medians of ${STREAM_RUNS}: action ${mibps(bytes, actionS).toFixed(0)} MiB/s; C launcher ${mibps(bytes, launcherS).toFixed(0)} MiB/s; ratio ${gross.toFixed(2)}`
  )
  console.log(
    `    less each one's own \`true\` time: action ${netAction.toFixed(0)} MiB/s; C launcher ${netLauncher.toFixed(0)} MiB/s; ratio ${(netAction / netLauncher).toFixed(2)}`
  )
}

async function realLibkrun(): Promise<void> {
  const real = process.env.KRUN_LIBRARY
  if (!real) {
    console.log('(d) skipped: set KRUN_LIBRARY to a real libkrun.so.1 on a host whose KVM boots guests')
    return
  }
  const env = cleanEnv('true', real)
  try {
    await timed(action, env)
  } catch {
    console.log(`(d) skipped: ${real} does not boot a guest on this host`)
    return
  }
  const [viaAction, launched] = await rounds(RUNS, [action, () => launcher('true', real)], env)
  const a = medianSeconds(viaAction)
  const l = medianSeconds(launched)
  console.log(`(d) real libkrun \`true\`: action ${ms(a)}; C launcher ${ms(l)}; ratio ${(a / l).toFixed(2)}x`)
}

/**
 * Files of mixed sizes, as a build image has them: about 40 MiB over 2,000 files in 50 directories,
 * each directory's files together, in the order a layer built from a directory tree lists them.
 */
function manyFiles(): LayerEntry[] {
  const entries: LayerEntry[] = [{ name: 'data/', type: 'directory' }]
  let seed = 1
  for (let d = 0; d < 50; d++) {
    entries.push({ name: `data/d${d}/`, type: 'directory' })
    for (let i = d * 40; i < (d + 1) * 40; i++) {
      const content = Buffer.alloc(1024 * (1 + (i % 40)))
      // Compressible but not trivially so: a small pseudo-random alphabet.
      for (let j = 0; j < content.length; j++) {
        seed = (seed * 1103515245 + 12345) & 0x7fffffff
        content[j] = 97 + (seed % 16)
      }
      entries.push({ name: `data/d${d}/f${i}`, content })
    }
  }
  return entries
}

/** `tar -xzf`, the yardstick for unpacking: a failure would make its time meaningless. */
function untar(file: string, target: string, env: Record<string, string>): void {
  const result = spawnSync('tar', ['-xzf', file, '-C', target], { env, stdio: ['ignore', 'ignore', 'pipe'] })
  if (result.error || result.status !== 0) {
    const why =
      result.error?.message ?? (result.stderr.toString().trim().split('\n')[0] || `exit status ${result.status}`)
    throw new Error(`tar -xzf ${file} -C ${target} failed: ${why}`)
  }
}

/** Writes out what earlier work left in the page cache, so it is not charged to the next measurement. */
const settleDisk = (): void => void spawnSync('sync')

async function images(): Promise<void> {
  if (!registryBinary()) {
    console.log('(e) skipped: no docker-registry (apt-get install docker-registry) to serve images on loopback')
    return
  }
  const registry = await startRegistry()
  try {
    const architecture = process.arch === 'arm64' ? 'arm64' : 'amd64'
    await pushImage(registry, 'bench/small', { architecture, tag: '1', layers: [{ entries: busyboxEntries() }] })
    const big = await pushImage(registry, 'bench/big', {
      architecture,
      tag: '1',
      layers: [{ entries: busyboxEntries() }, { entries: manyFiles() }]
    })

    // A cached image against the same root as a rootfs directory. The bench's own pulls and
    // tar get the measured commands' environment too: none of this shell's Docker config,
    // credential helpers or proxies.
    const toolCache = path.join(scratch, 'tool-cache')
    const env = { ...cleanEnv('true', STANDIN), RUNNER_TOOL_CACHE: toolCache }
    const cached = await prepareImage({
      reference: `${registry.host}/bench/small:1`,
      pull: 'missing',
      cacheDir: path.join(toolCache, 'krun-action', 'images'),
      log: () => undefined,
      env
    })
    const onImage = { ...env, INPUT_IMAGE: `${registry.host}/bench/small:1`, INPUT_ROOTFS: '' }
    const onRootfs = { ...env, INPUT_ROOTFS: cached.rootfs }
    const [viaImage, viaRootfs]: Timed[][] = [[], []]
    for (let round = 0; round < RUNS; round++) {
      viaImage.push(await timed(action, onImage))
      viaRootfs.push(await timed(action, onRootfs))
    }
    const imageS = medianSeconds(viaImage)
    const rootfsS = medianSeconds(viaRootfs)
    console.log(
      `(e) action \`true\` on the cached image ${ms(imageS)}; on the same root as a rootfs directory ${ms(rootfsS)}; the image adds ${ms(imageS - rootfsS)} (medians of ${RUNS} alternating rounds)`
    )

    // A cold pull and unpack against tar -x of the same (gzip) layers.
    const layerFiles = big.layers.map((layer) => {
      const file = path.join(scratch, `${layer.digest.slice(7)}.tar.gz`)
      fs.copyFileSync(
        path.join(
          registry.storage,
          'docker/registry/v2/blobs/sha256',
          layer.digest.slice(7, 9),
          layer.digest.slice(7),
          'data'
        ),
        file
      )
      return file
    })
    // Both write into fresh directories that stay until every round is done: deleting thousands of
    // files just before would make the filesystem's inode allocation slower for whichever runs next.
    const pulls: number[] = []
    const tars: number[] = []
    const sizeMib = big.layers.reduce((sum, layer) => sum + layer.size, 0) / 2 ** 20
    for (let round = 0; round < STREAM_RUNS; round++) {
      const cacheDir = path.join(scratch, `cold-${round}`)
      settleDisk()
      let started = process.hrtime.bigint()
      await prepareImage({
        reference: `${registry.host}/bench/big:1`,
        pull: 'always',
        cacheDir,
        log: () => undefined,
        env
      })
      pulls.push(Number(process.hrtime.bigint() - started) / 1e9)
      const target = path.join(scratch, `tar-${round}`)
      fs.mkdirSync(target)
      settleDisk()
      started = process.hrtime.bigint()
      for (const file of layerFiles) untar(file, target, env)
      tars.push(Number(process.hrtime.bigint() - started) / 1e9)
    }
    const pullS = median(pulls)
    const tarS = median(tars)
    console.log(
      `    cold pull and unpack of ${sizeMib.toFixed(1)} MiB of gzip layers (2,000+ files) from the loopback registry ${ms(pullS)}; tar -xzf of the same layers ${ms(tarS)}; speed ratio ${(tarS / pullS).toFixed(2)} (medians of ${STREAM_RUNS})`
    )
  } finally {
    await registry.stop()
  }
}

/** Medians of alternating rounds of the action's `true` under two environments, after one warm-up run of each. */
async function alternating(first: Record<string, string>, second: Record<string, string>): Promise<[number, number]> {
  await timed(action, first)
  await timed(action, second)
  const [a, b]: Timed[][] = [[], []]
  for (let round = 0; round < RUNS; round++) {
    a.push(await timed(action, first))
    b.push(await timed(action, second))
  }
  return [medianSeconds(a), medianSeconds(b)]
}

async function lastingState(): Promise<void> {
  if (!registryBinary()) {
    console.log('(f) skipped: no docker-registry (apt-get install docker-registry) to serve images on loopback')
    return
  }
  const registry = await startRegistry()
  try {
    const architecture = process.arch === 'arm64' ? 'arm64' : 'amd64'
    await pushImage(registry, 'bench/prep', { architecture, tag: '1', layers: [{ entries: busyboxEntries() }] })
    const env = {
      ...cleanEnv('true', STANDIN),
      RUNNER_TOOL_CACHE: path.join(scratch, 'tool-cache-f'),
      INPUT_IMAGE: `${registry.host}/bench/prep:1`,
      INPUT_ROOTFS: ''
    }
    // The warm-up run of the first makes the prepared layer; every measured run finds it cached.
    const prepared = { ...env, INPUT_PREPARE: 'mkdir -p /opt/tool && echo v1 > /opt/tool/version' }
    const [preparedS, plainS] = await alternating(prepared, env)
    console.log(
      `(f) action \`true\` on an image with its prepared layer cached ${ms(preparedS)}; the same image without prepare ${ms(plainS)}; prepare adds ${ms(preparedS - plainS)} (goal: at most 50 ms; medians of ${RUNS} alternating rounds)`
    )
    const [jobS, stepS] = await alternating({ ...env, INPUT_PERSIST: 'job' }, { ...env, INPUT_PERSIST: 'step' })
    console.log(
      `    persist: job ${ms(jobS)} per step; persist: step ${ms(stepS)}; job adds ${ms(jobS - stepS)} (goal: at most 50 ms; the job's disk made in the warm-up run)`
    )
  } finally {
    await registry.stop()
  }
}

async function realistic(): Promise<void> {
  if (!registryBinary()) {
    console.log('(h) skipped: no docker-registry (apt-get install docker-registry) to serve images on loopback')
    return
  }
  const registry = await startRegistry()
  try {
    await realisticPull(registry, scratch, cleanEnv('true', STANDIN), PULL_RUNS)
  } finally {
    await registry.stop()
  }
}

/** Other work on the machine shifts every figure; the load average says how busy it was. */
const loadAverage = () =>
  os
    .loadavg()
    .map((load) => load.toFixed(2))
    .join(' ')

async function main(): Promise<void> {
  const version = spawnSync(node, ['--version'], { encoding: 'utf8' }).stdout.trim()
  console.log(
    `machine: ${os.cpus().length} x ${os.cpus()[0]?.model ?? 'unknown CPU'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Linux ${os.release()}, Node ${version}`
  )
  console.log(`load average at the start: ${loadAverage()}`)
  console.log(
    `node: ${node.replace(root, '$CHECKOUT')}; environment of every measured command ($SCRATCH is a fresh temporary directory):`
  )
  console.log(describeEnv(cleanEnv('true', STANDIN)))
  const wanted = (section: string): boolean => sections.length === 0 || sections.includes(section)
  const startSeconds = wanted('a') || wanted('c') ? await startUp() : undefined
  if (wanted('b')) await peaks()
  if (wanted('c') && startSeconds) await streaming(startSeconds)
  if (wanted('d')) await realLibkrun()
  if (wanted('e')) await images()
  if (wanted('f')) await lastingState()
  if (wanted('g')) await connections()
  if (wanted('h')) await realistic()
  console.log(`load average at the end: ${loadAverage()}`)
}

await main()
