/**
 * One run through the engine, in this process: what the run directory's own failures say,
 * what is left when the front end's callback throws, and that a run directory which cannot
 * be removed is a warning, never the run's result. The runs themselves use the stand-in.
 */
import fs from 'node:fs'
import path from 'node:path'
import {
  DIST,
  REPO,
  STANDIN,
  type Scratch,
  makeScratch,
  processesWith,
  removeScratches
} from '../__fixtures__/action-runner.js'
import { describeTier } from '../__fixtures__/tiers.js'
import { settings } from '../__fixtures__/inputs.js'
import { mountTmpfs } from '../__fixtures__/tmpfs.js'
import { startEarly } from '../src/engine/vm-process/early-start.js'
import { HostError, InputError } from '../src/engine/errors.js'
import { type EngineHost, type EngineOptions, runInMicroVm } from '../src/engine/run.js'

afterAll(removeScratches)

/** Options of the run, and of its host context by name. */
type Overrides = Partial<Omit<EngineOptions, 'host'>> & Partial<EngineHost>

/** The engine's options for a run in `scratch`; /dev/null stands in for /dev/kvm where no guest boots. */
function options(scratch: Scratch, overrides: Overrides = {}): EngineOptions {
  const { tempDir, tempDirName, kvmDevice, githubHosted, imageCacheDir, libkrunCacheDir, ...run } = overrides
  return {
    settings: settings({
      commands: Buffer.from('exit 3\n'),
      workspace: scratch.workspace,
      workdir: scratch.workspace,
      libkrun: STANDIN
    }),
    distDir: DIST,
    host: {
      tempDir: tempDir ?? scratch.temp,
      tempDirName: tempDirName ?? 'RUNNER_TEMP',
      kvmDevice: kvmDevice ?? '/dev/null',
      githubHosted: githubHosted ?? false,
      imageCacheDir: imageCacheDir ?? path.join(scratch.dir, 'images'),
      libkrunCacheDir: libkrunCacheDir ?? path.join(scratch.dir, 'libkrun')
    },
    log: () => undefined,
    ...run
  }
}

async function failureOf(run: Promise<unknown>): Promise<Error> {
  try {
    await run
  } catch (error) {
    return error as Error
  }
  throw new Error('expected the run to fail')
}

describe('the run directory', () => {
  it('names the setting when it cannot be made there', async () => {
    const scratch = makeScratch()
    const missing = path.join(scratch.dir, 'no-such-dir')
    const error = await failureOf(runInMicroVm(options(scratch, { tempDir: missing })))
    expect(error).toBeInstanceOf(HostError)
    expect(error.message).toBe(
      `cannot make the run directory in RUNNER_TEMP (${missing}): ENOENT; set it to a writable directory with free space`
    )
  })

  it('leaves nothing behind when the front end cannot take note of it', async () => {
    const scratch = makeScratch()
    const early = startEarly({ KRUN_LIBRARY: STANDIN, PATH: process.env.PATH }, REPO, DIST, scratch.temp)
    if (!early) throw new Error('expected an early start')
    const refused = new Error('cannot save the state')
    const error = await failureOf(
      runInMicroVm(
        options(scratch, {
          early,
          onRunDir: () => {
            throw refused
          }
        })
      )
    )
    expect(error).toBe(refused)
    expect(fs.readdirSync(scratch.temp)).toEqual([])
    expect(processesWith(early.layout.dir)).toEqual([])
  })
})

describe('the KVM device', () => {
  it('is opened again right before the VM process starts, not only at the start', async () => {
    const scratch = makeScratch()
    const device = path.join(scratch.dir, 'kvm')
    fs.writeFileSync(device, '')
    let started = false
    const error = await failureOf(
      runInMicroVm(
        options(scratch, {
          kvmDevice: device,
          // After the first check, once the run directory exists: the device goes away.
          onRunDir: () => fs.rmSync(device),
          onVmStart: () => (started = true)
        })
      )
    )
    expect(error).toBeInstanceOf(HostError)
    expect(error.message).toMatch(new RegExp(`^${device} does not exist: this machine cannot run virtual machines`))
    expect(started).toBe(false)
    expect(fs.readdirSync(scratch.temp)).toEqual([])
  })
})

describe('a workspace holding what the host runs', () => {
  it('is refused when it holds libkrun, the action, the image cache or the libkrun cache', async () => {
    const scratch = makeScratch()
    const copied = path.join(scratch.workspace, 'libkrun.so.1')
    fs.copyFileSync(STANDIN, copied)
    const base = options(scratch)
    const cases: [Overrides, string][] = [
      [{ settings: { ...base.settings, libkrun: copied } }, `libkrun ${copied}`],
      [{ settings: { ...base.settings, workspace: DIST } }, `krun-action's own code ${DIST}`],
      [{ imageCacheDir: path.join(scratch.workspace, 'cache') }, `the image cache ${scratch.workspace}/cache`],
      [{ libkrunCacheDir: path.join(scratch.workspace, 'lk') }, `the libkrun cache ${scratch.workspace}/lk`]
    ]
    for (const [overrides, named] of cases) {
      const error = await failureOf(runInMicroVm(options(scratch, overrides)))
      expect(error).toBeInstanceOf(InputError)
      expect((error as InputError).input).toBe('workspace')
      expect((error as InputError).problem).toContain(`contains ${named}, which the guest could then change`)
    }
    expect(fs.readdirSync(scratch.temp)).toEqual([])
  })
})

describeTier('standin', 'the engine against the stand-in libkrun', () => {
  it('names the setting when the disk fills while the run files are written', async () => {
    const scratch = makeScratch()
    const unmount = mountTmpfs(scratch.temp, '16k')
    try {
      const error = await failureOf(runInMicroVm(options(scratch)))
      expect(error).toBeInstanceOf(HostError)
      expect(error.message).toBe(
        `cannot write the run's files in RUNNER_TEMP (${scratch.temp}): ENOSPC; set it to a writable directory with free space`
      )
      expect(fs.readdirSync(scratch.temp)).toEqual([])
    } finally {
      unmount()
    }
  })

  it('keeps the first failure when the early start cannot be cleaned up either, and says so', async () => {
    const scratch = makeScratch()
    const early = startEarly({ KRUN_LIBRARY: STANDIN, PATH: process.env.PATH }, REPO, DIST, scratch.temp)
    if (!early) throw new Error('expected an early start')
    // A mount point cannot be removed: a stand-in for any removal that fails.
    const unmount = mountTmpfs(path.join(early.layout.dir, 'busy'), '1m')
    const warnings: string[] = []
    try {
      const error = await failureOf(
        runInMicroVm(
          options(scratch, {
            early,
            imageCacheDir: path.join(scratch.workspace, 'cache'), // refused before anything runs
            onWarning: (message) => warnings.push(message)
          })
        )
      )
      expect(error).toBeInstanceOf(InputError)
      expect((error as InputError).input).toBe('workspace')
      expect(warnings).toEqual([
        expect.stringMatching(
          /^cannot remove the run directory \S+ \(EBUSY on busy\); it holds the run's environment values: remove it$/
        )
      ])
      expect(processesWith(early.layout.dir)).toEqual([])
    } finally {
      unmount()
    }
  })

  it("keeps the run's result when its directory cannot be removed, and says so", async () => {
    const scratch = makeScratch()
    const warnings: string[] = []
    let unmount: (() => void) | undefined
    try {
      const result = await runInMicroVm(
        options(scratch, {
          kvmDevice: '/dev/kvm',
          // A mount point cannot be removed: a stand-in for any removal that fails.
          onRunDir: (dir) => (unmount = mountTmpfs(path.join(dir, 'busy'), '1m')),
          onWarning: (message) => warnings.push(message)
        })
      )
      expect(result.outcome).toMatchObject({ exitCode: 3, failure: 'commands exited with code 3' })
      expect(warnings).toEqual([
        expect.stringMatching(
          /^cannot remove the run directory \S+ \(EBUSY on busy\); it holds the run's environment values: remove it$/
        )
      ])
    } finally {
      unmount?.()
    }
  })
})
