/** action.yml, the README's tables and krun-run --help against the one input table. */
import fs from 'node:fs'
import path from 'node:path'
import { parse } from 'yaml'
import { REPO } from '../__fixtures__/action-runner.js'
import { USAGE } from '../src/cli/args.js'
import { INPUTS, INPUT_NAMES, OUTPUTS, shownDefault } from '../src/engine/inputs.js'

interface ActionYml {
  inputs: Record<string, { required?: boolean; default?: string; description: string }>
  outputs: Record<string, { description: string }>
}

const action = parse(fs.readFileSync(path.join(REPO, 'action.yml'), 'utf8')) as ActionYml
const readme = fs.readFileSync(path.join(REPO, 'README.md'), 'utf8')

/** The first column and second column of the rows of the README table under `heading`. */
function readmeTable(heading: string): [string, string][] {
  const section = readme.slice(readme.indexOf(`\n${heading}\n`))
  const lines = section.split('\n').slice(1)
  const start = lines.findIndex((line) => line.startsWith('|'))
  const rows = lines.slice(
    start + 2,
    lines.findIndex((line, i) => i > start && !line.startsWith('|'))
  )
  return rows.map((row) => {
    const cells = row.split('|').map((cell) => cell.trim())
    return [cells[1].replace(/`/g, ''), cells[2]]
  })
}

describe('one input table', () => {
  it('action.yml declares exactly the inputs of the table, with its defaults', () => {
    expect(Object.keys(action.inputs)).toEqual(INPUT_NAMES)
    for (const name of INPUT_NAMES) {
      expect([name, action.inputs[name].required ?? false, action.inputs[name].default ?? '']).toEqual([
        name,
        INPUTS[name].required,
        INPUTS[name].default
      ])
    }
    expect(Object.keys(action.outputs)).toEqual(Object.keys(OUTPUTS))
  })

  it("the README's input table lists the same inputs with the same defaults", () => {
    expect(readmeTable('### Inputs')).toEqual(INPUT_NAMES.map((name) => [name, shownDefault(name)]))
    expect(readmeTable('### Outputs').map(([name]) => name)).toEqual(Object.keys(OUTPUTS))
  })

  it('krun-run --help shows every flag', () => {
    for (const name of INPUT_NAMES) {
      for (const flag of INPUTS[name].flags) expect(USAGE).toContain(flag)
    }
  })
})
