/**
 * The bundled action with `libkrun: http://127.0.0.1:PORT/…#sha256=…`: the stand-in libkrun,
 * shipped in a tarball beside a stand-in libkrunfw, downloaded into the tool cache, loaded from
 * there by the VM process together with the libkrunfw beside it, and used again from the cache
 * once the server is gone.
 */
import fs from 'node:fs'
import path from 'node:path'
import {
  type ActionResult,
  errorLines,
  makeScratch,
  removeScratches,
  runAction
} from '../__fixtures__/action-runner.js'
import { archiveOf, standinEntries, startArchiveServer } from '../__fixtures__/archive-server.js'
import { describeTier } from '../__fixtures__/tiers.js'
import { formatBytes } from '../src/image/progress.js'

afterAll(removeScratches)

describeTier('standin', 'the bundled action with a pinned libkrun URL', () => {
  it('downloads it once into the tool cache, loads its libkrunfw, and runs from the cache with the server gone', async () => {
    const server = await startArchiveServer()
    const { bytes, sha256 } = await archiveOf(standinEntries())
    const libkrun = `${server.serve('/release/libkrun.tar.gz', { body: bytes })}#sha256=${sha256}`
    const scratch = makeScratch()
    const tools = path.join(scratch.dir, 'tools')
    const loads = path.join(scratch.dir, 'krunfw-loads')
    const env = { RUNNER_TOOL_CACHE: tools, KRUN_STANDIN_KRUNFW_RECORD: loads }
    const library = path.join(tools, 'krun-action', 'libkrun', sha256, 'lib64', 'libkrun.so.1')
    const krunfw = path.join(path.dirname(library), 'libkrunfw.so.5')

    let result: ActionResult
    try {
      result = await runAction({ inputs: { commands: 'echo hello from the guest', libkrun }, env, scratch })
    } finally {
      await server.stop()
    }
    expect(errorLines(result)).toEqual([])
    expect(result.code).toBe(0)
    expect(result.outputs['exit-code']).toBe('0')
    expect(result.stdout).toContain('hello from the guest\n')
    expect(result.stdout).toContain(
      `Downloaded libkrun from ${server.host} (${formatBytes(bytes.length)}, sha256 checked) into ${library}\n`
    )
    expect(result.record).toMatch(/^krun_start_enter\(.*\) -> exit 0$/m)
    expect(fs.readFileSync(loads, 'utf8')).toBe(`${krunfw}\n`)
    expect(result.summary).toContain(library)
    expect(server.requests).toHaveLength(1)

    const again = await runAction({ inputs: { commands: 'echo again', libkrun }, env })
    expect(errorLines(again)).toEqual([])
    expect(again.outputs['exit-code']).toBe('0')
    expect(again.stdout).toContain('again\n')
    expect(again.stdout).not.toContain('Downloaded libkrun')
    expect(fs.readFileSync(loads, 'utf8')).toBe(`${krunfw}\n${krunfw}\n`)
  })
})
