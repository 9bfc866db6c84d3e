// Builds dist/ from the sources: one ncc bundle per entry point, the guest init for each
// architecture, and koffi's native packages, so that a copy of dist/ runs with no
// node_modules beside it.
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import { bundleInputsHash, recordBundle } from './bundle-if-stale.mjs'

const root = path.resolve(import.meta.dirname, '..')
const dist = path.join(root, 'dist')
const ENTRIES = {
  '.': 'src/action/index.ts',
  post: 'src/action/post.ts',
  vm: 'src/vm/index.ts',
  cli: 'src/cli/index.ts'
}
const GUEST_ARCHS = ['x86_64', 'aarch64']
const KOFFI_PLATFORMS = ['linux-x64', 'linux-arm64']

function run(command, args, options = {}) {
  execFileSync(command, args, { stdio: ['ignore', 'inherit', 'inherit'], ...options })
}

// @actions/core imports @actions/http-client (and through it undici) for getIDToken alone,
// which this action never calls; evaluating them cost every step about a quarter of its
// start-up. The bundles import this small module in their place, which fails loudly if used.
const HTTP_CLIENT_STAND_IN = 'no-http-client.js'
const HTTP_CLIENT_STAND_IN_SOURCE = `// @actions/http-client is left out of krun-action's bundles (see scripts/bundle.mjs).
function leftOut() {
  throw new Error('krun-action makes no HTTP requests: @actions/http-client is not bundled')
}
export class HttpClient {
  constructor() {
    leftOut()
  }
}
export class BearerCredentialHandler {
  constructor() {
    leftOut()
  }
}
`

async function bundleEntries() {
  const require = createRequire(import.meta.url)
  const ncc = require('@vercel/ncc')
  for (const [name, entry] of Object.entries(ENTRIES)) {
    const out = path.join(dist, name)
    const standIn = path.relative(out, path.join(dist, HTTP_CLIENT_STAND_IN)) || HTTP_CLIENT_STAND_IN
    const request = standIn.startsWith('.') ? standIn : `./${standIn}`
    const { code, assets } = await ncc(path.join(root, entry), {
      externals: { '@actions/http-client': request, '@actions/http-client/lib/auth': request },
      license: 'licenses.txt',
      quiet: true
    })
    fs.mkdirSync(out, { recursive: true })
    fs.writeFileSync(path.join(out, 'index.js'), code, { mode: entry.startsWith('src/cli/') ? 0o755 : 0o644 })
    for (const [file, asset] of Object.entries(assets)) {
      fs.mkdirSync(path.dirname(path.join(out, file)), { recursive: true })
      fs.writeFileSync(path.join(out, file), asset.source, { mode: asset.permissions })
    }
  }
  fs.writeFileSync(path.join(dist, HTTP_CLIENT_STAND_IN), HTTP_CLIENT_STAND_IN_SOURCE)
}

/** The guest init and krun-netguard (network public's guard of the VM process), for each architecture. */
function copyGuestInit() {
  run('make', ['-s', '-C', path.join(root, 'native'), 'init', 'netguard'])
  for (const arch of GUEST_ARCHS) {
    for (const [dir, name] of [
      ['init', 'krun-init'],
      ['netguard', 'krun-netguard']
    ]) {
      const target = path.join(dist, 'native', arch, name)
      fs.mkdirSync(path.dirname(target), { recursive: true })
      fs.copyFileSync(path.join(root, 'native/build', dir, arch, name), target)
      fs.chmodSync(target, 0o755)
    }
  }
}

/** koffi loads its native module from @koromix/koffi-<platform>; npm installs only the host's. */
function koffiPackage(platform, version) {
  const installed = path.join(root, 'node_modules/@koromix', `koffi-${platform}`)
  const installedVersion = fs.existsSync(installed)
    ? JSON.parse(fs.readFileSync(path.join(installed, 'package.json'), 'utf8')).version
    : undefined
  if (installedVersion === version) return installed
  const cache = path.join(root, 'node_modules/.cache/krun-action', `koffi-${platform}-${version}`)
  if (!fs.existsSync(path.join(cache, 'package/package.json'))) {
    fs.mkdirSync(cache, { recursive: true })
    const tarball = execFileSync(
      'npm',
      ['pack', '--silent', `@koromix/koffi-${platform}@${version}`, '--pack-destination', cache],
      {
        encoding: 'utf8'
      }
    ).trim()
    run('tar', ['-xzf', path.join(cache, tarball.split('\n').at(-1)), '-C', cache])
  }
  return path.join(cache, 'package')
}

function copyKoffiPackages() {
  const version = JSON.parse(fs.readFileSync(path.join(root, 'node_modules/koffi/package.json'), 'utf8')).version
  for (const platform of KOFFI_PLATFORMS) {
    const target = path.join(dist, 'node_modules/@koromix', `koffi-${platform}`)
    fs.cpSync(koffiPackage(platform, version), target, { recursive: true })
  }
}

const sources = bundleInputsHash()
fs.rmSync(dist, { recursive: true, force: true })
await bundleEntries()
copyGuestInit()
copyKoffiPackages()
recordBundle(sources)
