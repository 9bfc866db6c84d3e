/**
 * The guest's network and the host's view of it, end to end through the bundled action
 * with the stand-in libkrun: TSI reaches the host's loopback, `none` does not (`public`
 * has its own suite, e2e-network-policy.test.ts), no guest
 * port is exposed unless asked, and a libkrun too old for what was asked says so.
 */
import fs from 'node:fs'
import net from 'node:net'
import path from 'node:path'
import {
  type ActionResult,
  type RunOptions,
  errorLines,
  removeScratches,
  runAction,
  waitFor
} from '../__fixtures__/action-runner.js'
import { STANDIN_1_16, describeTier } from '../__fixtures__/tiers.js'

const READ_ONLY_WARNING =
  'this libkrun has no krun_add_virtiofs3 (libkrun 1.18): the base filesystem is read-only only inside the guest, which could remount it'

afterAll(removeScratches)

/** A TCP listener on the host's loopback that counts connections and the bytes it got. */
async function loopbackListener(): Promise<{
  port: number
  /** Connections taken, but for probe()'s. */
  connections: () => number
  /** Of those, the ones whose peer has finished sending: all it sent is in received(). */
  finished: () => number
  received: () => string
  /**
   * Connects from the host and resolves once the listener has taken that connection: the kernel
   * hands connections over in the order they were made, so any made before has been counted then.
   */
  probe: () => Promise<void>
  close: () => Promise<void>
}> {
  const peers: { port: number | undefined; finished: boolean }[] = []
  const probes = new Set<number>()
  let received = ''
  const server = net.createServer((socket) => {
    const peer = { port: socket.remotePort, finished: false }
    peers.push(peer)
    socket.setEncoding('utf8')
    socket.on('data', (chunk: string) => (received += chunk))
    socket.on('end', () => (peer.finished = true))
    socket.on('error', () => undefined)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const port = (server.address() as net.AddressInfo).port
  const others = () => peers.filter((peer) => peer.port === undefined || !probes.has(peer.port))
  return {
    port,
    connections: () => others().length,
    finished: () => others().filter((peer) => peer.finished).length,
    received: () => received,
    probe: async () => {
      const socket = net.connect(port, '127.0.0.1')
      await new Promise((resolve, reject) => socket.once('connect', resolve).once('error', reject))
      const local = socket.localPort as number
      probes.add(local)
      await waitFor(() => peers.some((peer) => peer.port === local))
      socket.destroy()
    },
    close: () => new Promise((resolve) => server.close(() => resolve()))
  }
}

async function run(options: RunOptions): Promise<ActionResult> {
  const result = await runAction(options)
  expect(result.leftInTemp).toEqual([])
  return result
}

function recordLines(result: ActionResult, call: string): string[] {
  return result.record.split('\n').filter((line) => line.startsWith(`${call}(`))
}

function warningLines(result: ActionResult): string[] {
  return result.stdout.split('\n').filter((line) => line.startsWith('::warning::'))
}

describeTier('standin', "the guest's network, through the bundled action and the stand-in libkrun", () => {
  it("reaches the host's loopback with network tsi, exposing no guest port", async () => {
    const listener = await loopbackListener()
    try {
      const result = await run({
        inputs: { network: 'tsi', commands: `bash -c 'echo hello-over-tsi > /dev/tcp/127.0.0.1/${listener.port}'` }
      })
      expect(result.outputs['exit-code']).toBe('0')
      // The guest's connection ended: all it sent has arrived. Any other it made has been taken.
      await waitFor(() => listener.finished() > 0)
      await listener.probe()
      expect(listener.connections()).toBe(1)
      expect(listener.received()).toBe('hello-over-tsi\n')
      expect(recordLines(result, 'krun_set_port_map')).toEqual([expect.stringMatching(/, port_map=0\) -> 0$/)])
      expect(recordLines(result, 'krun_disable_implicit_vsock')).toEqual([])
    } finally {
      await listener.close()
    }
  })

  it("cannot reach the host's loopback with network none, and has only lo", async () => {
    const listener = await loopbackListener()
    try {
      const result = await run({
        inputs: {
          network: 'none',
          commands: `echo '[interfaces'; ls /sys/class/net; echo 'interfaces]'\nbash -c 'echo leaked > /dev/tcp/127.0.0.1/${listener.port}'`
        }
      })
      await listener.probe() // any connection the guest made has been taken
      expect(result.outputs['exit-code']).not.toBe('0')
      expect(errorLines(result)).toEqual([`commands exited with code ${result.outputs['exit-code']}`])
      const lines = result.stdout.split('\n')
      expect(lines).toContain('lo')
      expect(lines).not.toContain('eth0')
      expect(lines.slice(lines.indexOf('[interfaces') + 1, lines.indexOf('interfaces]'))).toEqual(['lo'])
      expect(listener.connections()).toBe(0)
      expect(recordLines(result, 'krun_disable_implicit_vsock')).toEqual([expect.stringMatching(/ -> 0$/)])
      expect(recordLines(result, 'krun_set_port_map')).toEqual([expect.stringMatching(/, port_map=0\) -> 0$/)])
    } finally {
      await listener.close()
    }
  })

  it('exposes exactly the ports asked for', async () => {
    const result = await run({ inputs: { commands: 'true', ports: '8080:80\n\n 2222:22 \n' } })
    expect(result.outputs['exit-code']).toBe('0')
    expect(recordLines(result, 'krun_set_port_map')).toEqual([expect.stringMatching(/, port_map=2\) -> 0$/)])
  })

  it.each([
    [
      '8080:80\nlocalhost:80',
      'Input "ports": line 2 is not HOST:GUEST; expected HOST:GUEST, two whole numbers from 1 to 65535 (e.g. 8080:80), one pair per line'
    ],
    [
      '8080:0',
      'Input "ports": line 1 ("8080:0") has a port out of range; expected HOST:GUEST, two whole numbers from 1 to 65535 (e.g. 8080:80), one pair per line'
    ],
    [
      '8080:80\n8080:81',
      'Input "ports": line 2 ("8080:81") exposes host port 8080 a second time; give each host port once'
    ]
  ])('fails with one line for bad ports (case %#), before libkrun is touched', async (ports, line) => {
    const result = await run({ inputs: { commands: 'true', ports } })
    expect(result.code).toBe(1)
    expect(errorLines(result)).toEqual([line])
    expect(result.stdout + result.stderr).not.toMatch(/\n\s+at /)
    expect(result.record).toBe('')
    expect(result.outputs['exit-code']).toBeUndefined()
  })

  it('refuses ports with network none', async () => {
    const result = await run({ inputs: { commands: 'true', network: 'none', ports: '8080:80' } })
    expect(errorLines(result)).toEqual([
      'Input "ports": cannot expose a port with network none, which gives the guest no network; use network public or tsi, or no ports'
    ])
    expect(result.record).toBe('')
  })

  it('fails with one line for an unknown network mode', async () => {
    const result = await run({ inputs: { commands: 'true', network: 'host' } })
    expect(errorLines(result)).toEqual(['Input "network": "host" is not a network mode; expected public, tsi or none'])
    expect(result.record).toBe('')
  })

  it('refuses network none with libkrun 1.16, naming the version needed, and never runs the commands', async () => {
    const result = await run({ inputs: { commands: 'touch ran', network: 'none' }, libkrun: STANDIN_1_16 })
    expect(result.code).toBe(1)
    expect(errorLines(result)).toEqual([
      `Input "network": none needs libkrun 1.17 or newer (${STANDIN_1_16} lacks krun_disable_implicit_vsock); install a newer libkrun or use network tsi`
    ])
    expect(result.outputs['exit-code']).toBeUndefined()
    expect(fs.existsSync(path.join(result.scratch.workspace, 'ran'))).toBe(false)
    expect(recordLines(result, 'krun_start_enter')).toEqual([])
  })

  it('warns exactly once that the base is read-only only inside the guest with libkrun 1.16', async () => {
    const result = await run({ inputs: { commands: 'echo guest-output' }, libkrun: STANDIN_1_16 })
    expect(result.outputs['exit-code']).toBe('0')
    expect(errorLines(result)).toEqual([])
    expect(warningLines(result)).toEqual([`::warning::${READ_ONLY_WARNING}`])
    expect(result.stdout).toContain('guest-output')
    expect(recordLines(result, 'krun_set_port_map')).toEqual([expect.stringMatching(/, port_map=0\) -> 0$/)])
  })

  it('gives no such warning with a libkrun that shares the base read-only', async () => {
    const result = await run({ inputs: { commands: 'true' } })
    expect(result.outputs['exit-code']).toBe('0')
    expect(warningLines(result)).toEqual([])
  })
})
