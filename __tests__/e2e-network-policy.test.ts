/**
 * Network public end to end: the bundled action, its VM process under krun-netguard and the
 * stand-in's guest (host processes that inherit the filter) run inside network namespaces
 * this test makes (__fixtures__/net-namespaces.ts); every address below exists only there.
 */
import fs from 'node:fs'
import path from 'node:path'
import {
  type ActionResult,
  type RunOptions,
  type Scratch,
  errorLines,
  makeScratch,
  processesWith,
  removeScratches,
  runAction,
  waitFor
} from '../__fixtures__/action-runner.js'
import {
  PRIVATE_HOST,
  PUBLIC_HOST,
  RESOLVED,
  RESOLVER,
  type TestNet,
  createTestNet,
  helloServer,
  resolverServer
} from '../__fixtures__/net-namespaces.js'
import { describeTier } from '../__fixtures__/tiers.js'

const CHECKER = path.resolve(import.meta.dirname, '../__fixtures__/net-check.py')
const LOOPBACK_PORT = 18181
const HOST_PORT = 8000

afterAll(removeScratches)

/** The supervisors of the runs in this scratch's RUNNER_TEMP (the VM process is node, not krun-netguard). */
function supervisorsOf(scratch: Scratch): number[] {
  return processesWith(scratch.temp).filter((pid) =>
    fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0')[0].endsWith('krun-netguard')
  )
}

/** The refusals counted so far in each run's table (refused-table.ts: the total is at byte 16). */
function refusedSoFar(scratch: Scratch): number[] {
  return fs
    .readdirSync(scratch.temp)
    .map((name) => path.join(scratch.temp, name, 'net-refused'))
    .filter((file) => fs.existsSync(file))
    .map((file) => Number(fs.readFileSync(file).readBigUInt64LE(16)))
}

describeTier(['standin', 'root'], 'network public, in network namespaces the test makes', () => {
  let testNet: TestNet
  beforeAll(async () => {
    testNet = createTestNet()
    await testNet.serve('action', helloServer('127.0.0.1', LOOPBACK_PORT, 'loopback'))
    await testNet.serve('action', helloServer('::1', LOOPBACK_PORT, 'loopback6'))
    await testNet.serve('action', resolverServer())
    await testNet.serve('hosts', helloServer('0.0.0.0', HOST_PORT, 'a test host'))
  })
  afterAll(() => testNet?.close())

  /** Runs the checks (NAME=KIND:TARGET, see net-check.py) in the guest; returns NAME → result. */
  async function checks(
    list: string[],
    inputs: Record<string, string> = {},
    options: Partial<RunOptions> = {}
  ): Promise<{ result: ActionResult; seen: Record<string, string> }> {
    const scratch = options.scratch ?? makeScratch()
    fs.copyFileSync(CHECKER, path.join(scratch.workspace, 'check.py'))
    const result = await runAction({
      ...options,
      scratch,
      wrap: ['ip', 'netns', 'exec', testNet.name],
      inputs: { commands: `/usr/bin/python3 check.py ${list.join(' ')}`, ...inputs }
    })
    const seen = Object.fromEntries(
      result.stdout
        .split('\n')
        .map((line) => /^(\w+): (.*)$/.exec(line))
        .filter((match) => match !== null)
        .map((match) => [match[1], match[2]])
    )
    return { result, seen }
  }

  it('reaches public addresses and the resolver, refuses the rest and lists it', async () => {
    const { result, seen } = await checks([
      `loopback=tcp:127.0.0.1:${LOOPBACK_PORT}`,
      `public=tcp:${PUBLIC_HOST}:${HOST_PORT}`,
      `private=tcp:${PRIVATE_HOST}:${HOST_PORT}`,
      'metadata=tcp:169.254.169.254:80',
      `mapped=tcp:[::ffff:127.0.0.1]:${LOOPBACK_PORT}`,
      `loopback6=tcp:[::1]:${LOOPBACK_PORT}`,
      'unix=unix:own',
      `dns=dns:${RESOLVER}`
    ])
    expect(seen).toEqual({
      loopback: 'refused ECONNREFUSED',
      public: 'ok hello from a test host',
      private: 'refused ECONNREFUSED',
      metadata: 'refused ECONNREFUSED',
      mapped: 'refused ECONNREFUSED',
      loopback6: 'refused ECONNREFUSED',
      unix: 'ok own unix socket',
      dns: `ok ${RESOLVED}`
    })
    expect(result.outputs['exit-code']).toBe('0')
    expect(result.stdout).toContain('network public refused 5 connection attempts or datagrams\n')
    for (const destination of [
      `127.0.0.1:${LOOPBACK_PORT} (tcp): refused once`,
      `${PRIVATE_HOST}:${HOST_PORT} (tcp): refused once`,
      '169.254.169.254:80 (tcp): refused once',
      `[::ffff:127.0.0.1]:${LOOPBACK_PORT} (tcp): refused once`,
      `[::1]:${LOOPBACK_PORT} (tcp): refused once`
    ]) {
      expect(result.stdout).toContain(`${destination}\n`)
      expect(result.summary).toContain(destination)
    }
  })

  it('lets through what allow names, and everything with network tsi', async () => {
    const list = [`loopback=tcp:127.0.0.1:${LOOPBACK_PORT}`, `private=tcp:${PRIVATE_HOST}:${HOST_PORT}`]
    const allowed = await checks(list, { allow: `127.0.0.1:${LOOPBACK_PORT}\n${PRIVATE_HOST}/32` })
    expect(allowed.seen).toEqual({ loopback: 'ok hello from loopback', private: 'ok hello from a test host' })
    expect(allowed.result.stdout).not.toContain('network public refused')
    const tsi = await checks(list, { network: 'tsi' })
    expect(tsi.seen).toEqual(allowed.seen)
  })

  it('ends a flood of 10,000 refused connections normally, counting every one, its supervisor no bigger after', async () => {
    const scratch = makeScratch()
    const [half, full] = ['half', 'full'].map((name) => path.join(scratch.workspace, name))
    const flood = `flood:127.0.0.1:${LOOPBACK_PORT}:5000`
    const running = checks(
      [`first=${flood}`, `wait=wait:${half}`, `second=${flood}`, `done=wait:${full}`],
      {},
      { scratch }
    )
    // The supervisor's own memory (not the table file it maps), after 5,000 refusals and after 10,000.
    const anonymousKib = () => {
      const [pid] = supervisorsOf(scratch)
      return Number(/^RssAnon:\s+([0-9]+) kB$/m.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1])
    }
    await waitFor(() => refusedSoFar(scratch).includes(5000), 120000)
    const afterHalf = anonymousKib()
    fs.writeFileSync(half, '')
    await waitFor(() => refusedSoFar(scratch).includes(10000), 120000)
    const afterAll = anonymousKib()
    fs.writeFileSync(full, '')
    const { result, seen } = await running
    expect(seen).toEqual({ first: 'ok 5000 refused', wait: 'ok done', second: 'ok 5000 refused', done: 'ok done' })
    expect(afterHalf).toBeGreaterThan(0)
    expect(afterAll).toBe(afterHalf)
    expect(result.outputs['exit-code']).toBe('0')
    expect(result.stdout).toContain('network public refused 10000 connection attempts or datagrams\n')
    expect(result.stdout).toContain(`127.0.0.1:${LOOPBACK_PORT} (tcp): refused 10000 times\n`)
  })

  it('fails closed when the supervisor is killed, and the step still ends and reports', async () => {
    const scratch = makeScratch()
    const goAhead = path.join(scratch.workspace, 'go')
    const running = checks(
      [`before=tcp:${PRIVATE_HOST}:${HOST_PORT}`, `wait=wait:${goAhead}`, `after=tcp:${PUBLIC_HOST}:${HOST_PORT}`],
      {},
      { scratch }
    )
    await waitFor(() => supervisorsOf(scratch).length === 1, 60000)
    // The first check was refused: the guest is running, and is waiting for the go-ahead.
    await waitFor(() => refusedSoFar(scratch).includes(1), 60000)
    process.kill(supervisorsOf(scratch)[0], 'SIGKILL')
    fs.writeFileSync(goAhead, '')
    const { result, seen } = await running
    expect(seen).toEqual({ before: 'refused ECONNREFUSED', wait: 'ok done', after: 'refused ENOSYS' })
    expect(result.stdout).toContain(`${PRIVATE_HOST}:${HOST_PORT} (tcp): refused once\n`)
  })

  it('refuses a malformed allow, and allow with network tsi, in one line naming allow', async () => {
    const bad = await runAction({ inputs: { commands: 'true', allow: '10.0.0.0/33' } })
    expect(errorLines(bad)).toEqual([
      'Input "allow": line 1: "10.0.0.0/33" is not an address, CIDR or host name; expected CIDR, CIDR:PORT, HOST or HOST:PORT (e.g. 10.1.2.0/24:5432, [fd00::1]:443), one per line'
    ])
    const port = await runAction({ inputs: { commands: 'true', allow: '10.0.0.1:70000' } })
    expect(errorLines(port)).toEqual([expect.stringMatching(/^Input "allow": line 1: port "70000" is not 1 to 65535;/)])
    const tsi = await runAction({ inputs: { commands: 'true', network: 'tsi', allow: '10.0.0.1' } })
    expect(errorLines(tsi)).toEqual([
      'Input "allow": applies only to network public, and network is tsi; remove allow or use network public'
    ])
  })
})
