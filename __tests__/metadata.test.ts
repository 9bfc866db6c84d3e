/**
 * The action as GitHub reads it: action.yml parsed strictly with the `yaml` package (the
 * parser GitHub's local-action uses), and every copy of the input list held to the one
 * table in src/engine/inputs/table.ts: action.yml, the README's tables, `krun-run --help` and
 * the example workflow. Nothing here lists inputs itself.
 */
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { parseDocument } from 'yaml'
import { DIST, REPO } from '../__fixtures__/action-runner.js'
import { INPUTS, INPUT_NAMES, type InputName, type InputSpec, OUTPUTS } from '../src/engine/inputs/table.js'
import { shownDefault } from '../src/engine/inputs/raw-inputs.js'

type Mapping = Record<string, unknown>

/** Parses YAML strictly: any error or warning (duplicate keys included) fails the test. */
function loadYaml(relativePath: string): Mapping {
  const doc = parseDocument(fs.readFileSync(path.join(REPO, relativePath), 'utf8'), {
    strict: true,
    uniqueKeys: true,
    prettyErrors: true
  })
  expect([...doc.errors, ...doc.warnings].map((problem) => `${relativePath}: ${problem.message}`)).toEqual([])
  const value: unknown = doc.toJS()
  expect(value).toEqual(expect.any(Object))
  return value as Mapping
}

/** The rows of the README table under `heading`: first cell (a `name`) → the other cells. */
function readmeTable(heading: string): Map<string, string[]> {
  const lines = fs.readFileSync(path.join(REPO, 'README.md'), 'utf8').split('\n')
  const start = lines.indexOf(heading)
  expect(start).toBeGreaterThanOrEqual(0)
  const rows = new Map<string, string[]>()
  for (const line of lines.slice(start + 1)) {
    if (line.startsWith('#')) break
    const cells = /^\|(.*)\|\s*$/
      .exec(line)?.[1]
      .split('|')
      .map((cell) => cell.trim())
    const name = cells && /^`([^`]+)`$/.exec(cells[0])?.[1]
    if (cells && name) {
      expect(rows.has(name)).toBe(false)
      rows.set(name, cells.slice(1))
    }
  }
  return rows
}

const sorted = (names: Iterable<string>) => [...names].sort()

describe('action.yml', () => {
  const action = loadYaml('action.yml')
  const inputs = action.inputs as Record<string, Mapping>
  const outputs = action.outputs as Record<string, Mapping>

  it('has what GitHub requires of an action, and nothing it does not know', () => {
    for (const key of ['name', 'description']) expect([key, action[key]]).toEqual([key, expect.stringMatching(/\S/)])
    expect(action.runs).toEqual(expect.any(Object))
    for (const key of Object.keys(action)) {
      expect(['name', 'description', 'author', 'branding', 'inputs', 'outputs', 'runs']).toContain(key)
    }
  })

  it('runs the bundles in dist/ on node24, with a post step', () => {
    const runs = action.runs as Mapping
    expect(runs).toEqual({ using: 'node24', main: 'dist/index.js', post: 'dist/post/index.js' })
    for (const entry of [runs.main, runs.post] as string[]) expect(fs.existsSync(path.join(REPO, entry))).toBe(true)
  })

  it('declares exactly the inputs of the input table, with its defaults and required flags', () => {
    expect(sorted(Object.keys(inputs))).toEqual(sorted(INPUT_NAMES))
    for (const name of INPUT_NAMES) {
      const declared = inputs[name]
      for (const key of Object.keys(declared))
        expect([name, key]).toEqual([name, expect.stringMatching(/^(description|required|default)$/)])
      expect([name, declared.description]).toEqual([name, expect.stringMatching(/\S/)])
      expect([name, declared.required]).toEqual([name, INPUTS[name].required])
      // The runner passes a default as text; a YAML number or boolean would be converted first.
      expect([name, declared.default ?? '']).toEqual([name, INPUTS[name].default])
    }
  })

  it("declares exactly the table's outputs, described in the table's words", () => {
    expect(sorted(Object.keys(outputs))).toEqual(sorted(Object.keys(OUTPUTS)))
    for (const [name, description] of Object.entries(OUTPUTS)) expect(outputs[name]).toEqual({ description })
  })

  it('names the Node.js these tests run on (npm test runs jest on Node 24 from node-linux-*)', () => {
    const using = (action.runs as Mapping).using as string
    expect(`node${process.versions.node.split('.')[0]}`).toBe(using)
  })
})

describe("the README's tables", () => {
  it('show every input with its default, and nothing else', () => {
    const rows = readmeTable('### Inputs')
    expect(sorted(rows.keys())).toEqual(sorted(INPUT_NAMES))
    for (const name of INPUT_NAMES) {
      const [shown, meaning] = rows.get(name) as string[]
      expect([name, shown]).toEqual([name, shownDefault(name)])
      expect([name, meaning]).toEqual([name, expect.stringMatching(/\S/)])
    }
  })

  it('show every output in the words of the table, and nothing else', () => {
    const rows = readmeTable('### Outputs')
    expect(sorted(rows.keys())).toEqual(sorted(Object.keys(OUTPUTS)))
    for (const [name, description] of Object.entries(OUTPUTS)) expect(rows.get(name)).toEqual([description])
  })
})

describe('krun-run --help (the bundled CLI)', () => {
  it('offers every flag of every input; secrets, which never travel on argv, have none', () => {
    const help = spawnSync(process.execPath, [path.join(DIST, 'cli', 'index.js'), '--help'], { encoding: 'utf8' })
    expect(help.status).toBe(0)
    const offered = new Set(help.stdout.split(/[\s,]+/))
    for (const name of INPUT_NAMES) {
      const spec = INPUTS[name] as { flags: readonly string[] }
      for (const flag of spec.flags) expect([name, flag, offered.has(flag)]).toEqual([name, flag, true])
    }
    expect(INPUTS['registry-password'].flags).toEqual([])
    expect(help.stdout).not.toContain('--registry-password')
  })

  it('has a flag for every input but the secrets, each of which names its environment variable in the help', () => {
    const help = spawnSync(process.execPath, [path.join(DIST, 'cli', 'index.js'), '--help'], { encoding: 'utf8' })
    for (const name of INPUT_NAMES) {
      const spec: InputSpec = INPUTS[name]
      expect([name, spec.flags.length === 0]).toEqual([name, spec.secretVariable !== undefined])
    }
    const secrets = INPUT_NAMES.flatMap((name) => (INPUTS[name] as InputSpec).secretVariable ?? [])
    expect(secrets.filter((variable) => !help.stdout.includes(variable))).toEqual([])
  })
})

describe('the example workflow (.github/workflows/ci.yml)', () => {
  const workflow = loadYaml('.github/workflows/ci.yml')
  const jobs = Object.values(workflow.jobs as Record<string, Mapping>)
  const steps = jobs.flatMap((job) => job.steps as Mapping[])

  it('runs the same checks as CI (.ci/run)', () => {
    expect(steps.map((step) => step.run)).toContainEqual(expect.stringMatching(/\.ci\/run\b/))
  })

  it('uses the action from the repository on a self-hosted KVM runner, with declared inputs only', () => {
    const selfJob = jobs.find((job) => (job.steps as Mapping[]).some((step) => step.uses === './'))
    expect(selfJob?.['runs-on']).toEqual(['self-hosted', 'linux', 'kvm'])
    const uses = steps.filter((step) => step.uses === './')
    expect(uses.length).toBeGreaterThan(0)
    for (const step of uses) {
      const given = Object.keys(step.with ?? {})
      for (const name of given) expect(INPUT_NAMES).toContain(name)
      for (const name of INPUT_NAMES.filter((input: InputName) => INPUTS[input].required)) expect(given).toContain(name)
    }
  })
})
