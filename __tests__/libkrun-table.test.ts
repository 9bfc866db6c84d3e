/**
 * scripts/libkrun-table: a release's .sha256 files become the rows of the built-in table,
 * written where the source keeps them and formatted as the project formats its sources.
 */
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { REPO } from '../__fixtures__/tiers.js'

const SCRIPT = path.join(REPO, 'scripts/libkrun-table')
let dir: string
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'libkrun-table-'))
})
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }))

function sums(entries: Record<string, string>): string[] {
  return Object.entries(entries).map(([name, line]) => {
    const file = path.join(dir, name)
    fs.writeFileSync(file, line)
    return file
  })
}

const X64 = `${'a'.repeat(64)}  libkrun-v1.20.0-x86_64.tar.gz\n`
const ARM64 = `${'b'.repeat(64)}  libkrun-v1.20.0-aarch64.tar.gz\n`
const ROWS = `  {
    version: 'v1.20.0',
    arch: 'x64',
    url: 'https://github.com/owner/krun-action/releases/download/libkrun-v1.20.0/libkrun-v1.20.0-x86_64.tar.gz',
    sha256: '${'a'.repeat(64)}'
  },
  {
    version: 'v1.20.0',
    arch: 'arm64',
    url: 'https://github.com/owner/krun-action/releases/download/libkrun-v1.20.0/libkrun-v1.20.0-aarch64.tar.gz',
    sha256: '${'b'.repeat(64)}'
  }
`

const run = (script: string, args: string[]) => spawnSync(script, args, { encoding: 'utf8' })

describe('scripts/libkrun-table', () => {
  it('prints a row per architecture from sha256sum lines', () => {
    const result = run(SCRIPT, [
      'owner/krun-action',
      'libkrun-v1.20.0',
      ...sums({ 'x.sha256': X64, 'a.sha256': ARM64 })
    ])
    expect(result.stderr).toBe('')
    expect(result.status).toBe(0)
    expect(result.stdout).toBe(ROWS)
  })

  it.each([
    ['a short digest', `${'a'.repeat(63)}  libkrun-v1.20.0-x86_64.tar.gz\n`, /does not read/],
    ['another name', `${'a'.repeat(64)}  libkrun-v1.20.0-riscv64.tar.gz\n`, /does not read/],
    ['two lines', `${X64}${X64}`, /holds more than one line/]
  ])('refuses a file with %s', (_what, line, problem) => {
    const result = run(SCRIPT, ['owner/krun-action', 'libkrun-v1.20.0', ...sums({ 'x.sha256': line })])
    expect(result.status).toBe(2)
    expect(result.stderr).toMatch(problem)
    expect(result.stdout).toBe('')
  })

  it('writes the rows in place of the old ones, formatted as the sources are', () => {
    const copy = path.join(dir, 'repo')
    fs.mkdirSync(path.join(copy, 'scripts'), { recursive: true })
    fs.mkdirSync(path.join(copy, 'src/engine/host'), { recursive: true })
    fs.copyFileSync(SCRIPT, path.join(copy, 'scripts/libkrun-table'))
    fs.copyFileSync(path.join(REPO, '.prettierrc.json'), path.join(copy, '.prettierrc.json'))
    const source = path.join(copy, 'src/engine/host/libkrun-builds.ts')
    fs.copyFileSync(path.join(REPO, 'src/engine/host/libkrun-builds.ts'), source)
    const files = sums({ 'x.sha256': X64, 'a.sha256': ARM64 })
    for (let i = 0; i < 2; i++) {
      const result = run(path.join(copy, 'scripts/libkrun-table'), [
        '--write',
        'owner/krun-action',
        'libkrun-v1.20.0',
        ...files
      ])
      expect(result.status).toBe(0)
    }
    const text = fs.readFileSync(source, 'utf8')
    expect(text).toContain(
      `  // BEGIN rows written by scripts/libkrun-table\n${ROWS}  // END rows written by scripts/libkrun-table\n]`
    )
    const prettier = spawnSync(
      process.execPath,
      [path.join(REPO, 'node_modules/prettier/bin/prettier.cjs'), '--check', source],
      {
        encoding: 'utf8'
      }
    )
    expect(prettier.status).toBe(0)
  })
})
