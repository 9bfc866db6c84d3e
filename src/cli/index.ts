#!/usr/bin/env node
/** krun-run's entry point (dist/cli/index.js). */
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { runCli } from './run.js'

const distDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
process.exitCode = await runCli(
  {
    argv: process.argv.slice(2),
    env: process.env,
    cwd: process.cwd(),
    stdinIsTerminal: process.stdin.isTTY === true,
    readStdin: () => fs.readFileSync(0),
    writeOut: (text) => process.stdout.write(text),
    writeErr: (text) => process.stderr.write(text)
  },
  distDir
)
