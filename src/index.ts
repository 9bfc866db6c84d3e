/** The action's entry point (dist/index.js). */
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { run } from './main.js'

await run(path.dirname(fileURLToPath(import.meta.url)))
