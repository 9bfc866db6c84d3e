/**
 * The guest init's copy-up check, with copy-up failing for real: the base is a FUSE file
 * system that answers FS_IOC_GETFLAGS with EOPNOTSUPP, as libkrun's virtio-fs server did
 * (libkrun issue 867), so overlayfs refuses to copy its directories up. The stand-in's own
 * bind-mounted bases never show the failure; every other end-to-end run shows the check
 * passing on an ordinary base.
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { errorLines, makeScratch, removeScratches, runAction } from '../__fixtures__/action-runner.js'
import { EOPNOTSUPP_FS, describeTier } from '../__fixtures__/tiers.js'

afterAll(removeScratches)

/** Mounts the file system at `dir`; resolves once it is mounted. */
function mountEopnotsuppFs(dir: string): Promise<ChildProcess> {
  const server = spawn(EOPNOTSUPP_FS, [dir], { stdio: ['ignore', 'pipe', 'inherit'] })
  return new Promise((resolve, reject) => {
    server.stdout.setEncoding('utf8')
    server.stdout.on('data', (text: string) => {
      if (text.includes('ready\n')) resolve(server)
    })
    server.on('exit', (code) => reject(new Error(`eopnotsupp-fs exited with code ${code} before it was ready`)))
  })
}

describeTier(['standin', 'fuse'], 'the guest init on a base whose copy-up fails', () => {
  it('fails the step in one line naming the cause and the fix, before the commands run', async () => {
    const scratch = makeScratch()
    const base = path.join(scratch.dir, 'base')
    fs.mkdirSync(base)
    const server = await mountEopnotsuppFs(base)
    const ended = new Promise((resolve) => server.on('exit', resolve))
    try {
      const result = await runAction({ inputs: { commands: 'echo ran', rootfs: base }, scratch })
      expect(result.stdout).not.toContain('ran\n')
      expect(result.outputs['exit-code']).toBeUndefined()
      expect(errorLines(result)).toEqual([
        "the guest init failed: krun-init: the base filesystem cannot be changed through the overlay (copy-up failed: Operation not supported): this libkrun's virtio-fs has the bug of libkrun issue 867; use a libkrun with its fix"
      ])
    } finally {
      execFileSync('umount', ['-l', base])
      await ended
    }
  })
})
