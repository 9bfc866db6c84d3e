/** The job summary: what ran, where, and how it ended. */
import * as core from '@actions/core'
import {
  type CheckResult,
  type EngineResult,
  type RunSettings,
  appliedText,
  refusalLines,
  sweepLine
} from '../engine/index.js'
import { visible } from '../text/visible.js'

/**
 * The summary is HTML and core.summary's helpers insert text as it is: everything this
 * module did not write itself (commands, paths, failure text) goes through here, hidden
 * characters (a bidi override that reorders the commands as shown) escaped first.
 */
function escapeHtml(text: string, keepLines = false): string {
  return visible(text, { keepLines }).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)
}

function baseRow(settings: RunSettings, result: EngineResult): [string, string] {
  const { image } = result
  if (!image || settings.base.kind !== 'image') {
    const rootfs = settings.base.kind === 'rootfs' ? settings.base.rootfs : ''
    return ['Root filesystem', `${rootfs} (read-only, under a throwaway overlay)`]
  }
  const size = `${(image.sizeBytes / 2 ** 20).toFixed(1)} MiB`
  const source = image.fromCache ? 'from the cache' : 'pulled'
  return ['Image', `${image.reference} (${image.digest}, ${image.platform}, ${size}, ${source})`]
}

/** Where the writable layer lived, and the prepared layer under it. */
function layerRows(settings: RunSettings, result: EngineResult): [string, string][] {
  const rows: [string, string][] = []
  if (result.prepared) {
    const source =
      result.prepared === 'cache' ? 'prepared layer from cache' : 'prepared layer made by the prepare script and cached'
    rows.push(['Prepared layer', source])
  }
  if (settings.persist === 'job') rows.push(['Changes', "kept for the job's later steps (persist: job)"])
  return rows
}

/** What the run left in the workspace: device nodes removed, set-ID bits cleared, or why it was not checked. */
function workspaceCheckRow(settings: RunSettings, result: EngineResult): [string, string][] {
  if (settings.workspace === null) return []
  const sweep = result.workspaceSweep
  if (sweep === undefined) return [['Left in the workspace', 'not checked (workspace-devices: keep)']]
  const problems =
    sweep.failureCount > 0 || sweep.stoppedAfter !== undefined
      ? '; not all of the workspace could be checked (see the warnings)'
      : ''
  const done = sweepLine(sweep) ?? 'no device nodes or set-user/group-ID files made or changed by the run'
  return [['Left in the workspace', `${done}${problems}`]]
}

/** Who the commands ran as, and what of the image's config applied (names only, never a value). */
function userRows(settings: RunSettings): [string, string][] {
  const rows: [string, string][] = []
  if (settings.imageConfig) rows.push(['Image config applied', appliedText(settings.imageConfig)])
  const user = settings.guestUser
  if (user) {
    const groups = user.groups.length > 0 ? `, groups ${user.groups.join(',')}` : ''
    const spec = settings.user?.text ?? settings.imageConfig?.user ?? ''
    rows.push(['User', `${spec} (uid ${user.uid}, gid ${user.gid}${groups})`])
  }
  return rows
}

export function summaryRows(asked: RunSettings, result: EngineResult): [string, string][] {
  const { outcome } = result
  const settings = result.ran ?? asked
  return [
    ['Result', outcome.failure ?? 'passed'],
    ['Exit code', outcome.exitCode === undefined ? '(none)' : String(outcome.exitCode)],
    ['Wall time', `${(result.wallMs / 1000).toFixed(1)} s`],
    ['Shell', settings.shell.join(' ')],
    baseRow(settings, result),
    ...layerRows(settings, result),
    ['Workspace', settings.workspace ?? 'none'],
    ...workspaceCheckRow(settings, result),
    ['Working directory', settings.workdir],
    ...userRows(settings),
    ['CPUs / memory', `${settings.cpus} / ${settings.memoryMib} MiB`],
    ...networkRows(settings, result),
    ['libkrun', result.libkrun],
    ...(result.kernelNote ? [['Host kernel', result.kernelNote] as [string, string]] : [])
  ]
}

/** With network public: what it refused, or that it refused nothing. */
function networkRows(settings: RunSettings, result: EngineResult): [string, string][] {
  if (settings.network !== 'public') return [['Network', settings.network]]
  const refusals = result.refusals
  if (!refusals) return [['Network', 'public']]
  if (refusals.total === 0) return [['Network', 'public; nothing refused']]
  const [head, ...lines] = refusalLines(refusals)
  return [
    ['Network', `public; ${head.replace(/^network public /, '')}`],
    ...lines.map((line) => ['Refused', line] as [string, string])
  ]
}

export async function writeSummary(settings: RunSettings, result: EngineResult): Promise<void> {
  if (!process.env.GITHUB_STEP_SUMMARY) return
  await core.summary
    .addHeading('Commands run in a microVM', 3)
    .addCodeBlock(escapeHtml(settings.commands.toString('utf8').trimEnd(), true), 'sh')
    .addTable([
      [
        { data: 'What', header: true },
        { data: 'Value', header: true }
      ],
      ...summaryRows(settings, result).map(([what, value]) => [what, escapeHtml(value)])
    ])
    .write()
}

const VERDICT_SHOWN: Record<CheckResult['verdict'], string> = {
  ok: 'ok',
  fail: '<strong>FAIL</strong>',
  warn: 'warn',
  info: 'info',
  skip: 'not checked'
}

/** The host doctor's verdicts, one row per check, for a step that only sets up the job. */
export async function writeDoctorSummary(checks: readonly CheckResult[], canStart: boolean): Promise<void> {
  if (!process.env.GITHUB_STEP_SUMMARY) return
  await core.summary
    .addHeading('Host check: can this runner start a microVM?', 3)
    .addTable([
      [
        { data: 'Check', header: true },
        { data: 'Verdict', header: true },
        { data: 'Detail', header: true },
        { data: 'Fix', header: true }
      ],
      ...checks.map((check) => [
        escapeHtml(check.name),
        VERDICT_SHOWN[check.verdict],
        escapeHtml(check.detail),
        check.verdict === 'fail' || check.verdict === 'warn' ? escapeHtml(check.fix ?? '') : ''
      ])
    ])
    .addRaw(canStart ? 'A microVM can start here.' : 'A microVM cannot start here: see the checks marked FAIL.', true)
    .write()
}
