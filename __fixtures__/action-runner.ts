/**
 * Runs the bundled action the way the runner does: `node dist/index.js` with INPUT_*
 * variables (defaults from the input table, which __tests__/metadata.test.ts holds
 * action.yml to), GITHUB_OUTPUT, GITHUB_STATE, GITHUB_STEP_SUMMARY, GITHUB_ENV, GITHUB_PATH,
 * RUNNER_TEMP and GITHUB_WORKSPACE, each run in its own scratch directory.
 */
import { type ChildProcess, spawn } from 'node:child_process'
import crypto from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { defaultInputs } from '../src/engine/inputs/raw-inputs.js'
import { LAUNCHER_DIR } from '../src/later-steps/launcher.js'
import { REPO, STANDIN } from './tiers.js'

export { REPO, STANDIN }
export const DIST = path.join(REPO, 'dist')

/** Reads a GITHUB_OUTPUT / GITHUB_STATE file (name<<delimiter blocks). */
export function parseFileCommands(text: string): Record<string, string> {
  const values: Record<string, string> = {}
  const lines = text.split('\n')
  for (let i = 0; i < lines.length; i++) {
    const match = /^([^<=]+)<<(.+)$/.exec(lines[i])
    if (!match) continue
    const end = lines.indexOf(match[2], i + 1)
    values[match[1]] = lines.slice(i + 1, end).join('\n')
    i = end
  }
  return values
}

export interface Scratch {
  dir: string
  temp: string
  workspace: string
  files: { output: string; state: string; summary: string; env: string; path: string; record: string }
}

const scratchDirs: string[] = []

/** Removes every scratch directory made so far; call from afterAll. */
export function removeScratches(): void {
  for (const dir of scratchDirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true })
}

export function makeScratch(): Scratch {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'krun-e2e-'))
  scratchDirs.push(dir)
  const scratch: Scratch = {
    dir,
    temp: path.join(dir, 'temp'),
    workspace: path.join(dir, 'workspace'),
    files: {
      output: path.join(dir, 'output'),
      state: path.join(dir, 'state'),
      summary: path.join(dir, 'summary'),
      env: path.join(dir, 'env'),
      path: path.join(dir, 'path'),
      record: path.join(dir, 'libkrun-calls')
    }
  }
  fs.mkdirSync(scratch.temp)
  fs.mkdirSync(scratch.workspace)
  for (const file of Object.values(scratch.files)) fs.writeFileSync(file, '')
  return scratch
}

export interface RunOptions {
  inputs: Record<string, string>
  /** Extra environment for the action (e.g. KRUN_STANDIN_NO_BOOT). */
  env?: Record<string, string>
  libkrun?: string
  scratch?: Scratch
  /** Gets the child as soon as it is started (to send it signals). */
  onSpawn?: (child: ChildProcess, scratch: Scratch) => void
  /** Hash stdout and stderr instead of keeping them (for very large output). */
  hashOutput?: boolean
  entry?: string
  /**
   * The command that runs node, with any arguments before the entry point: by default this
   * process's own node; the aarch64 tier runs Node.js for arm64 through an emulator.
   */
  node?: string[]
  /** A command the action runs under (e.g. unshare), given `node ENTRY` as its last arguments. */
  wrap?: string[]
}

export interface ActionResult {
  code: number | null
  signal: NodeJS.Signals | null
  stdout: string
  stderr: string
  stdoutHash: string
  stderrHash: string
  stdoutBytes: number
  stderrBytes: number
  outputs: Record<string, string>
  state: Record<string, string>
  summary: string
  record: string
  scratch: Scratch
  /** What the run left in RUNNER_TEMP (should be nothing but the krun-run launcher, kept for later steps). */
  leftInTemp: string[]
}

export function actionEnv(scratch: Scratch, options: RunOptions): NodeJS.ProcessEnv {
  const inputs = { ...defaultInputs(), ...options.inputs }
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: scratch.dir,
    RUNNER_TEMP: scratch.temp,
    GITHUB_WORKSPACE: scratch.workspace,
    GITHUB_OUTPUT: scratch.files.output,
    GITHUB_STATE: scratch.files.state,
    GITHUB_STEP_SUMMARY: scratch.files.summary,
    GITHUB_ENV: scratch.files.env,
    GITHUB_PATH: scratch.files.path,
    KRUN_STANDIN_RECORD: scratch.files.record,
    KRUN_LIBRARY: options.libkrun ?? STANDIN,
    ...options.env
  }
  for (const [name, value] of Object.entries(inputs)) env[`INPUT_${name.toUpperCase()}`] = value
  return env
}

export function runAction(options: RunOptions): Promise<ActionResult> {
  const scratch = options.scratch ?? makeScratch()
  const command = [
    ...(options.wrap ?? []),
    ...(options.node ?? [process.execPath]),
    options.entry ?? path.join(DIST, 'index.js')
  ]
  const child = spawn(command[0], command.slice(1), {
    cwd: scratch.workspace,
    env: actionEnv(scratch, options),
    stdio: ['ignore', 'pipe', 'pipe']
  })
  options.onSpawn?.(child, scratch)
  const collect = (stream: NodeJS.ReadableStream) => {
    const hash = crypto.createHash('sha256')
    const chunks: Buffer[] = []
    let bytes = 0
    stream.on('data', (chunk: Buffer) => {
      hash.update(chunk)
      bytes += chunk.length
      if (!options.hashOutput) chunks.push(chunk)
    })
    return () => ({ text: Buffer.concat(chunks).toString('utf8'), hash: hash.digest('hex'), bytes })
  }
  const stdout = collect(child.stdout as NodeJS.ReadableStream)
  const stderr = collect(child.stderr as NodeJS.ReadableStream)
  return new Promise((resolve, reject) => {
    // A process killed outright may leave its stdout with a child that outlives it: do not
    // wait for the pipes longer than a moment after the exit.
    child.on('exit', () => {
      setTimeout(() => {
        child.stdout?.destroy()
        child.stderr?.destroy()
      }, 3000).unref()
    })
    child.on('close', (code, signal) => {
      const out = stdout()
      const err = stderr()
      // A test that ended (timed out) may have had its scratch directory removed meanwhile:
      // resolve anyway, so the run's end never throws where nothing can catch it.
      if (!fs.existsSync(scratch.dir)) {
        reject(new Error(`the run's scratch directory ${scratch.dir} was removed before the run ended`))
        return
      }
      resolve({
        code,
        signal,
        stdout: out.text,
        stderr: err.text,
        stdoutHash: out.hash,
        stderrHash: err.hash,
        stdoutBytes: out.bytes,
        stderrBytes: err.bytes,
        outputs: parseFileCommands(fs.readFileSync(scratch.files.output, 'utf8')),
        state: parseFileCommands(fs.readFileSync(scratch.files.state, 'utf8')),
        summary: fs.readFileSync(scratch.files.summary, 'utf8'),
        record: fs.readFileSync(scratch.files.record, 'utf8'),
        scratch,
        leftInTemp: fs.readdirSync(scratch.temp).filter((name) => name !== LAUNCHER_DIR)
      })
    })
  })
}

/** The `::error::` lines the action wrote (what the runner shows as the step's failure). */
export function errorLines(result: ActionResult): string[] {
  return result.stdout
    .split('\n')
    .filter((line) => line.startsWith('::error::'))
    .map((line) => line.slice('::error::'.length).replace(/%0A/g, '\n').replace(/%25/g, '%'))
}

/** Pids of processes whose command line contains `marker`. */
export function processesWith(marker: string): number[] {
  return fs
    .readdirSync('/proc')
    .filter((name) => /^[0-9]+$/.test(name) && Number(name) !== process.pid)
    .filter((pid) => {
      try {
        return fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(marker)
      } catch {
        return false
      }
    })
    .map(Number)
}

export async function waitFor(condition: () => boolean, timeoutMs = 15000): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('timed out waiting for a condition')
    await new Promise((resolve) => setTimeout(resolve, 25))
  }
}
