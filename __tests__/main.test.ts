import os from 'node:os'
import path from 'node:path'
import { jest } from '@jest/globals'
import { REPO } from '../__fixtures__/action-runner.js'
import { rawInputs, settings } from '../__fixtures__/inputs.js'
import type { EngineOptions, EngineResult } from '../src/engine/run.js'
import type { PrepareOptions, PrepareResult } from '../src/engine/prepare.js'
import { HostError } from '../src/engine/errors.js'
import { InputError } from '../src/engine/errors.js'
import { NO_FILE_COMMANDS } from '../src/engine/guest/file-commands.js'

const core = {
  getInput: jest.fn<(name: string) => string>(),
  setOutput: jest.fn(),
  setFailed: jest.fn(),
  saveState: jest.fn(),
  info: jest.fn(),
  warning: jest.fn(),
  startGroup: jest.fn(),
  endGroup: jest.fn(),
  addPath: jest.fn(),
  summary: {}
}
const runInMicroVm = jest.fn<(options: EngineOptions) => Promise<EngineResult>>()
const getSettings = jest.fn(() => settings())
const readRawInputs = jest.fn(() => rawInputs())
const installLaterSteps = jest.fn(() => '/runner/temp/krun-run-shell')
const prepareLaterSteps = jest.fn<(options: PrepareOptions) => Promise<PrepareResult>>(() =>
  Promise.resolve({ checks: [], failure: undefined, image: undefined, launcherDir: '/runner/temp/krun-run-shell' })
)

jest.unstable_mockModule('@actions/core', () => core)
jest.unstable_mockModule('../src/engine/run.js', () => ({ runInMicroVm }))
jest.unstable_mockModule('../src/engine/prepare.js', () => ({ prepareLaterSteps, installLaterSteps }))
jest.unstable_mockModule('../src/action/inputs.js', () => ({
  getSettings,
  readRawInputs,
  hasCommands: (raw: { commands: string }) => raw.commands.trim() !== ''
}))
jest.unstable_mockModule('../src/action/summary.js', () => ({
  writeSummary: jest.fn(() => Promise.resolve()),
  writeDoctorSummary: jest.fn(() => Promise.resolve())
}))

const { READY_LINE, run } = await import('../src/action/main.js')

const result = (outcome: Partial<EngineResult['outcome']>, log = ''): EngineResult => ({
  outcome: { exitCode: 0, timedOut: false, failure: undefined, showLog: false, ...outcome },
  log,
  libkrun: '/lib/libkrun.so.1',
  wallMs: 1200,
  image: undefined,
  kernelNote: undefined,
  fileCommands: NO_FILE_COMMANDS,
  workspaceSweep: undefined,
  refusals: undefined
})

beforeEach(() => jest.clearAllMocks())

describe('main', () => {
  it('sets exit-code and passes when the commands exit 0', async () => {
    runInMicroVm.mockResolvedValue(result({ exitCode: 0 }))
    await run()
    expect(core.setOutput).toHaveBeenCalledWith('exit-code', '0')
    expect(core.setOutput).toHaveBeenCalledWith('timed-out', 'false')
    expect(core.setFailed).not.toHaveBeenCalled()
    // Run from the sources, as GitHub's local-action does, it finds the repository's dist/.
    expect(runInMicroVm.mock.calls[0][0]).toMatchObject({
      distDir: path.join(REPO, 'dist'),
      host: { kvmDevice: '/dev/kvm' }
    })
  })

  it.each([
    ['/runner/temp', undefined, '/runner/temp', 'RUNNER_TEMP', '/runner/temp/krun-action-'],
    ['/runner/temp', '/runner/tools', '/runner/temp', 'RUNNER_TEMP', '/runner/tools/krun-action/'],
    [undefined, undefined, os.tmpdir(), 'the temporary directory', path.join(os.tmpdir(), 'krun-action-')]
  ])(
    'runs in RUNNER_TEMP (%p) and caches images and libkrun in RUNNER_TOOL_CACHE (%p), else in the temp dir',
    async (runnerTemp, toolCache, tempDir, tempDirName, cachePrefix) => {
      const saved = { RUNNER_TEMP: process.env.RUNNER_TEMP, RUNNER_TOOL_CACHE: process.env.RUNNER_TOOL_CACHE }
      const set = (name: keyof typeof saved, value: string | undefined) => {
        if (value === undefined) delete process.env[name]
        else process.env[name] = value
      }
      set('RUNNER_TEMP', runnerTemp)
      set('RUNNER_TOOL_CACHE', toolCache)
      try {
        runInMicroVm.mockResolvedValue(result({}))
        await run()
      } finally {
        set('RUNNER_TEMP', saved.RUNNER_TEMP)
        set('RUNNER_TOOL_CACHE', saved.RUNNER_TOOL_CACHE)
      }
      expect(runInMicroVm.mock.calls[0][0].host).toMatchObject({
        tempDir,
        tempDirName,
        imageCacheDir: `${cachePrefix}images`,
        libkrunCacheDir: `${cachePrefix}libkrun`
      })
    }
  )

  it('fails with the one-line reason and shows the log when there is one', async () => {
    runInMicroVm.mockResolvedValue(
      result({ exitCode: undefined, failure: 'the microVM did not boot', showLog: true }, 'kernel panic')
    )
    await run()
    expect(core.setOutput).not.toHaveBeenCalledWith('exit-code', expect.anything())
    expect(core.info).toHaveBeenCalledWith('kernel panic')
    expect(core.setFailed).toHaveBeenCalledWith('the microVM did not boot')
  })

  it('hands the run directory and VM pid to the post step, and clears them after cleanup', async () => {
    runInMicroVm.mockImplementation((options) => {
      options.onRunDir?.('/tmp/krun-action-x')
      options.onVmStart?.(1234)
      return Promise.resolve(result({}))
    })
    await run()
    expect(core.saveState.mock.calls).toEqual([
      ['runDir', '/tmp/krun-action-x'],
      ['vmPid', '1234'],
      ['runDir', ''],
      ['vmPid', ''],
      ['imageCache', '']
    ])
  })

  it('turns input and host errors into one line, without a stack trace', async () => {
    getSettings.mockImplementationOnce(() => {
      throw new InputError('cpus', '"0" is out of range; expected a whole number from 1 to 255')
    })
    await run()
    expect(core.setFailed).toHaveBeenLastCalledWith(
      'Input "cpus": "0" is out of range; expected a whole number from 1 to 255'
    )
    runInMicroVm.mockRejectedValue(new HostError('/dev/kvm does not exist'))
    await run()
    expect(core.setFailed).toHaveBeenLastCalledWith('/dev/kvm does not exist')
  })

  it('without commands, checks the host, installs krun-run for later steps and runs nothing', async () => {
    readRawInputs.mockReturnValueOnce(rawInputs({ commands: '  \n' }))
    await run()
    expect(prepareLaterSteps).toHaveBeenCalledTimes(1)
    expect(core.addPath).toHaveBeenCalledWith('/runner/temp/krun-run-shell')
    expect(runInMicroVm).not.toHaveBeenCalled()
    expect(core.info).toHaveBeenCalledWith(READY_LINE)
    expect(core.setOutput).not.toHaveBeenCalled()
    expect(core.setFailed).not.toHaveBeenCalled()
  })

  it("without commands, fails with the host check's one line and installs nothing when no microVM could start", async () => {
    readRawInputs.mockReturnValueOnce(rawInputs({ commands: '' }))
    prepareLaterSteps.mockResolvedValueOnce({
      checks: [],
      failure: 'this host cannot start a microVM: KVM device: gone',
      image: undefined,
      launcherDir: undefined
    })
    await run()
    expect(core.setFailed).toHaveBeenCalledWith('this host cannot start a microVM: KVM device: gone')
    expect(core.addPath).not.toHaveBeenCalled()
  })

  it('with commands, installs krun-run too once the microVM starts, and runs them', async () => {
    runInMicroVm.mockImplementation((options) => {
      expect(installLaterSteps).not.toHaveBeenCalled()
      options.onVmStart?.(1234)
      expect(core.addPath).toHaveBeenCalledWith('/runner/temp/krun-run-shell')
      return Promise.resolve(result({ exitCode: 3, failure: 'commands exited with code 3' }))
    })
    await run()
    expect(installLaterSteps).toHaveBeenCalledTimes(1)
    expect(prepareLaterSteps).not.toHaveBeenCalled()
    expect(core.setOutput).toHaveBeenCalledWith('exit-code', '3')
  })
})
