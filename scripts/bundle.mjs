// Builds dist/ from the sources: one ncc bundle per entry point, the guest init for each
// architecture, and koffi's native packages, so that a copy of dist/ runs with no
// node_modules beside it.
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { recordBundle } from './bundle-if-stale.mjs'

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

function bundleEntries() {
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'krun-bundle-'))
  try {
    for (const [name, entry] of Object.entries(ENTRIES)) {
      const out = path.join(scratch, name === '.' ? 'main' : name)
      run(
        path.join(root, 'node_modules/.bin/ncc'),
        ['build', entry, '-o', out, '--quiet', '--license', 'licenses.txt'],
        { cwd: root }
      )
      fs.cpSync(out, path.join(dist, name), { recursive: true })
    }
  } finally {
    fs.rmSync(scratch, { recursive: true, force: true })
  }
}

function copyGuestInit() {
  run('make', ['-s', '-C', path.join(root, 'native'), 'init'])
  for (const arch of GUEST_ARCHS) {
    const target = path.join(dist, 'native', arch, 'krun-init')
    fs.mkdirSync(path.dirname(target), { recursive: true })
    fs.copyFileSync(path.join(root, 'native/build/init', arch, 'krun-init'), target)
    fs.chmodSync(target, 0o755)
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

fs.rmSync(dist, { recursive: true, force: true })
bundleEntries()
copyGuestInit()
copyKoffiPackages()
recordBundle()
