/**
 * The libkrun symbol list has one home, src/engine/host/libkrun-symbols.ts: the VM process's
 * bindings, the stand-in's exports (its sources, native/Makefile's EXPORTS for exports-check)
 * and native/README.md are held to it here.
 */
import fs from 'node:fs'
import path from 'node:path'
import { REPO } from '../__fixtures__/tiers.js'
import {
  LIBKRUN_SYMBOLS,
  type LibkrunSymbolName,
  MIN_LIBKRUN_SYMBOL,
  MIN_LIBKRUN_VERSION,
  VERSION_MARKERS,
  featureOf,
  releaseAtLeast,
  since
} from '../src/engine/host/libkrun-symbols.js'

/** The release the second stand-in build imitates (-DSTANDIN_LIBKRUN_1_16, EXPORTS_1_16). */
const OLD_STANDIN_RELEASE = '1.16'

const read = (file: string): string => fs.readFileSync(path.join(REPO, file), 'utf8')
const sorted = (names: Iterable<string>): string[] => [...names].sort()
const NAMES = Object.keys(LIBKRUN_SYMBOLS) as LibkrunSymbolName[]

const standin = sorted(NAMES.filter((name) => LIBKRUN_SYMBOLS[name].standin))
const oldStandin = sorted(
  standin.filter((name) => {
    const release = since(name as LibkrunSymbolName)
    return (
      featureOf(name as LibkrunSymbolName) === undefined &&
      (release === undefined || releaseAtLeast(OLD_STANDIN_RELEASE, release))
    )
  })
)

/** A make variable's words, its continuation lines joined and `$(OTHER)` expanded. */
function makeVariable(makefile: string, name: string): string[] {
  const joined = makefile.replace(/\\\n/g, ' ')
  const line = new RegExp(`^${name} = (.*)$`, 'm').exec(joined)
  if (!line) throw new Error(`no ${name} in native/Makefile`)
  return line[1]
    .trim()
    .split(/\s+/)
    .flatMap((word) => {
      const other = /^\$\((\w+)\)$/.exec(word)
      return other ? makeVariable(makefile, other[1]) : [word]
    })
}

/** The functions api.c exports, with those it leaves out of the 1.16 build. */
function standinExports(source: string): { all: string[]; newer: string[] } {
  const all: string[] = []
  const newer: string[] = []
  let inNewer = false
  for (const line of source.split('\n')) {
    if (line.startsWith('#ifndef STANDIN_LIBKRUN_1_16')) inNewer = true
    else if (line.startsWith('#endif')) inNewer = false
    const exported = /^API \w+ (krun_\w+)\(/.exec(line)
    if (!exported) continue
    all.push(exported[1])
    if (inNewer) newer.push(exported[1])
  }
  return { all: sorted(all), newer: sorted(newer) }
}

describe('the libkrun symbol table', () => {
  test('names the minimum release by a symbol of that release, the oldest marker', () => {
    expect(MIN_LIBKRUN_VERSION).toBe(since(MIN_LIBKRUN_SYMBOL))
    expect(VERSION_MARKERS.at(-1)).toEqual([MIN_LIBKRUN_SYMBOL, MIN_LIBKRUN_VERSION])
    const releases = VERSION_MARKERS.map(([, release]) => release)
    releases.slice(1).forEach((release, i) => expect(releaseAtLeast(releases[i], release)).toBe(true))
  })

  test("vm/libkrun.ts binds exactly the stand-in's symbols but the version marker, optional exactly where newer than the minimum", () => {
    const source = read('src/vm/libkrun.ts')
    const body = source.slice(source.indexOf('export function loadLibkrun'), source.indexOf('let libc'))
    const bindings = [...body.matchAll(/\b(required|optional)\(\s*'[^']*\b(krun_\w+)\(/g)].map(([, kind, name]) => ({
      name,
      optional: kind === 'optional'
    }))
    expect(sorted([...bindings.map(({ name }) => name), MIN_LIBKRUN_SYMBOL])).toEqual(standin)
    for (const { name, optional } of bindings) {
      const release = since(name as LibkrunSymbolName)
      const newer = release !== undefined && release !== MIN_LIBKRUN_VERSION
      expect({ name, optional }).toEqual({
        name,
        optional: newer || featureOf(name as LibkrunSymbolName) !== undefined
      })
    }
    // Every other symbol the file names is one of the table's.
    for (const [name] of source.matchAll(/\bkrun_\w+(?=\()/g)) expect(NAMES).toContain(name)
  })

  test("native/Makefile's EXPORTS and EXPORTS_1_16 are the table's stand-in rows", () => {
    const makefile = read('native/Makefile')
    expect(sorted(makeVariable(makefile, 'EXPORTS'))).toEqual(standin)
    expect(sorted(makeVariable(makefile, 'EXPORTS_1_16'))).toEqual(oldStandin)
  })

  test('the stand-in exports the same, and leaves out of its 1.16 build what 1.16 lacks', () => {
    const exported = standinExports(read('native/standin/api.c'))
    expect(exported.all).toEqual(standin)
    expect(exported.newer).toEqual(sorted(standin.filter((name) => !oldStandin.includes(name))))
  })

  test("native/README.md lists the stand-in's exports as the table does", () => {
    const readme = read('native/README.md')
    const listed = (from: string, to: string): string[] => {
      const start = readme.indexOf(from)
      const text = readme.slice(start, readme.indexOf(to, start))
      return sorted([...text.matchAll(/`(krun_\w+)`/g)].map(([, name]) => name))
    }
    expect(listed('`native/build/standin/libkrun.so.1` exports exactly', '`native/build/standin-1.16')).toEqual(standin)
    expect(listed('`native/build/standin-1.16/libkrun.so.1` is the same without', 'as libkrun 1.16 is')).toEqual(
      sorted(standin.filter((name) => !oldStandin.includes(name)))
    )
  })
})
