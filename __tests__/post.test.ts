import { spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { jest } from '@jest/globals'

const state: Record<string, string> = {}
const core = {
  getState: jest.fn((name: string) => state[name] ?? ''),
  info: jest.fn(),
  warning: jest.fn()
}
jest.unstable_mockModule('@actions/core', () => core)
// Importing the post entry runs one cleanup with empty state: nothing to do.
const { cleanup } = await import('../src/action/post.js')

function exited(child: ReturnType<typeof spawn>): Promise<NodeJS.Signals | null> {
  return new Promise((resolve) => child.on('exit', (_code, signal) => resolve(signal)))
}

describe('post step cleanup', () => {
  beforeEach(() => jest.clearAllMocks())

  it('kills the VM process the main step left and removes the run directory', async () => {
    const runDir = fs.mkdtempSync(path.join(os.tmpdir(), 'krun-action-'))
    fs.writeFileSync(path.join(runDir, 'file'), '')
    const vm = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)', runDir], { stdio: 'ignore' })
    Object.assign(state, { runDir, vmPid: String(vm.pid) })
    const signal = exited(vm)
    await cleanup()
    expect(await signal).toBe('SIGKILL')
    expect(fs.existsSync(runDir)).toBe(false)
    expect(core.warning).not.toHaveBeenCalled()
  })

  it('leaves alone a process that does not name the run directory (a reused pid)', async () => {
    const runDir = fs.mkdtempSync(path.join(os.tmpdir(), 'krun-action-'))
    const other = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)'], { stdio: 'ignore' })
    Object.assign(state, { runDir, vmPid: String(other.pid) })
    const ended = exited(other)
    await cleanup()
    // A SIGKILL from cleanup would have doomed the process at once: the kernel would then drop this
    // SIGTERM, and the process would end by SIGKILL.
    other.kill('SIGTERM')
    expect(await ended).toBe('SIGTERM')
    expect(fs.existsSync(runDir)).toBe(false)
  })

  it('does nothing when the main step cleaned up itself', async () => {
    Object.assign(state, { runDir: '', vmPid: '' })
    await cleanup()
    expect(core.info).not.toHaveBeenCalledWith(expect.stringContaining('Stopping'))
  })
})
