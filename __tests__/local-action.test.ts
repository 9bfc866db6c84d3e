/**
 * GitHub's local runner for actions (@github/local-action) runs the action from its
 * TypeScript entry point, src/action/main.ts, as `npm run local-action` does, against the
 * stand-in libkrun. It reads action.yml itself, stubs @actions/core and calls `run()`.
 */
import { spawn } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { LAUNCHER_DIR } from '../src/later-steps/launcher.js'
import { REPO, STANDIN, makeScratch, removeScratches } from '../__fixtures__/action-runner.js'
import { describeTier } from '../__fixtures__/tiers.js'

const LOCAL_ACTION = path.join(REPO, 'node_modules/@github/local-action/bin/local-action.js')

interface LocalActionResult {
  code: number | null
  stdout: string
  stderr: string
}

function runLocalAction(envFile: string): Promise<LocalActionResult> {
  const child = spawn(process.execPath, [LOCAL_ACTION, '.', 'src/action/main.ts', envFile], {
    cwd: REPO,
    // local-action starts tsx through npm: keep this Node first on PATH so both run on it.
    env: {
      PATH: `${path.dirname(process.execPath)}:${process.env.PATH}`,
      HOME: process.env.HOME,
      TERM: 'dumb',
      NO_COLOR: '1'
    },
    stdio: ['ignore', 'pipe', 'pipe']
  })
  let stdout = ''
  let stderr = ''
  child.stdout.on('data', (chunk) => (stdout += chunk))
  child.stderr.on('data', (chunk) => (stderr += chunk))
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, stdout, stderr })))
}

/** The value local-action's "Action Outputs" table shows for `name`. */
function shownOutput(stdout: string, name: string): string | undefined {
  const outputs = stdout.slice(stdout.indexOf('Action Outputs'))
  return new RegExp(`'${name}'\\s*│\\s*'([^']*)'`).exec(outputs)?.[1]
}

afterAll(removeScratches)

describeTier('standin', 'the action under @github/local-action', () => {
  it('runs the commands in the guest, sets the outputs, fails the step and leaves nothing behind', async () => {
    const scratch = makeScratch()
    const envFile = path.join(scratch.dir, '.env')
    fs.writeFileSync(
      envFile,
      [
        `INPUT_COMMANDS="echo printed in the guest > where.txt; echo printed in the guest; exit 3"`,
        `KRUN_LIBRARY=${STANDIN}`,
        `RUNNER_TEMP=${scratch.temp}`,
        `GITHUB_WORKSPACE=${scratch.workspace}`
      ].join('\n') + '\n'
    )
    const result = await runLocalAction(envFile)
    expect(result.stderr).toBe('')
    expect(result.stdout).toContain('\nprinted in the guest\n')
    expect(fs.readFileSync(path.join(scratch.workspace, 'where.txt'), 'utf8')).toBe('printed in the guest\n')
    expect(shownOutput(result.stdout, 'exit-code')).toBe('3')
    expect(shownOutput(result.stdout, 'timed-out')).toBe('false')
    expect(result.stdout).toContain('::error::commands exited with code 3')
    // Only the krun-run launcher for later steps stays; no run directory does.
    expect(fs.readdirSync(scratch.temp)).toEqual([LAUNCHER_DIR])
  })
})
