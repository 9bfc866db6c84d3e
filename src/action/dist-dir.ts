/** Finds dist/ (the VM process's bundle and the guest init) from wherever the action runs. */
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { HostError, vmEntry } from '../engine/index.js'

/**
 * The bundle runs as dist/index.js, so dist/ is its own directory; from the sources
 * (GitHub's local-action runs src/action/main.ts) it is the repository's dist/.
 */
export function findDistDir(moduleUrl: string = import.meta.url): string {
  const here = path.dirname(fileURLToPath(moduleUrl))
  const candidates = [here, path.resolve(here, '..', '..', 'dist')]
  const found = candidates.find((dir) => fs.existsSync(vmEntry(dir)))
  if (!found)
    throw new HostError(`cannot find the action's dist/ (looked in ${candidates.join(', ')}); run npm run bundle`)
  return found
}
