// The benchmark's cold pull of a realistic image (section f of scripts/bench.ts): five or more
// gzip layers made by GNU tar from real directory trees of this machine (/usr subtrees), pushed
// to a registry on loopback, then in alternating rounds into fresh directories:
//   - the action's pull (prepareImage, in this process, into an empty image cache);
//   - `tar -xzf` of the same layer files, one after the other (no registry: the floor);
//   - `skopeo copy` into an OCI layout plus `umoci raw unpack`, what a daemonless user picks;
//   - `podman pull` into a fresh storage root, when podman works here.
// Reported as speed ratios (the others' median time over the action's), never asserted.
import { spawnSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import zlib from 'node:zlib'
import { prepareImage } from '../src/image/index.js'
import { MEDIA, type TestRegistry, pushBlob, pushManifest } from '../__fixtures__/registry.js'

/** Trees tried in order; those present are taken until the image is big enough (and at least five). */
const TREES = [
  'usr/include',
  'usr/lib/python3.11',
  'usr/lib/python3',
  'usr/share/perl',
  'usr/share/zoneinfo',
  'usr/libexec',
  'usr/share/i18n',
  'usr/share/vim',
  'usr/share/doc',
  'usr/lib/gcc'
]
const MIN_LAYERS = 5
const MIN_ENTRIES = 7000
const MIN_BYTES = 100 * 2 ** 20
/** Enough to be realistic, little enough that a round stays in seconds. */
const ENOUGH_BYTES = 200 * 2 ** 20

interface Layer {
  tree: string
  file: string
  gzip: Buffer
  entries: number
  bytes: number
}

/** Entries and bytes of a directory tree, without following links. */
function measureTree(dir: string): { entries: number; bytes: number } {
  let entries = 0
  let bytes = 0
  const walk = (at: string): void => {
    for (const entry of fs.readdirSync(at, { withFileTypes: true })) {
      entries++
      const full = path.join(at, entry.name)
      if (entry.isDirectory()) walk(full)
      else if (entry.isFile()) bytes += fs.lstatSync(full).size
    }
  }
  walk(dir)
  return { entries: entries + 1, bytes }
}

function run(file: string, args: string[], env: Record<string, string>): void {
  const result = spawnSync(file, args, { env, stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 1 << 26 })
  if (result.error || result.status !== 0) {
    const why =
      result.error?.message ?? (result.stderr.toString().trim().split('\n').at(-1) || `exit status ${result.status}`)
    throw new Error(`${file} ${args.join(' ')} failed: ${why}`)
  }
}

const works = (file: string, args: string[]): boolean => spawnSync(file, args, { stdio: 'ignore' }).status === 0

/** The layers, made by GNU tar from the trees (gzip, as `docker build` makes them), until the image is big enough. */
function makeLayers(scratch: string, env: Record<string, string>): Layer[] {
  const layers: Layer[] = []
  let entries = 0
  let bytes = 0
  for (const tree of TREES) {
    if (layers.length >= MIN_LAYERS && entries >= MIN_ENTRIES && bytes >= ENOUGH_BYTES) break
    if (!fs.existsSync(`/${tree}`) || fs.lstatSync(`/${tree}`).isSymbolicLink()) continue
    const measured = measureTree(`/${tree}`)
    if (bytes + measured.bytes > ENOUGH_BYTES * 1.5 && layers.length >= MIN_LAYERS) continue
    const file = path.join(scratch, `real-${layers.length}.tar.gz`)
    run('tar', ['-C', '/', '--numeric-owner', '-czf', file, tree], env)
    layers.push({ tree, file, gzip: fs.readFileSync(file), ...measured })
    entries += measured.entries
    bytes += measured.bytes
  }
  return layers
}

const digestOf = (data: Buffer): string => `sha256:${createHash('sha256').update(data).digest('hex')}`

async function pushLayers(registry: TestRegistry, repo: string, layers: Layer[], architecture: string): Promise<void> {
  const pushed = []
  for (const layer of layers) pushed.push(await pushBlob(registry, repo, layer.gzip, MEDIA.ociLayerGzip))
  const config = await pushBlob(
    registry,
    repo,
    Buffer.from(
      JSON.stringify({
        architecture,
        os: 'linux',
        config: { Env: ['PATH=/usr/bin:/bin'] },
        rootfs: { type: 'layers', diff_ids: layers.map((layer) => digestOf(zlib.gunzipSync(layer.gzip))) }
      })
    ),
    MEDIA.ociConfig
  )
  const manifest = Buffer.from(
    JSON.stringify({ schemaVersion: 2, mediaType: MEDIA.ociManifest, config, layers: pushed })
  )
  await pushManifest(registry, repo, '1', manifest, MEDIA.ociManifest)
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
}

async function seconds(work: () => Promise<void> | void): Promise<number> {
  spawnSync('sync') // what earlier work left in the page cache is not charged to this one
  const started = process.hrtime.bigint()
  await work()
  return Number(process.hrtime.bigint() - started) / 1e9
}

/** The realistic image, pushed as `bench/real:1`; undefined (with the reason printed) when this machine lacks the trees. */
export async function pushRealisticImage(
  registry: TestRegistry,
  scratch: string,
  env: Record<string, string>
): Promise<{ reference: string; layers: Layer[]; summary: string } | undefined> {
  const architecture = process.arch === 'arm64' ? 'arm64' : 'amd64'
  const layers = makeLayers(scratch, env)
  const entries = layers.reduce((sum, layer) => sum + layer.entries, 0)
  const bytes = layers.reduce((sum, layer) => sum + layer.bytes, 0)
  const gzipBytes = layers.reduce((sum, layer) => sum + layer.gzip.length, 0)
  if (layers.length < MIN_LAYERS || entries < MIN_ENTRIES || bytes < MIN_BYTES) {
    console.log(
      `(h) skipped: this machine's /usr trees give ${layers.length} layers, ${entries} entries, ${(bytes / 2 ** 20).toFixed(0)} MiB; ` +
        `a realistic image needs ${MIN_LAYERS}, ${MIN_ENTRIES} and ${MIN_BYTES / 2 ** 20} MiB`
    )
    return undefined
  }
  await pushLayers(registry, 'bench/real', layers, architecture)
  const summary =
    `${layers.length} gzip layers made by tar from this machine's ${layers.map((l) => `/${l.tree}`).join(', ')}: ` +
    `${entries} entries, ${(bytes / 2 ** 20).toFixed(0)} MiB unpacked, ${(gzipBytes / 2 ** 20).toFixed(0)} MiB compressed`
  return { reference: `${registry.host}/bench/real:1`, layers, summary }
}

/** Section f: prints the figures; `runs` alternating rounds. */
export async function realisticPull(
  registry: TestRegistry,
  scratch: string,
  env: Record<string, string>,
  runs: number
): Promise<void> {
  const image = await pushRealisticImage(registry, scratch, env)
  if (!image) return
  const { reference, layers } = image
  const tools = {
    skopeo: works('skopeo', ['--version']) && works('umoci', ['--version']),
    podman: false
  }
  const podmanArgs = (round: number): string[] => [
    '--root',
    path.join(scratch, `podman-${round}`, 'root'),
    '--runroot',
    path.join(scratch, `podman-${round}`, 'run'),
    '--storage-driver',
    'overlay'
  ]
  if (works('podman', ['--version'])) {
    tools.podman = works('podman', [...podmanArgs(-1), 'pull', '-q', '--tls-verify=false', reference])
    spawnSync('podman', [...podmanArgs(-1), 'system', 'reset', '-f'], { stdio: 'ignore' })
  }

  const times: Record<'action' | 'tar' | 'skopeo' | 'podman', number[]> = {
    action: [],
    tar: [],
    skopeo: [],
    podman: []
  }
  // Every round writes into fresh directories that stay until the end: deleting thousands of files
  // just before would slow the filesystem's inode allocation for whichever runs next.
  for (let round = 0; round < runs; round++) {
    times.action.push(
      await seconds(async () => {
        await prepareImage({
          reference,
          pull: 'always',
          cacheDir: path.join(scratch, `real-cache-${round}`),
          log: () => undefined,
          env
        })
      })
    )
    const target = path.join(scratch, `real-tar-${round}`)
    fs.mkdirSync(target)
    times.tar.push(await seconds(() => layers.forEach((layer) => run('tar', ['-xzf', layer.file, '-C', target], env))))
    if (tools.skopeo) {
      const layout = path.join(scratch, `real-oci-${round}`)
      times.skopeo.push(
        await seconds(() => {
          run('skopeo', ['copy', '-q', '--src-tls-verify=false', `docker://${reference}`, `oci:${layout}:1`], env)
          run('umoci', ['raw', 'unpack', '--image', `${layout}:1`, path.join(scratch, `real-umoci-${round}`)], env)
        })
      )
    }
    if (tools.podman) {
      times.podman.push(
        await seconds(() => run('podman', [...podmanArgs(round), 'pull', '-q', '--tls-verify=false', reference], env))
      )
    }
  }
  for (let round = 0; round < runs && tools.podman; round++)
    spawnSync('podman', [...podmanArgs(round), 'system', 'reset', '-f'], { stdio: 'ignore' })

  const action = median(times.action)
  const ratio = (other: number[]): string => (median(other) / action).toFixed(2)
  console.log(`(h) cold pull of a realistic image: ${image.summary}; medians of ${runs} alternating rounds`)
  console.log(`    the action's speed against tar -xzf of the same layer files: ${ratio(times.tar)}x`)
  console.log(
    tools.skopeo
      ? `    against skopeo copy into an OCI layout plus umoci raw unpack: ${ratio(times.skopeo)}x`
      : '    against skopeo + umoci: skipped, skopeo or umoci is not installed (apt-get install skopeo umoci)'
  )
  console.log(
    tools.podman
      ? `    against podman pull (overlay storage): ${ratio(times.podman)}x`
      : '    against podman pull: skipped, podman is not installed or cannot pull with overlay storage here'
  )
}
