/** One check's verdict, how a report reads, and whether it lets a microVM start. */

/** ok and FAIL judge; warn and info inform; skip: not checked, because a check it needs failed. */
export type Verdict = 'ok' | 'fail' | 'warn' | 'info' | 'skip'

export interface CheckResult {
  name: string
  verdict: Verdict
  detail: string
  /** What to do about it: given with fail and warn. */
  fix?: string
  /** Whether a microVM needs this check to pass. */
  required: boolean
}

const TAGS: Record<Verdict, string> = { ok: 'ok', fail: 'FAIL', warn: 'warn', info: 'info', skip: 'skip' }

/** A microVM can start exactly when every required check passed. */
export function canStart(checks: readonly CheckResult[]): boolean {
  return checks.every((check) => !check.required || check.verdict === 'ok')
}

/** `FAIL KVM access: ...; fix: ...`, one line. */
export function verdictLine(check: CheckResult): string {
  const fix = check.fix && (check.verdict === 'fail' || check.verdict === 'warn') ? `; fix: ${check.fix}` : ''
  return `${TAGS[check.verdict].padEnd(4)} ${check.name}: ${check.detail}${fix}`
}

/** The first required check that did not pass, as the one line a failed step shows. */
export function firstFailure(checks: readonly CheckResult[]): string | undefined {
  const failing = checks.find((check) => check.required && check.verdict !== 'ok')
  return failing && `this host cannot start a microVM: ${verdictLine({ ...failing, verdict: 'fail' }).slice(5)}`
}

export const pass = (name: string, detail: string, required = true): CheckResult => ({
  name,
  verdict: 'ok',
  detail,
  required
})

export const fail = (name: string, detail: string, fix: string, required = true): CheckResult => ({
  name,
  verdict: 'fail',
  detail,
  fix,
  required
})

export const skip = (name: string, why: string): CheckResult => ({
  name,
  verdict: 'skip',
  detail: `not checked: ${why}`,
  required: true
})
