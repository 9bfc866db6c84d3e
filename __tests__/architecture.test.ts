/**
 * The shape of src/: the map in src/README.md names every folder and nothing else, the
 * front ends reach the engine through its front door alone, and no file outgrows a read.
 */
import fs from 'node:fs'
import path from 'node:path'
import { REPO } from '../__fixtures__/tiers.js'

const SRC = path.join(REPO, 'src')
const MAX_LINES = 300

function walk(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name)
    return entry.isDirectory() ? [full, ...walk(full)] : [full]
  })
}

const entries = walk(SRC)
const folders = entries.filter((entry) => fs.statSync(entry).isDirectory()).map((dir) => path.relative(SRC, dir))
const sources = entries.filter((entry) => entry.endsWith('.ts'))

/** The folder names the map in src/README.md gives: a line's first word ending in '/'. */
function mappedFolders(): string[] {
  const map = fs.readFileSync(path.join(SRC, 'README.md'), 'utf8').split('```')[1] ?? ''
  const names: string[] = []
  const parents: string[] = []
  for (const line of map.split('\n')) {
    const match = /^( *)([\w-]+)\/(?=\s|$)/.exec(line)
    if (!match) continue
    const depth = Math.floor(match[1].length / 2)
    parents.length = depth
    parents[depth] = match[2]
    names.push(parents.join('/'))
  }
  return names
}

describe('src/', () => {
  it('has its map in src/README.md naming every folder, and only folders that exist', () => {
    expect(mappedFolders().sort()).toEqual(folders.sort())
  })

  it('has its front ends reach the engine only through engine/index.ts', () => {
    // The action's entry starts the VM process before the rest of the bundle loads, which
    // importing the front door (and with it the whole engine) would delay.
    const early = 'action/index.ts imports ../engine/vm-process/early-start.js'
    const frontEnds = sources.filter((file) => /^(action|cli)\//.test(path.relative(SRC, file)))
    const inside = frontEnds.flatMap((file) =>
      [...fs.readFileSync(file, 'utf8').matchAll(/from '(\.\.\/engine\/[^']+)'/g)]
        .map((match) => match[1])
        .filter((specifier) => specifier !== '../engine/index.js')
        .map((specifier) => `${path.relative(SRC, file)} imports ${specifier}`)
        .filter((line) => line !== early)
    )
    expect(inside).toEqual([])
  })

  it(`has no source file over ${MAX_LINES} lines`, () => {
    const long = sources
      .map((file) => [path.relative(SRC, file), fs.readFileSync(file, 'utf8').split('\n').length - 1] as const)
      .filter(([, lines]) => lines > MAX_LINES)
    expect(long).toEqual([])
  })
})
