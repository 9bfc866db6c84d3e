/**
 * A real forward proxy on loopback for the image tests: tinyproxy (Debian's `tinyproxy-bin`), run
 * with its own config in a temporary directory. Its log says which hosts it was asked to reach.
 */
import { spawn, spawnSync } from 'node:child_process'
import fs from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { freePort } from './registry.js'

export interface ForwardProxy {
  /** http://127.0.0.1:PORT */
  url: string
  /** The host:port of every CONNECT it was asked for, in order. */
  tunnels(): string[]
  stop(): Promise<void>
}

export function tinyproxyBinary(): string | undefined {
  const found = spawnSync('sh', ['-c', 'command -v tinyproxy'], { encoding: 'utf8' }).stdout.trim()
  return found || undefined
}

async function waitForPort(port: number, deadline: number): Promise<void> {
  for (;;) {
    const open = await new Promise<boolean>((resolve) => {
      const socket = net.connect(port, '127.0.0.1')
      socket.once('connect', () => socket.end(() => resolve(true)))
      socket.once('error', () => resolve(false))
    })
    if (open) return
    if (Date.now() > deadline) throw new Error(`tinyproxy did not listen on 127.0.0.1:${port}`)
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
}

export async function startTinyproxy(): Promise<ForwardProxy> {
  const binary = tinyproxyBinary()
  if (!binary) throw new Error('tinyproxy is missing: apt-get install tinyproxy-bin')
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'forward-proxy-'))
  const port = await freePort()
  const log = path.join(dir, 'log')
  const config = [`Port ${port}`, 'Listen 127.0.0.1', `LogFile "${log}"`, 'LogLevel Connect', 'Allow 127.0.0.1', '']
  fs.writeFileSync(path.join(dir, 'config'), config.join('\n'))
  const child = spawn(binary, ['-d', '-c', path.join(dir, 'config')], { stdio: 'ignore' })
  try {
    await waitForPort(port, Date.now() + 10_000)
  } catch (error) {
    child.kill('SIGKILL')
    throw error
  }
  return {
    url: `http://127.0.0.1:${port}`,
    tunnels: () =>
      [
        ...(fs.existsSync(log) ? fs.readFileSync(log, 'utf8') : '').matchAll(
          /Request \(file descriptor \d+\): CONNECT (\S+)/g
        )
      ].map((match) => match[1]),
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve))
        child.kill('SIGTERM')
        await exited
      }
      fs.rmSync(dir, { recursive: true, force: true })
    }
  }
}
