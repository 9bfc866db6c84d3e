/**
 * An OCI image as the guest's base, end to end: the bundled action and krun-run against the
 * stand-in libkrun, pulling from a real registry on loopback that the tests start and fill.
 */
import { spawn } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import {
  DIST,
  STANDIN,
  errorLines,
  makeScratch,
  removeScratches,
  runAction,
  waitFor
} from '../__fixtures__/action-runner.js'
import { STANDIN_1_16, describeTier } from '../__fixtures__/tiers.js'
import {
  busyboxEntries,
  cacheProblems,
  pushImage,
  startProxy,
  startRegistry,
  type TestRegistry
} from '../__fixtures__/registry.js'

const architecture = process.arch === 'arm64' ? 'arm64' : 'amd64'
const COMMANDS = 'cat /etc/hostname; cat /etc/marker; ls /bin/busybox; echo changed > /etc/hostname'

afterAll(removeScratches)

describeTier(['standin', 'registry'], 'an OCI image as the base, end to end', () => {
  let registry: TestRegistry
  let reference: string
  let digest: string
  let toolCache: string

  beforeAll(async () => {
    registry = await startRegistry()
    const marker = { name: 'etc/marker', content: 'from the image\n' }
    const pushed = await pushImage(registry, 'tiny', {
      architecture,
      tag: '1',
      layers: [{ entries: busyboxEntries() }, { entries: [marker], compression: 'none' }]
    })
    reference = `${registry.host}/tiny:1`
    digest = pushed.digest
    toolCache = path.join(makeScratch().dir, 'tool-cache')
  })
  afterAll(async () => registry?.stop())

  const imageCache = () => path.join(toolCache, 'krun-action', 'images')

  it('runs the commands on the image, sets image-digest, and names the image in the summary', async () => {
    const result = await runAction({
      inputs: { image: reference, commands: COMMANDS },
      env: { RUNNER_TOOL_CACHE: toolCache }
    })
    expect(errorLines(result)).toEqual([])
    expect(result.code).toBe(0)
    expect(result.stdout).toContain('image\nfrom the image\n/bin/busybox\n')
    expect(result.outputs['image-digest']).toBe(digest)
    expect(result.summary).toContain(`${reference} (${digest}`)
    expect(result.summary).toContain('pulled')
    expect(result.leftInTemp).toEqual([])
    expect(cacheProblems(imageCache())).toEqual([])
  })

  it('krun-run --image uses the same engine, with its cache under XDG_CACHE_HOME', async () => {
    const scratch = makeScratch()
    const cacheHome = path.join(scratch.dir, 'cache')
    const child = spawn(process.execPath, [path.join(DIST, 'cli', 'index.js'), '--image', reference, '-c', COMMANDS], {
      cwd: scratch.workspace,
      env: {
        PATH: process.env.PATH,
        HOME: scratch.dir,
        TMPDIR: scratch.temp,
        XDG_CACHE_HOME: cacheHome,
        KRUN_LIBRARY: STANDIN
      },
      stdio: ['ignore', 'pipe', 'pipe']
    })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (chunk) => (stdout += chunk))
    child.stderr.on('data', (chunk) => (stderr += chunk))
    const code = await new Promise((resolve) => child.on('close', resolve))
    expect({ code, stdout }).toEqual({ code: 0, stdout: 'image\nfrom the image\n/bin/busybox\n' })
    expect(stderr).toMatch(/^krun-run: /m)
    expect(fs.readdirSync(path.join(cacheHome, 'krun-action', 'images'))).toContain('roots')
    expect(fs.readdirSync(scratch.temp)).toEqual([])
  })

  it('refuses the image with a libkrun that cannot share it read-only on the host side, before the guest starts', async () => {
    const scratch = makeScratch()
    const result = await runAction({
      scratch,
      libkrun: STANDIN_1_16,
      inputs: { image: reference, commands: 'touch ran' },
      env: { RUNNER_TOOL_CACHE: toolCache }
    })
    expect(result.code).toBe(1)
    expect(errorLines(result)).toEqual([
      `Input "image": needs libkrun 1.18 or newer (${STANDIN_1_16} lacks krun_add_virtiofs3) to share the image ` +
        'read-only on the host side, so that no guest can change the image cache; install a newer libkrun or use a rootfs directory'
    ])
    expect(result.record).not.toMatch(/krun_start_enter/)
    expect(fs.existsSync(path.join(scratch.workspace, 'ran'))).toBe(false)
    expect(result.outputs['exit-code']).toBeUndefined()
    expect(result.leftInTemp).toEqual([])
  })

  it("counts the pull in the step's timeout: a registry that drips a layer fails the step in one line", async () => {
    const pushed = await pushImage(registry, 'slow', {
      architecture,
      tag: '1',
      layers: [
        { entries: busyboxEntries() },
        { entries: [{ name: 'etc/big', content: Buffer.alloc(256 * 1024, 5) }], compression: 'none' }
      ]
    })
    const layer = pushed.layers[1].digest
    const proxy = await startProxy(registry.host, { dripBlob: { digest: layer, bytes: 200, everyMs: 100 } })
    try {
      const scratch = makeScratch()
      const cache = path.join(scratch.dir, 'tool-cache')
      const result = await runAction({
        scratch,
        inputs: { image: `${proxy.host}/slow:1`, commands: 'touch ran', timeout: '2' },
        env: { RUNNER_TOOL_CACHE: cache }
      })
      expect(errorLines(result)).toEqual([
        expect.stringMatching(
          new RegExp(
            `^registry ${proxy.host}, repository slow: the pull was not finished when the timeout \\(2s\\) ran out; ` +
              'still running: (.*, )?fetching layer 2/2 sha256:[0-9a-f]{12}… \\([^)]* of [^)]*\\)(, .*)?$'
          )
        )
      ])
      expect(result.code).toBe(1)
      expect(proxy.blobGets[layer]).toBe(1)
      expect(fs.existsSync(path.join(scratch.workspace, 'ran'))).toBe(false)
      expect(result.leftInTemp).toEqual([])
      expect(cacheProblems(path.join(cache, 'krun-action', 'images'))).toEqual([])
    } finally {
      await proxy.stop()
    }
  })

  /** Starts the action on an image whose second layer drips, and sends it `signal` once that layer is being unpacked. */
  async function killedWhilePulling(signal: NodeJS.Signals, repository: string) {
    const pushed = await pushImage(registry, repository, {
      architecture,
      tag: '1',
      layers: [
        { entries: busyboxEntries() },
        { entries: [{ name: 'etc/big', content: Buffer.alloc(256 * 1024, 6) }], compression: 'none' }
      ]
    })
    const proxy = await startProxy(registry.host, {
      dripBlob: { digest: pushed.layers[1].digest, bytes: 1000, everyMs: 50 }
    })
    const scratch = makeScratch()
    const cache = path.join(scratch.dir, 'tool-cache', 'krun-action', 'images')
    const pulling = (): boolean =>
      proxy.dripped > 0 && fs.existsSync(path.join(cache, 'tmp')) && fs.readdirSync(path.join(cache, 'tmp')).length > 0
    try {
      const result = await runAction({
        scratch,
        inputs: { image: `${proxy.host}/${repository}:1`, commands: 'touch ran' },
        env: { RUNNER_TOOL_CACHE: path.join(scratch.dir, 'tool-cache') },
        onSpawn: (child) => {
          void waitFor(pulling).then(
            () => child.kill(signal),
            () => undefined
          )
        }
      })
      return { result, scratch, cache }
    } finally {
      await proxy.stop()
    }
  }

  it('on SIGTERM during a pull stops it, fails in one line and leaves nothing behind', async () => {
    const { result, scratch, cache } = await killedWhilePulling('SIGTERM', 'cancelled')
    expect(result.code).toBe(1)
    expect(errorLines(result)).toEqual([
      expect.stringMatching(
        new RegExp(
          `^registry 127\\.0\\.0\\.1:\\d+, repository cancelled: the pull was not finished when the run was cancelled \\(SIGTERM\\); ` +
            'still running: (.*, )?fetching layer 2/2 sha256:[0-9a-f]{12}… \\([^)]* of [^)]*\\)(, .*)?$'
        )
      )
    ])
    expect(fs.existsSync(path.join(scratch.workspace, 'ran'))).toBe(false)
    expect(result.leftInTemp).toEqual([])
    expect(cacheProblems(cache)).toEqual([])
  })

  it('when killed outright during a pull, leaves the post step what to remove: the early run directory and the half pull', async () => {
    const { result, scratch, cache } = await killedWhilePulling('SIGKILL', 'killed')
    expect(result.signal).toBe('SIGKILL')
    expect(result.leftInTemp).toHaveLength(1)
    expect(result.state.runDir).toBe(path.join(scratch.temp, result.leftInTemp[0]))
    expect(result.state.imageCache).toBe(cache)
    expect(cacheProblems(cache)).not.toEqual([])
    const state = Object.fromEntries(Object.entries(result.state).map(([name, value]) => [`STATE_${name}`, value]))
    const post = await runAction({ scratch, inputs: {}, env: state, entry: path.join(DIST, 'post', 'index.js') })
    expect(post.code).toBe(0)
    expect(post.leftInTemp).toEqual([])
    expect(cacheProblems(cache)).toEqual([])
  })

  // Stops the registry: the tests after it need none.
  it('runs from the cache with the registry stopped, and the guest never changed the cached root', async () => {
    await registry.stop()
    await expect(fetch(`http://${registry.host}/v2/`)).rejects.toThrow()
    const result = await runAction({
      inputs: { image: reference, commands: 'cat /etc/hostname' },
      env: { RUNNER_TOOL_CACHE: toolCache }
    })
    expect(result.code).toBe(0)
    expect(result.stdout).toMatch(/^image$/m)
    expect(result.stdout).not.toContain('changed')
    expect(result.stdout).not.toMatch(/Pulling|Fetching|downloaded/i)
    expect(result.summary).toContain('from the cache')
    expect(result.outputs['image-digest']).toBe(digest)
  })

  it("with the registry down and nothing cached, fails with the registry's line, not an input's", async () => {
    const scratch = makeScratch()
    const result = await runAction({
      scratch,
      inputs: { image: reference, commands: 'true' },
      env: { RUNNER_TOOL_CACHE: path.join(scratch.dir, 'empty-cache') }
    })
    expect(result.code).toBe(1)
    expect(errorLines(result)).toEqual([
      `registry ${registry.host}, repository tiny: fetching the manifest 1 failed after 4 tries: ` +
        'the connection failed (ECONNREFUSED); check that the registry is reachable and try again'
    ])
    expect(result.leftInTemp).toEqual([])
  })

  it('refuses image together with a rootfs, in one line', async () => {
    const result = await runAction({ inputs: { image: reference, rootfs: '/usr', commands: 'true' } })
    expect(result.code).toBe(1)
    expect(errorLines(result)).toEqual([
      'Input "image": and rootfs are both set; the base is either an image or a rootfs directory, not both'
    ])
  })

  it('with pull: never and an empty cache, fails naming the image, leaving nothing behind', async () => {
    const scratch = makeScratch()
    const result = await runAction({
      scratch,
      inputs: { image: reference, pull: 'never', commands: 'true' },
      env: { RUNNER_TOOL_CACHE: path.join(scratch.dir, 'empty-cache') }
    })
    expect(result.code).toBe(1)
    expect(errorLines(result)).toHaveLength(1)
    expect(errorLines(result)[0]).toMatch(/^Input "image": .*tiny/)
    expect(result.outputs['exit-code']).toBeUndefined()
    expect(result.leftInTemp).toEqual([])
  })

  it('refuses a malformed reference before anything starts', async () => {
    const result = await runAction({ inputs: { image: 'UPPER/Case:tag', commands: 'true' } })
    expect(errorLines(result)).toEqual([
      expect.stringMatching(
        /^Input "image": "UPPER\/Case:tag" is not a valid reference: repository name must be lowercase; /
      )
    ])
    expect(result.record).toBe('')
  })
})
