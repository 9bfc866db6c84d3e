// What the action adds over a bare libkrun launch, as medians over repeated runs:
//  (a) the bundled action running `true` (stand-in libkrun) against `node -e 0`;
//  (b) 256 MiB of guest stdout through the action against the same through the minimal
//      C launcher (native/bench/launch.c) of the same library, as throughput;
//  (c) with KRUN_LIBRARY naming a real libkrun on a host that boots guests: the action's
//      `true` against the C launcher's.
// Timing is only ever reported here, never asserted in a test.
import { spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

const root = path.resolve(import.meta.dirname, '..')
const STANDIN = path.join(root, 'native/build/standin/libkrun.so.1')
const LAUNCHER = path.join(root, 'native/build/bench/krun-launch')
const RUNS = Number(process.env.BENCH_RUNS ?? 15)
const STREAM_RUNS = Number(process.env.BENCH_STREAM_RUNS ?? 10)
const STREAM_MIB = 256
const ARCH = { x64: 'x86_64', arm64: 'aarch64' }[process.arch]

const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'krun-bench-'))
process.on('exit', () => fs.rmSync(scratch, { recursive: true, force: true }))
const workspace = path.join(scratch, 'workspace')
fs.mkdirSync(workspace)
fs.writeFileSync(path.join(workspace, 'blob'), Buffer.alloc(1024 * 1024, 0xa5))
for (const file of ['state', 'output']) fs.writeFileSync(path.join(scratch, file), '')
const STREAM_COMMANDS = `for i in $(seq ${STREAM_MIB}); do cat blob; done`

/** Runs a command, counting its stdout instead of keeping it; resolves with seconds and bytes. */
function timed(command, args, env = process.env) {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint()
    const child = spawn(command, args, { env, cwd: workspace, stdio: ['ignore', 'pipe', 'inherit'] })
    let bytes = 0
    child.stdout.on('data', (chunk) => (bytes += chunk.length))
    child.on('error', reject)
    child.on('close', (code) => {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9
      if (code !== 0) reject(new Error(`${command} ${args.join(' ')} exited with ${code}`))
      else resolve({ seconds, bytes })
    })
  })
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
}

async function medianOf(runs, measure) {
  const results = []
  for (let i = 0; i < runs; i++) results.push(await measure())
  return { seconds: median(results.map((r) => r.seconds)), bytes: results[0].bytes }
}

function action(commands, libkrun) {
  const temp = fs.mkdtempSync(path.join(scratch, 'temp-'))
  const env = {
    PATH: process.env.PATH,
    RUNNER_TEMP: temp,
    // File commands go to files, as on a runner, not into the measured stdout.
    GITHUB_STATE: path.join(scratch, 'state'),
    GITHUB_OUTPUT: path.join(scratch, 'output'),
    GITHUB_WORKSPACE: workspace,
    KRUN_LIBRARY: libkrun,
    INPUT_COMMANDS: commands,
    INPUT_SHELL: 'sh',
    INPUT_ROOTFS: '/',
    INPUT_CPUS: '1',
    INPUT_MEMORY: '512'
  }
  return timed(process.execPath, [path.join(root, 'dist/index.js')], env)
}

/** A guest root laid out as native/README.md describes, for the launcher. */
function launcherRoot(commands) {
  const guest = fs.mkdtempSync(path.join(scratch, 'root-'))
  fs.mkdirSync(path.join(guest, '.krun'), { mode: 0o700 })
  for (const dir of ['proc', 'sys', 'dev', 'tmp', '.krun/lower', '.krun/rw', '.krun/root'])
    fs.mkdirSync(path.join(guest, dir))
  fs.copyFileSync(path.join(root, 'dist/native', ARCH, 'krun-init'), path.join(guest, 'krun-init'))
  fs.chmodSync(path.join(guest, 'krun-init'), 0o755)
  const plan = [
    'lower\tvirtiofs\tbase',
    `share\tvirtiofs\tws\t${workspace}\trw`,
    `workdir\t${workspace}`,
    'script\t/run/bench.sh',
    'arg\tsh',
    'arg\t-e',
    'arg\t/run/bench.sh'
  ]
  fs.writeFileSync(path.join(guest, '.krun/plan'), plan.map((line) => line + '\n').join(''))
  fs.writeFileSync(path.join(guest, '.krun/env'), 'PATH=/usr/bin:/bin\0')
  fs.writeFileSync(path.join(guest, '.krun/script'), commands)
  return guest
}

function launcher(commands, libkrun) {
  const guest = launcherRoot(commands)
  return timed(LAUNCHER, ['-s', 'base=/', '-s', `ws=${workspace}`, libkrun, guest, '/krun-init'])
}

const fmt = (seconds) => `${(seconds * 1000).toFixed(1)} ms`
const mibps = ({ seconds, bytes }) => bytes / (1024 * 1024) / seconds

async function main() {
  const cpu = os.cpus()[0]?.model ?? 'unknown CPU'
  console.log(
    `machine: ${os.cpus().length} x ${cpu}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Linux ${os.release()}, Node ${process.version}`
  )
  console.log(`medians: ${RUNS} runs for start-up, ${STREAM_RUNS} for throughput`)

  const node = await medianOf(RUNS, () => timed(process.execPath, ['-e', '0']))
  const standinTrue = await medianOf(RUNS, () => action('true', STANDIN))
  console.log(
    `(a) action \`true\` (stand-in): ${fmt(standinTrue.seconds)}; node -e 0: ${fmt(node.seconds)}; ratio ${(standinTrue.seconds / node.seconds).toFixed(2)}x`
  )

  const viaAction = await medianOf(STREAM_RUNS, () => action(STREAM_COMMANDS, STANDIN))
  const viaLauncher = await medianOf(STREAM_RUNS, () => launcher(STREAM_COMMANDS, STANDIN))
  for (const result of [viaAction, viaLauncher]) {
    if (result.bytes !== STREAM_MIB * 1024 * 1024)
      throw new Error(`expected ${STREAM_MIB} MiB of stdout, got ${result.bytes} bytes`)
  }
  console.log(
    `(b) ${STREAM_MIB} MiB guest stdout (stand-in): action ${mibps(viaAction).toFixed(0)} MiB/s; C launcher ${mibps(viaLauncher).toFixed(0)} MiB/s; ratio ${(mibps(viaAction) / mibps(viaLauncher)).toFixed(2)}`
  )
  // Both figures include start-up; without it, what is left is the streaming itself.
  const launcherTrue = await medianOf(RUNS, () => launcher('true', STANDIN))
  const net = (stream, start) => ({ seconds: stream.seconds - start.seconds, bytes: stream.bytes })
  const netAction = mibps(net(viaAction, standinTrue))
  const netLauncher = mibps(net(viaLauncher, launcherTrue))
  console.log(
    `    less each path's own \`true\` time (action ${fmt(standinTrue.seconds)}, launcher ${fmt(launcherTrue.seconds)}): action ${netAction.toFixed(0)} MiB/s; C launcher ${netLauncher.toFixed(0)} MiB/s; ratio ${(netAction / netLauncher).toFixed(2)}`
  )

  const real = process.env.KRUN_LIBRARY
  if (!real) {
    console.log('(c) skipped: set KRUN_LIBRARY to a real libkrun.so.1 on a host whose KVM boots guests')
    return
  }
  try {
    await action('true', real)
  } catch {
    console.log(`(c) skipped: ${real} does not boot a guest on this host`)
    return
  }
  const realAction = await medianOf(RUNS, () => action('true', real))
  const realLauncher = await medianOf(RUNS, () => launcher('true', real))
  console.log(
    `(c) real libkrun \`true\`: action ${fmt(realAction.seconds)}; C launcher ${fmt(realLauncher.seconds)}; ratio ${(realAction.seconds / realLauncher.seconds).toFixed(2)}x`
  )
}

await main()
