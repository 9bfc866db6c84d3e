// jest's globalSetup: rebuilds dist/ when it is not what the current sources bundle to, so
// the end-to-end tests never run an old dist/. It keeps, outside dist/, a hash of the
// bundle's inputs and one of the dist/ they made, and bundles again unless both match.
// The stamp lives in the git-ignored build/ of this checkout: npm ci empties node_modules
// (so a stamp there made CI rebundle right after checking dist/), and node_modules may be
// shared by several checkouts.
import { execFileSync } from 'node:child_process'
import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'

const root = path.resolve(import.meta.dirname, '..')
const BUNDLE_INPUTS = [
  'src',
  'native/init',
  'native/netguard',
  'native/Makefile',
  'scripts/bundle.mjs',
  'package-lock.json',
  'tsconfig.json'
]
const stampFile = path.join(root, 'build/bundle-stamp.json')

function hashPaths(relativePaths) {
  const hash = crypto.createHash('sha256')
  const visit = (relative) => {
    const full = path.join(root, relative)
    const stat = fs.lstatSync(full, { throwIfNoEntry: false })
    if (!stat) return
    hash.update(`${relative}\0${stat.mode}\0`)
    if (stat.isDirectory()) {
      for (const name of fs.readdirSync(full).sort()) visit(path.join(relative, name))
    } else if (stat.isSymbolicLink()) {
      hash.update(fs.readlinkSync(full))
    } else {
      hash.update(fs.readFileSync(full))
    }
    hash.update('\0')
  }
  relativePaths.forEach(visit)
  return hash.digest('hex')
}

function readStamp() {
  try {
    return JSON.parse(fs.readFileSync(stampFile, 'utf8'))
  } catch {
    return {}
  }
}

/** The hash of everything the bundle is made from. */
export function bundleInputsHash() {
  return hashPaths(BUNDLE_INPUTS)
}

/**
 * Notes that dist/ is what the sources bundle to. scripts/bundle.mjs takes `sources` from
 * bundleInputsHash() before it starts and calls this when done, so an edit made while it
 * bundled leaves the stamp stale rather than recorded as bundled.
 */
export function recordBundle(sources) {
  fs.mkdirSync(path.dirname(stampFile), { recursive: true })
  fs.writeFileSync(stampFile, JSON.stringify({ sources, dist: hashPaths(['dist']) }))
}

export default function bundleIfStale() {
  const sources = bundleInputsHash()
  const stamp = readStamp()
  if (stamp.sources === sources && stamp.dist === hashPaths(['dist'])) return
  console.log('\ndist/ may not be what the current sources bundle to: running npm run bundle')
  try {
    execFileSync(process.execPath, [path.join(root, 'scripts/bundle.mjs')], {
      cwd: root,
      stdio: ['ignore', 'inherit', 'inherit']
    })
  } catch {
    throw new Error('npm run bundle failed (its output is above); the end-to-end tests need dist/ from these sources')
  }
}
