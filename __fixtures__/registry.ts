/**
 * A real OCI registry on loopback for the image tests (distribution's `docker-registry`, as Debian
 * packages it), helpers that build layers and push images through the registry API, and a loopback
 * proxy that can require Bearer tokens, redirect blobs to another host or cut connections.
 */
import { execFileSync, spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { createHash } from 'node:crypto'
import fs from 'node:fs'
import http from 'node:http'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import zlib from 'node:zlib'
import tar from 'tar-stream'

export const MEDIA = {
  ociManifest: 'application/vnd.oci.image.manifest.v1+json',
  ociIndex: 'application/vnd.oci.image.index.v1+json',
  ociConfig: 'application/vnd.oci.image.config.v1+json',
  ociLayer: 'application/vnd.oci.image.layer.v1.tar',
  ociLayerGzip: 'application/vnd.oci.image.layer.v1.tar+gzip',
  ociLayerZstd: 'application/vnd.oci.image.layer.v1.tar+zstd',
  dockerManifest: 'application/vnd.docker.distribution.manifest.v2+json',
  dockerList: 'application/vnd.docker.distribution.manifest.list.v2+json',
  dockerConfig: 'application/vnd.docker.container.image.v1+json',
  dockerLayer: 'application/vnd.docker.image.rootfs.diff.tar.gzip'
}

/** The registry binary, if installed. */
export function registryBinary(): string | undefined {
  for (const dir of ['/usr/bin', '/usr/local/bin', ...(process.env.PATH ?? '').split(':')]) {
    const file = path.join(dir, 'docker-registry')
    if (dir && fs.existsSync(file)) return file
  }
  return undefined
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const port = (server.address() as net.AddressInfo).port
      server.close(() => resolve(port))
    })
  })
}

export interface Login {
  username: string
  password: string
}

export interface TestRegistry {
  /** 127.0.0.1:<port> */
  host: string
  /** The registry's storage root (docker/registry/v2/... below it). */
  storage: string
  login?: Login
  stop(): Promise<void>
}

async function waitForHttp(url: string, child: ChildProcess, ms = 15000): Promise<void> {
  const deadline = Date.now() + ms
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the registry exited with ${child.exitCode}`)
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(1000) })
      await res.body?.cancel()
      if (res.status === 200 || res.status === 401) return
    } catch {
      // not up yet
    }
    if (Date.now() > deadline) throw new Error(`the registry did not answer ${url} within ${ms} ms`)
    await new Promise((r) => setTimeout(r, 50))
  }
}

/** Starts a registry on 127.0.0.1 with storage in a new temporary directory; `login` turns on htpasswd (bcrypt). */
export async function startRegistry(options: { login?: Login } = {}): Promise<TestRegistry> {
  const binary = registryBinary()
  if (!binary) throw new Error('docker-registry is not installed (scripts/install-test-tools installs it)')
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'image-registry-'))
  const storage = path.join(dir, 'data')
  const port = await freePort()
  const lines = [
    'version: 0.1',
    'log:',
    '  level: error',
    '  accesslog:',
    '    disabled: true',
    'storage:',
    '  filesystem:',
    `    rootdirectory: ${storage}`,
    '  maintenance:',
    '    uploadpurging:',
    '      enabled: false',
    'http:',
    `  addr: 127.0.0.1:${port}`,
    '  secret: test-only-secret'
  ]
  if (options.login) {
    const entry = execFileSync('htpasswd', ['-Bbn', options.login.username, options.login.password], {
      encoding: 'utf8'
    })
    fs.writeFileSync(path.join(dir, 'htpasswd'), entry.trim() + '\n')
    lines.push('auth:', '  htpasswd:', '    realm: test-registry', `    path: ${path.join(dir, 'htpasswd')}`)
  }
  fs.writeFileSync(path.join(dir, 'config.yml'), lines.join('\n') + '\n')
  const child = spawn(binary, ['serve', path.join(dir, 'config.yml')], { stdio: ['ignore', 'ignore', 'pipe'] })
  let stderr = ''
  child.stderr.on('data', (d: Buffer) => (stderr = (stderr + d.toString()).slice(-4000)))
  try {
    await waitForHttp(`http://127.0.0.1:${port}/v2/`, child)
  } catch (error) {
    child.kill('SIGKILL')
    throw new Error(`${(error as Error).message}: ${stderr}`, { cause: error })
  }
  let stopped = false
  return {
    host: `127.0.0.1:${port}`,
    storage,
    login: options.login,
    async stop() {
      if (stopped) return
      stopped = true
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r))
        child.kill('SIGTERM')
        const timer = setTimeout(() => child.kill('SIGKILL'), 3000)
        await exited
        clearTimeout(timer)
      }
      fs.rmSync(dir, { recursive: true, force: true })
    }
  }
}

function authHeaders(registry: TestRegistry): Record<string, string> {
  return registry.login
    ? {
        Authorization: `Basic ${Buffer.from(`${registry.login.username}:${registry.login.password}`).toString('base64')}`
      }
    : {}
}

export function digestOf(data: Buffer): string {
  return `sha256:${createHash('sha256').update(data).digest('hex')}`
}

export interface Blob {
  digest: string
  size: number
  mediaType: string
}

/** Pushes a blob with one POST and one PUT (a monolithic upload). */
export async function pushBlob(registry: TestRegistry, repo: string, data: Buffer, mediaType: string): Promise<Blob> {
  const digest = digestOf(data)
  const start = await fetch(`http://${registry.host}/v2/${repo}/blobs/uploads/`, {
    method: 'POST',
    headers: authHeaders(registry)
  })
  if (start.status !== 202) throw new Error(`blob upload start: ${start.status} ${await start.text()}`)
  const location = new URL(start.headers.get('location')!, `http://${registry.host}`)
  location.searchParams.set('digest', digest)
  const put = await fetch(location, {
    method: 'PUT',
    headers: { ...authHeaders(registry), 'Content-Type': 'application/octet-stream' },
    body: data
  })
  if (put.status !== 201) throw new Error(`blob upload: ${put.status} ${await put.text()}`)
  return { digest, size: data.length, mediaType }
}

export async function pushManifest(
  registry: TestRegistry,
  repo: string,
  reference: string,
  body: Buffer,
  mediaType: string
): Promise<Blob> {
  const res = await fetch(`http://${registry.host}/v2/${repo}/manifests/${reference}`, {
    method: 'PUT',
    headers: { ...authHeaders(registry), 'Content-Type': mediaType },
    body
  })
  if (res.status !== 201) throw new Error(`manifest put: ${res.status} ${await res.text()}`)
  return { digest: digestOf(body), size: body.length, mediaType }
}

export interface LayerEntry {
  name: string
  type?: 'file' | 'directory' | 'symlink' | 'link' | 'character-device' | 'block-device' | 'fifo'
  content?: Buffer | string
  mode?: number
  linkname?: string
  mtime?: Date
  uid?: number
  gid?: number
  devmajor?: number
  devminor?: number
  /** pax records for the entry, as text (e.g. `LIBARCHIVE.xattr.user.x`: base64). */
  pax?: Record<string, string>
}

export const FIXED_MTIME = new Date('2024-01-02T03:04:05Z')

/** A tar archive of the entries, in order. */
export async function tarOf(entries: LayerEntry[]): Promise<Buffer> {
  const pack = tar.pack()
  const chunks: Buffer[] = []
  const done = new Promise<void>((resolve, reject) => {
    pack.on('data', (c: unknown) => chunks.push(c as Buffer))
    pack.on('end', () => resolve())
    pack.on('error', reject)
  })
  for (const e of entries) {
    const type = e.type ?? 'file'
    const content = type === 'file' ? Buffer.from(e.content ?? '') : undefined
    const header = {
      name: e.name,
      type,
      mode: e.mode ?? (type === 'directory' ? 0o755 : 0o644),
      mtime: e.mtime ?? FIXED_MTIME,
      linkname: e.linkname,
      uid: e.uid ?? 0,
      gid: e.gid ?? 0,
      devmajor: e.devmajor,
      devminor: e.devminor,
      pax: e.pax,
      size: content?.length ?? 0
    }
    await new Promise<void>((resolve, reject) => {
      const cb = (err?: Error | null): void => (err ? reject(err) : resolve())
      if (content) pack.entry(header, content, cb)
      else pack.entry(header, cb)
    })
  }
  pack.finalize()
  await done
  return Buffer.concat(chunks)
}

export type Compression = 'gzip' | 'zstd' | 'none'

export function compress(data: Buffer, compression: Compression): Buffer {
  if (compression === 'gzip') return zlib.gzipSync(data, { level: 1 })
  if (compression === 'zstd') return zlib.zstdCompressSync(data)
  return data
}

export function layerMediaType(compression: Compression): string {
  return compression === 'gzip' ? MEDIA.ociLayerGzip : compression === 'zstd' ? MEDIA.ociLayerZstd : MEDIA.ociLayer
}

let busyboxBytes: Buffer | undefined

/** /bin/busybox from busybox-static when installed, else a stand-in of similar shape (tests never run it). */
export function busybox(): Buffer {
  if (!busyboxBytes) {
    const real = ['/bin/busybox', '/usr/bin/busybox'].find((f) => fs.existsSync(f))
    busyboxBytes = real
      ? fs.readFileSync(real)
      : Buffer.concat([Buffer.from('\x7fELF'), createHash('sha512').update('busybox').digest()])
  }
  return busyboxBytes
}

/** A small static root: bin/busybox and a few applet links, plus etc/ with a file. */
export function busyboxEntries(): LayerEntry[] {
  return [
    { name: 'bin/', type: 'directory' },
    { name: 'bin/busybox', content: busybox(), mode: 0o755 },
    ...['sh', 'ls', 'cat', 'echo'].map((applet) => ({
      name: `bin/${applet}`,
      type: 'symlink' as const,
      linkname: 'busybox'
    })),
    { name: 'etc/', type: 'directory' },
    { name: 'etc/hostname', content: 'image\n' },
    { name: 'tmp/', type: 'directory', mode: 0o1777 }
  ]
}

export interface PushImageOptions {
  layers: { entries: LayerEntry[]; compression?: Compression }[]
  architecture?: string
  variant?: string
  os?: string
  /** Docker v2 media types instead of OCI's. */
  docker?: boolean
  env?: string[]
  /** The config's WorkingDir (default /) and User (default none). */
  workingDir?: string
  user?: string
  /** Push under this tag too (else only by digest). */
  tag?: string
}

/** Builds and pushes a single-platform image; returns its manifest descriptor. */
export async function pushImage(
  registry: TestRegistry,
  repo: string,
  options: PushImageOptions
): Promise<Blob & { layers: Blob[]; config: Blob }> {
  const layers: Blob[] = []
  const diffIds: string[] = []
  for (const layer of options.layers) {
    const plain = await tarOf(layer.entries)
    diffIds.push(digestOf(plain))
    const compression = layer.compression ?? 'gzip'
    const mediaType = options.docker ? MEDIA.dockerLayer : layerMediaType(compression)
    layers.push(await pushBlob(registry, repo, compress(plain, compression), mediaType))
  }
  const configBody = Buffer.from(
    JSON.stringify({
      architecture: options.architecture ?? 'amd64',
      os: options.os ?? 'linux',
      ...(options.variant ? { variant: options.variant } : {}),
      config: { Env: options.env ?? ['PATH=/bin'], WorkingDir: options.workingDir ?? '/', User: options.user },
      rootfs: { type: 'layers', diff_ids: diffIds }
    })
  )
  const config = await pushBlob(registry, repo, configBody, options.docker ? MEDIA.dockerConfig : MEDIA.ociConfig)
  const mediaType = options.docker ? MEDIA.dockerManifest : MEDIA.ociManifest
  const manifest = Buffer.from(JSON.stringify({ schemaVersion: 2, mediaType, config, layers }))
  const pushed = await pushManifest(registry, repo, options.tag ?? digestOf(manifest), manifest, mediaType)
  return { ...pushed, layers, config }
}

/** Pushes an index over already pushed manifests. */
export async function pushIndex(
  registry: TestRegistry,
  repo: string,
  tag: string,
  entries: { manifest: Blob; architecture: string; variant?: string; os?: string }[],
  docker = false
): Promise<Blob> {
  const mediaType = docker ? MEDIA.dockerList : MEDIA.ociIndex
  const body = Buffer.from(
    JSON.stringify({
      schemaVersion: 2,
      mediaType,
      manifests: entries.map((e) => ({
        mediaType: e.manifest.mediaType,
        digest: e.manifest.digest,
        size: e.manifest.size,
        platform: { architecture: e.architecture, os: e.os ?? 'linux', ...(e.variant ? { variant: e.variant } : {}) }
      }))
    })
  )
  return pushManifest(registry, repo, tag, body, mediaType)
}

/** Where the registry stores a blob's bytes (for tests that corrupt one). */
export function blobDataPath(registry: TestRegistry, digest: string): string {
  const hex = digest.replace(/^sha256:/, '')
  return path.join(registry.storage, 'docker', 'registry', 'v2', 'blobs', 'sha256', hex.slice(0, 2), hex, 'data')
}

export interface ProxyOptions {
  /** Require Bearer tokens from the proxy's /token; with a login, the token endpoint wants it via Basic. */
  bearer?: { login?: Login }
  /** Answer blob GETs with a redirect to a second server (another host:port) that serves them. */
  redirectBlobs?: boolean
  /** Cut this many blob responses halfway (Infinity: all of them). */
  cutBlobs?: number
  /** Answer the first `times` registry requests with this status instead of forwarding them. */
  fail?: { status: number; times: number }
  /**
   * Answer the first GET of the blob with this digest with other bytes in its first half (all but its
   * first 512, a tar header, become "EVIL…"), then cut the connection once `cutWhen` holds (checked
   * every 10 ms; after 15 s it cuts anyway, and that cut is not counted in `tampered`).
   */
  tamperBlob?: { digest: string; cutWhen: () => boolean }
  /**
   * Hold every blob response until the blob with this digest has been asked for `requests` times, then
   * send them all (e.g. until each of two pulls has asked for the image config).
   */
  gateBlobs?: { digest: string; requests: number }
  /** Hold the responses for this one blob this long (a slow layer); a client that leaves first cancels it. */
  delayBlob?: { digest: string; ms: number }
  /** Answer every GET of this one blob 503, asking the client to come back in 10 s (Retry-After). */
  unavailableBlob?: string
  /** Send this one blob `bytes` at a time, one piece every `everyMs`: a connection that never idles. */
  dripBlob?: { digest: string; bytes: number; everyMs: number }
}

export interface TestProxy {
  host: string
  /** Every request the proxy got (not its blob storage server), in the order they came. */
  requests: { method: string; path: string }[]
  /** Responses to the delayBlob blob: sent once the delay passed, or abandoned by a client that left before. */
  delayed: { sent: number; abandoned: number }
  /** Requests the blob storage server got, and whether each carried an Authorization header. */
  storageRequests: { path: string; authorization: boolean }[]
  /** How many blob responses were cut. */
  cuts: number
  tokenRequests: number
  /** Every token the proxy handed out (tests check none of them is ever logged). */
  tokens: string[]
  /** How many requests got the `fail` status. */
  failed: number
  /** How many blob responses were tampered with and cut once tamperBlob's `cutWhen` held. */
  tampered: number
  /** GETs of each blob, by digest. */
  blobGets: Record<string, number>
  /** Pieces of dripBlob sent so far, over every GET of it. */
  dripped: number
  stop(): Promise<void>
}

function listen(server: http.Server): Promise<number> {
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve((server.address() as net.AddressInfo).port))
  )
}

/** Calls `then(true)` once `condition` holds, checking every 10 ms, or `then(false)` after `ms`. */
function whenHolds(condition: () => boolean, ms: number, then: (held: boolean) => void): void {
  const deadline = Date.now() + ms
  const check = (): void => {
    if (condition()) then(true)
    else if (Date.now() > deadline) then(false)
    else setTimeout(check, 10)
  }
  check()
}

/** `part`, found at `offset` of a blob, with every byte past the first 512 replaced by "EVIL…". */
function tampered(part: Buffer, offset: number): Buffer {
  const out = Buffer.from(part)
  for (let i = Math.max(0, 512 - offset); i < out.length; i++) out[i] = 'EVIL'.charCodeAt((offset + i) % 4)
  return out
}

/**
 * Streams `target`'s answer to a request, cutting it halfway when `cut` is set; with `tamper`, the
 * half it sends is altered and the cut waits until `tamper.cutWhen` holds.
 */
function forward(
  target: string,
  req: http.IncomingMessage,
  res: http.ServerResponse,
  cut: boolean,
  onCut: () => void,
  tamper?: { cutWhen: () => boolean }
): void {
  const headers: http.OutgoingHttpHeaders = { ...req.headers, host: target }
  delete headers.authorization
  const upstream = http.request(`http://${target}${req.url}`, { method: req.method, headers }, (up) => {
    res.writeHead(up.statusCode ?? 502, up.headers)
    if (!cut) {
      up.pipe(res)
      return
    }
    const length = Number(up.headers['content-length'] ?? 0)
    let sent = 0
    up.on('data', (chunk: Buffer) => {
      const room = Math.floor(length / 2) - sent
      if (room <= 0) return
      const part = chunk.subarray(0, room)
      res.write(tamper ? tampered(part, sent) : part)
      sent += part.length
      if (sent >= Math.floor(length / 2)) {
        up.destroy()
        if (tamper) {
          whenHolds(tamper.cutWhen, 15_000, (held) => {
            if (held) onCut()
            res.socket?.destroy()
          })
        } else {
          onCut()
          res.socket?.destroy()
        }
      }
    })
  })
  upstream.on('error', () => res.socket?.destroy())
  req.pipe(upstream)
}

/** Sends `target`'s whole answer to a request a few bytes at a time, until it is sent or the client leaves. */
function drip(
  target: string,
  req: http.IncomingMessage,
  res: http.ServerResponse,
  pace: { bytes: number; everyMs: number },
  onPiece: () => void
): void {
  const upstream = http.get(`http://${target}${req.url}`, (up) => {
    const chunks: Buffer[] = []
    up.on('data', (chunk: Buffer) => chunks.push(chunk))
    up.on('end', () => {
      const body = Buffer.concat(chunks)
      res.writeHead(up.statusCode ?? 502, up.headers)
      let sent = 0
      const timer = setInterval(() => {
        res.write(body.subarray(sent, sent + pace.bytes))
        sent += pace.bytes
        onPiece()
        if (sent >= body.length) {
          clearInterval(timer)
          res.end()
        }
      }, pace.everyMs)
      res.once('close', () => clearInterval(timer))
    })
  })
  upstream.on('error', () => res.socket?.destroy())
}

/** A loopback proxy in front of a (password-less) registry. */
export async function startProxy(target: string, options: ProxyOptions = {}): Promise<TestProxy> {
  const tokens = new Set<string>()
  let cutsLeft = options.cutBlobs ?? 0
  let failsLeft = options.fail?.times ?? 0
  let tamperLeft = options.tamperBlob !== undefined
  let gateCount = 0
  const gated: (() => void)[] = []
  const state: TestProxy = {
    host: '',
    requests: [],
    delayed: { sent: 0, abandoned: 0 },
    storageRequests: [],
    cuts: 0,
    tokenRequests: 0,
    tokens: [],
    failed: 0,
    tampered: 0,
    blobGets: {},
    dripped: 0,
    stop: () => Promise.resolve()
  }

  const storage = http.createServer((req, res) => {
    state.storageRequests.push({ path: req.url ?? '', authorization: req.headers.authorization !== undefined })
    const blobPath = (req.url ?? '').replace(/^\/storage/, '')
    req.url = blobPath
    forward(target, req, res, false, () => undefined)
  })
  const storagePort = await listen(storage)

  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://proxy')
    state.requests.push({ method: req.method ?? '', path: url.pathname })
    if (url.pathname === '/token') {
      state.tokenRequests++
      const login = options.bearer?.login
      const expected = login
        ? `Basic ${Buffer.from(`${login.username}:${login.password}`).toString('base64')}`
        : undefined
      if (expected && req.headers.authorization !== expected) {
        res.writeHead(401, { 'Content-Type': 'application/json' }).end('{"details":"incorrect username or password"}')
        return
      }
      const token = createHash('sha256').update(String(Math.random())).digest('hex')
      tokens.add(token)
      state.tokens.push(token)
      res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify({ token, expires_in: 300 }))
      return
    }
    if (options.bearer) {
      const given = (req.headers.authorization ?? '').replace(/^Bearer /, '')
      if (!tokens.has(given)) {
        const repo = url.pathname.match(/^\/v2\/(.+)\/(?:manifests|blobs)\//)?.[1] ?? ''
        res
          .writeHead(401, {
            'Content-Type': 'application/json',
            'WWW-Authenticate': `Bearer realm="http://${state.host}/token",service="test-registry",scope="repository:${repo}:pull"`
          })
          .end('{"errors":[{"code":"UNAUTHORIZED","message":"authentication required"}]}')
        return
      }
    }
    if (options.fail && failsLeft > 0 && url.pathname !== '/v2/') {
      failsLeft--
      state.failed++
      res.writeHead(options.fail.status, { 'Content-Type': 'application/json', 'Retry-After': '0' })
      res.end('{"errors":[{"code":"DENIED","message":"test"}]}')
      return
    }
    const isBlob = req.method === 'GET' && /\/blobs\/sha256:/.test(url.pathname)
    const blobDigest = isBlob ? url.pathname.slice(url.pathname.lastIndexOf('/') + 1) : undefined
    if (blobDigest) state.blobGets[blobDigest] = (state.blobGets[blobDigest] ?? 0) + 1
    if (blobDigest && blobDigest === options.dripBlob?.digest) {
      drip(target, req, res, options.dripBlob, () => state.dripped++)
      return
    }
    if (isBlob && options.redirectBlobs) {
      res.writeHead(307, { Location: `http://127.0.0.1:${storagePort}/storage${req.url}` }).end()
      return
    }
    if (isBlob && options.unavailableBlob && url.pathname.endsWith(`/blobs/${options.unavailableBlob}`)) {
      res.writeHead(503, { 'Content-Type': 'application/json', 'Retry-After': '10' })
      res.end('{"errors":[{"code":"UNAVAILABLE","message":"test"}]}')
      return
    }
    if (isBlob && options.tamperBlob && tamperLeft && url.pathname.endsWith(`/blobs/${options.tamperBlob.digest}`)) {
      tamperLeft = false
      forward(target, req, res, true, () => state.tampered++, options.tamperBlob)
      return
    }
    const cut = isBlob && cutsLeft > 0
    if (cut) cutsLeft--
    const send = (): void => forward(target, req, res, cut, () => state.cuts++)
    if (isBlob && options.delayBlob && url.pathname.endsWith(`/blobs/${options.delayBlob.digest}`)) {
      let sent = false
      const timer = setTimeout(() => {
        sent = true
        state.delayed.sent++
        send()
      }, options.delayBlob.ms)
      res.once('close', () => {
        if (sent) return
        clearTimeout(timer)
        state.delayed.abandoned++
      })
    } else if (isBlob && options.gateBlobs) {
      const gate = options.gateBlobs
      if (url.pathname.endsWith(`/blobs/${gate.digest}`)) gateCount++
      if (gateCount < gate.requests) {
        gated.push(send)
        res.once('close', () => {
          if (gated.includes(send)) gated.splice(gated.indexOf(send), 1)
        })
        return
      }
      send()
      gated.splice(0).forEach((release) => release())
    } else send()
  })
  const port = await listen(server)
  state.host = `127.0.0.1:${port}`
  state.stop = async () => {
    for (const s of [server, storage]) {
      s.closeAllConnections()
      await new Promise((r) => s.close(r))
    }
  }
  return state
}

/** Every file and directory under `dir` (relative paths, sorted), not following symlinks. */
export function listTree(dir: string): string[] {
  const out: string[] = []
  const walk = (rel: string): void => {
    for (const entry of fs.readdirSync(path.join(dir, rel), { withFileTypes: true })) {
      const child = rel ? `${rel}/${entry.name}` : entry.name
      out.push(entry.isDirectory() ? `${child}/` : child)
      if (entry.isDirectory()) walk(child)
    }
  }
  walk('')
  return out.sort()
}

/** An extended attribute as getfattr reads it (hex), without following a symlink; undefined when absent. */
export function xattrOf(file: string, name: string): string | undefined {
  const result = spawnSync('getfattr', ['-h', '--absolute-names', '-n', name, '-e', 'hex', file], { encoding: 'utf8' })
  if (result.error) throw new Error('getfattr is missing: apt-get install attr')
  return /=0x([0-9a-f]*)$/m.exec(result.stdout)?.[1]
}

/** Asserts the cache holds no partial entries: tmp/ empty, every root complete. */
export function cacheProblems(cacheDir: string): string[] {
  const problems: string[] = []
  const tmp = path.join(cacheDir, 'tmp')
  if (fs.existsSync(tmp)) for (const name of fs.readdirSync(tmp)) problems.push(`tmp/${name} left behind`)
  const roots = path.join(cacheDir, 'roots')
  if (fs.existsSync(roots)) {
    for (const name of fs.readdirSync(roots)) {
      for (const part of ['rootfs', 'image.json', 'last-used']) {
        if (!fs.existsSync(path.join(roots, name, part))) problems.push(`roots/${name} lacks ${part}`)
      }
    }
  }
  return problems
}
