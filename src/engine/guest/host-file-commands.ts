/**
 * Appends what the guest set (already checked by file-commands.ts) to the host's own file
 * commands. Each value goes in a block with a fresh random delimiter, as @actions/core
 * writes them, so nothing the guest wrote can close a block early and add entries.
 */
import crypto from 'node:crypto'
import fs from 'node:fs'
import { FILE_COMMANDS, type GuestFileCommands } from './file-commands.js'

/** `name<<delimiter`, the value, the delimiter; undefined if the value holds the delimiter. */
export function keyValueBlock(name: string, value: string): string | undefined {
  const delimiter = `ghadelimiter_${crypto.randomUUID()}`
  if (value.includes(delimiter)) return undefined
  return `${name}<<${delimiter}\n${value}\n${delimiter}\n`
}

/**
 * Writes the guest's outputs, summary, environment and PATH entries to the files `hostEnv`
 * names. `reservedOutputs` are the front end's own outputs, which the guest cannot set.
 * Returns one warning line per entry left out.
 */
export function applyGuestFileCommands(
  guest: GuestFileCommands,
  hostEnv: NodeJS.ProcessEnv,
  reservedOutputs: readonly string[] = []
): string[] {
  const warnings: string[] = []
  const appendBlocks = (variable: string, entries: [string, string][], what: string) => {
    const file = hostEnv[variable]
    if (!file) return
    let text = ''
    for (const [name, value] of entries) {
      const block = keyValueBlock(name, value)
      if (block === undefined) warnings.push(`the guest's ${what} ${name} was left out: it holds the delimiter`)
      else text += block
    }
    if (text) fs.appendFileSync(file, text)
  }
  const outputs = guest.outputs.filter(([name]) => {
    if (!reservedOutputs.includes(name)) return true
    warnings.push(`the guest's ${FILE_COMMANDS.output} sets ${name}, which is this step's own output; skipped`)
    return false
  })
  appendBlocks(FILE_COMMANDS.output, outputs, 'output')
  appendBlocks(FILE_COMMANDS.env, guest.env, 'variable')
  const summaryFile = hostEnv[FILE_COMMANDS.summary]
  if (summaryFile && guest.summary) {
    fs.appendFileSync(summaryFile, guest.summary.endsWith('\n') ? guest.summary : `${guest.summary}\n`)
  }
  const pathFile = hostEnv[FILE_COMMANDS.path]
  if (pathFile && guest.path.length > 0) fs.appendFileSync(pathFile, guest.path.map((dir) => `${dir}\n`).join(''))
  return warnings
}
