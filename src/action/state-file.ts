/**
 * Writes one value to the step's state file (GITHUB_STATE) as the runner reads it, without
 * @actions/core: the entry point must save its early run directory before that loads (see index.ts).
 */
import { randomUUID } from 'node:crypto'
import fs from 'node:fs'

/** The state names main and post share (state.ts reads and writes them through @actions/core). */
export const STATE = { runDir: 'runDir', vmPid: 'vmPid', imageCache: 'imageCache' } as const

export function appendState(env: NodeJS.ProcessEnv, name: string, value: string): void {
  const file = env.GITHUB_STATE
  if (!file) throw new Error('GITHUB_STATE is not set: the post step could not learn what to clean up')
  const delimiter = `ghadelimiter_${randomUUID()}`
  fs.appendFileSync(file, `${name}<<${delimiter}\n${value}\n${delimiter}\n`)
}
