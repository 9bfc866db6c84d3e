/**
 * No import cycle in src/: every import counts (type-only and dynamic ones too), since a cycle
 * of any kind means two modules that cannot be understood apart.
 */
import fs from 'node:fs'
import path from 'node:path'
import ts from 'typescript'
import { REPO } from '../__fixtures__/tiers.js'

type Graph = Map<string, string[]>

/** src/'s modules (paths relative to the repository) and the modules each imports from src/. */
function importGraph(): Graph {
  const src = path.join(REPO, 'src')
  const files = fs
    .readdirSync(src, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.ts'))
    .map((file) => path.join('src', file))
  return new Map(
    files.map((file) => {
      const { importedFiles } = ts.preProcessFile(fs.readFileSync(path.join(REPO, file), 'utf8'), true, true)
      const local = importedFiles
        .map(({ fileName }) => fileName)
        .filter((name) => name.startsWith('.'))
        .map((name) => path.join(path.dirname(file), name.replace(/\.js$/, '.ts')))
      return [file, local]
    })
  )
}

/** Each cycle met in a depth-first walk, as "a -> b -> a". */
function cycles(graph: Graph): string[] {
  const done = new Set<string>()
  const onPath: string[] = []
  const found: string[] = []
  const visit = (module: string): void => {
    onPath.push(module)
    for (const next of graph.get(module) ?? []) {
      const at = onPath.indexOf(next)
      if (at >= 0) found.push([...onPath.slice(at), next].join(' -> '))
      else if (!done.has(next)) visit(next)
    }
    onPath.pop()
    done.add(module)
  }
  for (const module of graph.keys()) if (!done.has(module)) visit(module)
  return found
}

test('finds a cycle, and names its modules in order', () => {
  const graph: Graph = new Map([
    ['a.ts', ['b.ts']],
    ['b.ts', ['c.ts']],
    ['c.ts', ['a.ts']],
    ['d.ts', ['a.ts']]
  ])
  expect(cycles(graph)).toEqual(['a.ts -> b.ts -> c.ts -> a.ts'])
})

test('every import of src/ names a module of src/', () => {
  const graph = importGraph()
  const unknown = [...graph].flatMap(([file, imports]) =>
    imports.filter((i) => !graph.has(i)).map((i) => `${file}: ${i}`)
  )
  expect(unknown).toEqual([])
  // The reader sees imports at all: settings.ts imports inputs.ts.
  expect(graph.get('src/engine/inputs/settings.ts')).toContain('src/engine/inputs/table.ts')
})

test('no import cycle in src/', () => {
  expect(cycles(importGraph())).toEqual([])
})
