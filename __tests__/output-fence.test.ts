/** The fence around the guest's output, read as the runner reads a step's output. */
import { commandsBesidesFences, fences, runnerView } from '../__fixtures__/workflow-commands.js'
import { OutputFence, newFenceToken } from '../src/engine/vm-process/output-fence.js'

function fenceWriting(tokens: string[] = ['a'.repeat(32), 'b'.repeat(32), 'c'.repeat(32)]) {
  let output = ''
  const write = (text: string) => (output += text)
  const fence = new OutputFence(write, () => tokens.shift() as string)
  return { fence, write, output: () => output }
}

describe('newFenceToken', () => {
  it('is 128 random bits in hex, new each time', () => {
    const drawn = new Set(Array.from({ length: 1000 }, newFenceToken))
    expect(drawn.size).toBe(1000)
    for (const token of drawn) expect(token).toMatch(/^[0-9a-f]{32}$/)
  })
})

describe('OutputFence', () => {
  it('masks the token, stops commands, and resumes them on a line of its own', () => {
    const { fence, write, output } = fenceWriting()
    fence.open()
    expect(fence.isOpen).toBe(true)
    write('::error::from the guest\n')
    fence.close()
    expect(fence.isOpen).toBe(false)
    const token = 'a'.repeat(32)
    expect(output()).toBe(`::add-mask::${token}\n::stop-commands::${token}\n::error::from the guest\n\n::${token}::\n`)
    expect(fences(output())).toEqual([{ token, inside: '::error::from the guest\n' }])
  })

  it('closes even after a line the guest left unfinished, or one that ends in \\r', () => {
    for (const last of ['::warning::no newline', 'carriage return\r', '']) {
      const { fence, write, output } = fenceWriting()
      fence.open()
      write(last)
      fence.close()
      write('::error::the action after the run\n')
      const view = runnerView(output())
      expect(view.stoppedAtEnd).toBe(false)
      expect(commandsBesidesFences(view)).toEqual([{ name: 'error', data: 'the action after the run' }])
    }
  })

  it('holds against a guest that prints stop-commands and a resume of its own', () => {
    const { fence, write, output } = fenceWriting()
    fence.open()
    write('::stop-commands::mine\n::mine::\n::add-mask::x\n  ::set-output name=a::1\n')
    expect(runnerView(output()).stoppedAtEnd).toBe(true)
    fence.close()
    expect(commandsBesidesFences(runnerView(output()))).toEqual([])
  })

  it('prints the front end outside the fence, then opens it again with a new token', () => {
    const { fence, write, output } = fenceWriting()
    fence.outside(() => write('::warning::before any fence\n'))
    fence.open()
    write('guest\n')
    fence.outside(() => write('::warning::the front end\n'))
    write('guest again\n')
    fence.close()
    expect(commandsBesidesFences(runnerView(output()))).toEqual([
      { name: 'warning', data: 'before any fence' },
      { name: 'warning', data: 'the front end' }
    ])
    expect(fences(output()).map(({ token }) => token)).toEqual(['a'.repeat(32), 'b'.repeat(32)])
  })

  it('opens again even when what it printed outside failed', () => {
    const { fence } = fenceWriting()
    fence.open()
    expect(() =>
      fence.outside(() => {
        throw new Error('EPIPE')
      })
    ).toThrow('EPIPE')
    expect(fence.isOpen).toBe(true)
  })

  it('opens and closes once however often it is asked', () => {
    const { fence, output } = fenceWriting()
    fence.close()
    fence.open()
    fence.open()
    fence.close()
    fence.close()
    expect(fences(output())).toEqual([{ token: 'a'.repeat(32), inside: '' }])
    expect(output().split('::stop-commands::')).toHaveLength(2)
  })
})
