/** Runs the VM process in its probe mode (probe-protocol.ts) and reads its answer. */
import { execFile } from 'node:child_process'
import { vmEntry } from '../../vm-process/early-start.js'
import { vmProcessEnv } from '../../vm-process/vm-launcher.js'
import { PROBE_FLAG, type ProbeAnswer, type ProbeRequest } from './probe-protocol.js'

/** Loading libkrun takes well under a second; a probe that hangs this long never answers. */
const PROBE_TIMEOUT_MS = 30_000

export type Probe = (request: ProbeRequest) => Promise<ProbeAnswer>

/** The VM process's own environment; with no libkrun to load, just without the action's inputs. */
function probeEnv(request: ProbeRequest, env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  if (request.libkrun !== undefined) return vmProcessEnv(request.libkrun, env)
  return Object.fromEntries(Object.entries(env).filter(([name]) => !name.startsWith('INPUT_')))
}

export function vmProcessProbe(distDir: string, env: NodeJS.ProcessEnv = process.env): Probe {
  return (request) =>
    new Promise((resolve, reject) => {
      const args = [vmEntry(distDir), PROBE_FLAG, JSON.stringify(request)]
      const options = { env: probeEnv(request, env), timeout: PROBE_TIMEOUT_MS, encoding: 'utf8' as const }
      execFile(process.execPath, args, options, (error, stdout, stderr) => {
        const last = stdout.trim().split('\n').at(-1) ?? ''
        try {
          resolve(JSON.parse(last) as ProbeAnswer)
        } catch {
          const why = error?.killed ? `no answer within ${PROBE_TIMEOUT_MS / 1000} s` : stderr.trim().split('\n').at(-1)
          reject(new Error(`the VM process's probe failed (${why || `exit code ${error?.code}`})`))
        }
      })
    })
}
