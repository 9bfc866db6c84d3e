/**
 * A plain HTTP file server on a loopback address for the libkrun archive tests (node:http), and
 * the archives it serves: the stand-in libkrun beside a stand-in libkrunfw, or whatever entries
 * a test needs. It records every request it gets, and can redirect, answer with a status, break
 * a transfer off, or hold answers until several requests have arrived.
 */
import { createHash } from 'node:crypto'
import fs from 'node:fs'
import http from 'node:http'
import type net from 'node:net'
import path from 'node:path'
import { type LayerEntry, compress, tarOf } from './registry.js'
import { REPO, STANDIN } from './tiers.js'

export const STANDIN_KRUNFW = path.join(REPO, 'native/build/standin/libkrunfw.so.5')

export interface Route {
  body?: Buffer
  /** 200 by default (302 with `location`). */
  status?: number
  location?: string
  headers?: Record<string, string>
  /** Sends only this many bytes of the body (after announcing all of it), then drops the connection. */
  truncateAt?: number
  /** How many requests are cut short that way; all of them when unset. */
  truncateTimes?: number
  /** Holds each answer until this many requests for the route have arrived. */
  holdUntil?: number
}

export interface SeenRequest {
  path: string
  headers: http.IncomingHttpHeaders
}

export interface ArchiveServer {
  /** host:port, e.g. 127.0.0.1:40123 */
  host: string
  /** The URL of `path` on this server, and the route it answers with. */
  serve(path: string, route: Route): string
  requests: SeenRequest[]
  stop(): Promise<void>
}

export async function startArchiveServer(address = '127.0.0.1'): Promise<ArchiveServer> {
  const routes = new Map<string, Route & { seen: number; held: (() => void)[] }>()
  const requests: SeenRequest[] = []
  const sockets = new Set<net.Socket>()
  const server = http.createServer((req, res) => {
    const url = req.url ?? '/'
    requests.push({ path: url, headers: req.headers })
    const route = routes.get(url)
    if (!route) {
      res.writeHead(404).end()
      return
    }
    const count = ++route.seen
    const answer = (): void => {
      if (route.location) {
        res.writeHead(route.status ?? 302, { location: route.location, ...route.headers }).end()
        return
      }
      const body = route.body ?? Buffer.alloc(0)
      res.writeHead(route.status ?? 200, {
        'content-type': 'application/gzip',
        'content-length': String(body.length),
        ...route.headers
      })
      const cut = route.truncateAt !== undefined && (route.truncateTimes === undefined || count <= route.truncateTimes)
      if (!cut) {
        res.end(body)
        return
      }
      res.write(body.subarray(0, route.truncateAt), () => res.socket?.destroy())
    }
    if (route.holdUntil === undefined || count >= route.holdUntil) {
      answer()
      route.held.splice(0).forEach((release) => release())
    } else {
      route.held.push(answer)
    }
  })
  server.on('connection', (socket) => {
    sockets.add(socket)
    socket.on('close', () => sockets.delete(socket))
  })
  await new Promise<void>((resolve) => server.listen(0, address, resolve))
  const { port } = server.address() as net.AddressInfo
  const host = `${address}:${port}`
  return {
    host,
    requests,
    serve(routePath, route) {
      routes.set(routePath, { ...route, seen: 0, held: [] })
      return `http://${host}${routePath}`
    },
    stop: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy()
        server.close(() => resolve())
      })
  }
}

/** The stand-in libkrun and libkrunfw as a release tarball lays them out, under `dir` ('' for the top). */
export function standinEntries(dir = 'lib64'): LayerEntry[] {
  const at = (name: string) => (dir === '' ? name : `${dir}/${name}`)
  return [
    ...(dir === '' ? [] : [{ name: `${dir}/`, type: 'directory' as const }]),
    { name: at('libkrun.so.1.99.0'), content: fs.readFileSync(STANDIN), mode: 0o755 },
    { name: at('libkrun.so.1'), type: 'symlink', linkname: 'libkrun.so.1.99.0' },
    { name: at('libkrunfw.so.5.5.0'), content: fs.readFileSync(STANDIN_KRUNFW), mode: 0o755 },
    { name: at('libkrunfw.so.5'), type: 'symlink', linkname: 'libkrunfw.so.5.5.0' }
  ]
}

export interface Archive {
  bytes: Buffer
  sha256: string
}

/** A gzipped tar of the entries, and its digest. */
export async function archiveOf(entries: LayerEntry[]): Promise<Archive> {
  const bytes = compress(await tarOf(entries), 'gzip')
  return { bytes, sha256: createHash('sha256').update(bytes).digest('hex') }
}
