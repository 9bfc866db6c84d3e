import { settings } from '../__fixtures__/inputs.js'
import { summaryRows } from '../src/action/summary.js'
import { NO_FILE_COMMANDS } from '../src/engine/guest/file-commands.js'
import { enomemProneKernel, kernelWorkaround } from '../src/engine/host/kernel-quirks.js'
import { vmProcessEnv } from '../src/engine/vm-process/vm-launcher.js'

describe('enomemProneKernel', () => {
  it.each(['6.11.0-1015-azure', '6.12.15-100.fc40.x86_64', '6.13.2', '6.12', '6.11.0'])('is true for %p', (release) => {
    expect(enomemProneKernel(release)).toBe(true)
  })
  it.each(['6.10.14', '6.14.0-1012-azure', '6.8.0-1021-azure', '5.15.0', '7.12.0', '6.1', '6.110.0', 'x', ''])(
    'is false for %p',
    (release) => {
      expect(enomemProneKernel(release)).toBe(false)
    }
  )
})

describe('kernelWorkaround', () => {
  it('sets KRUN_ENOMEM_WORKAROUND=1 on an affected kernel and says so', () => {
    expect(kernelWorkaround('6.11.0-1015-azure', {})).toEqual({
      env: { KRUN_ENOMEM_WORKAROUND: '1' },
      note: 'host kernel 6.11.0-1015-azure is one on which KVM_RUN can fail with ENOMEM (libkrun issue 314); the VM process runs with KRUN_ENOMEM_WORKAROUND=1'
    })
  })
  it("keeps the user's own value, even an empty one", () => {
    expect(kernelWorkaround('6.12.1', { KRUN_ENOMEM_WORKAROUND: '' })).toEqual({
      env: {},
      note: 'host kernel 6.12.1 is one on which KVM_RUN can fail with ENOMEM (libkrun issue 314); KRUN_ENOMEM_WORKAROUND is left as set in the environment'
    })
  })
  it('does nothing on other kernels', () => {
    expect(kernelWorkaround('6.14.0', {})).toBeUndefined()
  })
})

describe("the VM process's environment", () => {
  it('gets the workaround on an affected kernel unless the user set it', () => {
    expect(vmProcessEnv('/lib/libkrun.so.1', { PATH: '/bin' }, '6.13.0').KRUN_ENOMEM_WORKAROUND).toBe('1')
    expect(vmProcessEnv('/lib/libkrun.so.1', { KRUN_ENOMEM_WORKAROUND: '0' }, '6.13.0').KRUN_ENOMEM_WORKAROUND).toBe(
      '0'
    )
    expect(vmProcessEnv('/lib/libkrun.so.1', { PATH: '/bin' }, '6.14.0')).not.toHaveProperty('KRUN_ENOMEM_WORKAROUND')
  })
})

describe('the job summary', () => {
  const result = (kernelNote: string | undefined) => ({
    outcome: { exitCode: 0, timedOut: false, failure: undefined, showLog: false },
    log: '',
    libkrun: '/lib/libkrun.so.1',
    wallMs: 1000,
    fileCommands: NO_FILE_COMMANDS,
    image: undefined,
    workspaceSweep: undefined,
    kernelNote,
    refusals: undefined
  })
  it('says when the VM process got a kernel workaround, and only then', () => {
    const note = kernelWorkaround('6.12.0', {})?.note as string
    expect(summaryRows(settings(), result(note))).toContainEqual(['Host kernel', note])
    expect(summaryRows(settings(), result(undefined)).map(([what]) => what)).not.toContain('Host kernel')
  })
})
