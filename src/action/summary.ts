/** The job summary: what ran, where, and how it ended. */
import * as core from '@actions/core'
import type { EngineResult } from '../engine/run.js'
import type { RunSettings } from '../engine/settings.js'

function summaryRows(settings: RunSettings, result: EngineResult): [string, string][] {
  const { outcome } = result
  return [
    ['Result', outcome.failure ?? 'passed'],
    ['Exit code', outcome.exitCode === undefined ? '(none)' : String(outcome.exitCode)],
    ['Wall time', `${(result.wallMs / 1000).toFixed(1)} s`],
    ['Shell', settings.shell.join(' ')],
    ['Root filesystem', `${settings.rootfs} (read-only, under a throwaway overlay)`],
    ['Workspace', settings.workspace ?? 'none'],
    ['Working directory', settings.workdir],
    ['CPUs / memory', `${settings.cpus} / ${settings.memoryMib} MiB`],
    ['libkrun', result.libkrun]
  ]
}

export async function writeSummary(settings: RunSettings, result: EngineResult): Promise<void> {
  if (!process.env.GITHUB_STEP_SUMMARY) return
  await core.summary
    .addHeading('Commands run in a microVM', 3)
    .addCodeBlock(settings.commands.trimEnd(), 'sh')
    .addTable([
      [
        { data: 'What', header: true },
        { data: 'Value', header: true }
      ],
      ...summaryRows(settings, result)
    ])
    .write()
}
