/**
 * Read-write access to the KVM device (input kvm-access). The device is opened, as libkrun
 * will open it: mode bits alone do not tell. On a GitHub-hosted runner, where /dev/kvm is
 * root:kvm 0660 and the runner's user is not in kvm, `auto` installs the usual udev rule
 * with passwordless sudo; elsewhere the action never runs sudo and only says what to do.
 */
import fs from 'node:fs'
import os from 'node:os'
import { errorCode } from '../../image/errors.js'
import { HostError, InputError, showValue } from '../errors.js'

export const KVM_ACCESS_POLICIES = ['auto', 'check'] as const
export type KvmAccessPolicy = (typeof KVM_ACCESS_POLICIES)[number]

export function parseKvmAccess(raw: string): KvmAccessPolicy {
  const text = raw.trim().toLowerCase()
  if (text === '') return 'auto'
  if ((KVM_ACCESS_POLICIES as readonly string[]).includes(text)) return text as KvmAccessPolicy
  throw new InputError('kvm-access', `${showValue(raw)} is not a policy; expected auto or check`)
}

export const UDEV_RULE = 'KERNEL=="kvm", GROUP="kvm", MODE="0666", OPTIONS+="static_node=kvm"'
export const UDEV_RULE_FILE = '/etc/udev/rules.d/99-kvm.rules'
export const UDEV_FIX =
  `echo '${UDEV_RULE}' | sudo tee ${UDEV_RULE_FILE}` +
  ' && sudo udevadm control --reload-rules && sudo udevadm trigger --name-match=kvm'

/** What the run knows about its KVM device and the runner it is on. */
export interface KvmAccessContext {
  device: string
  policy: KvmAccessPolicy
  /** RUNNER_ENVIRONMENT=github-hosted: a VM of GitHub's, thrown away after the job. */
  githubHosted: boolean
}

export type KvmOpen =
  | { ok: true }
  | {
      ok: false
      /** missing: no such device; denied: this user may not open it read-write. */
      kind: 'missing' | 'denied' | 'other'
      code: string
    }

/** Opens the device read-write and closes it again. */
export function openKvm(device: string, open = (p: string) => fs.openSync(p, 'r+')): KvmOpen {
  let fd: number
  try {
    fd = open(device)
  } catch (error) {
    const code = errorCode(error) ?? String(error)
    const kind = ['ENOENT', 'ENXIO', 'ENODEV'].includes(code)
      ? 'missing'
      : ['EACCES', 'EPERM'].includes(code)
        ? 'denied'
        : 'other'
    return { ok: false, kind, code }
  }
  fs.closeSync(fd)
  return { ok: true }
}

/** Whether the action may change the host to get access: only GitHub's own throwaway runners. */
export function mayInstallUdevRule(context: Pick<KvmAccessContext, 'policy' | 'githubHosted'>): boolean {
  return context.policy === 'auto' && context.githubHosted
}

/** How the user gets access where the action does not (or could not) get it itself. */
export function kvmAccessFix(context: Pick<KvmAccessContext, 'policy' | 'githubHosted'>): string {
  if (!context.githubHosted) return `as root, run once on this machine: ${UDEV_FIX}`
  if (context.policy === 'check') {
    return `set kvm-access: auto to let the action install the udev rule with sudo, or add a step before this one that runs: ${UDEV_FIX}`
  }
  return `add a step before this one that runs: ${UDEV_FIX}`
}

const user = () => os.userInfo().username

/** The one line for a device that does not open; `why` says what a fix already tried. */
export function kvmProblem(context: KvmAccessContext, open: Extract<KvmOpen, { ok: false }>, why?: string): string {
  const { device } = context
  switch (open.kind) {
    case 'missing':
      return `${device} does not exist: this machine cannot run virtual machines. Use a runner with KVM (bare metal, or a VM with nested virtualization enabled).`
    case 'denied':
      return `${device} exists but user ${user()} cannot open it read-write (${open.code})${why ? `, ${why}` : ''}; ${kvmAccessFix(context)}`
    case 'other':
      return `cannot open ${device} read-write (${open.code}); check that KVM works on this machine`
  }
}

/** Checks access without changing anything: right before the VM process starts, and in the doctor. */
export function checkKvmAccess(context: KvmAccessContext, open?: (p: string) => number): void {
  const result = openKvm(context.device, open)
  if (!result.ok) throw new HostError(kvmProblem(context, result))
}

/** The external programs the fix runs: @actions/exec and @actions/io, unless a test gives its own. */
export interface Programs {
  /** The program's path on PATH, or '' when it is not there. */
  which(name: string): Promise<string>
  run(file: string, args: string[], input?: string): Promise<{ exitCode: number; stderr: string }>
}

/** Loaded only when a fix is attempted: most runs never need them. */
async function actionPrograms(): Promise<Programs> {
  const [exec, io] = await Promise.all([import('@actions/exec'), import('@actions/io')])
  return {
    which: (name) => io.which(name, false),
    run: async (file, args, input) => {
      const options = {
        silent: true,
        ignoreReturnCode: true,
        input: input === undefined ? undefined : Buffer.from(input)
      }
      const { exitCode, stderr } = await exec.getExecOutput(file, args, options)
      return { exitCode, stderr }
    }
  }
}

/** Installs the udev rule with `sudo -n`; undefined when done, else why it was not. */
export async function installUdevRule(programs: Programs): Promise<string | undefined> {
  const found: Record<string, string> = {}
  for (const name of ['sudo', 'tee', 'udevadm']) {
    found[name] = await programs.which(name)
    if (!found[name]) return `but ${name} is not on PATH`
  }
  const steps: [string, string[], string?][] = [
    ['true', ['true']],
    ['tee', [found.tee, UDEV_RULE_FILE], `${UDEV_RULE}\n`],
    ['udevadm', [found.udevadm, 'control', '--reload-rules']],
    ['udevadm', [found.udevadm, 'trigger', '--name-match=kvm']],
    ['udevadm', [found.udevadm, 'settle']]
  ]
  for (const [name, args, input] of steps) {
    const shown = `sudo -n ${[name, ...args.slice(1)].join(' ')}`
    const result = await programs.run(found.sudo, ['-n', ...args], input).catch((error: Error) => error)
    if (result instanceof Error) return `and ${shown} could not run (${result.message})`
    if (result.exitCode !== 0) {
      const said = result.stderr.trim().split('\n')[0]
      return name === 'true'
        ? 'and sudo needs a password here (sudo -n true failed), so the action could not install the udev rule'
        : `and installing the udev rule failed (${shown} exited with code ${result.exitCode}${said ? `: ${said}` : ''})`
    }
  }
  return undefined
}

export interface KvmAccessDeps {
  open?: (p: string) => number
  programs?: Programs
  log: (line: string) => void
}

/**
 * Makes sure the device opens read-write: on a GitHub-hosted runner with kvm-access auto,
 * by installing the udev rule, then opening it again. Throws a HostError with the fix.
 */
export async function ensureKvmAccess(context: KvmAccessContext, deps: KvmAccessDeps): Promise<void> {
  const first = openKvm(context.device, deps.open)
  if (first.ok) return
  if (first.kind !== 'denied' || !mayInstallUdevRule(context)) throw new HostError(kvmProblem(context, first))
  const why = await installUdevRule(deps.programs ?? (await actionPrograms()))
  if (why !== undefined) throw new HostError(kvmProblem(context, first, why))
  const again = openKvm(context.device, deps.open)
  if (!again.ok) {
    throw new HostError(kvmProblem(context, again, `even after the udev rule ${UDEV_RULE_FILE} was installed`))
  }
  deps.log(
    `kvm-access: ${context.device} did not open read-write for user ${user()} (${first.code}); installed the udev rule ${UDEV_RULE_FILE} with sudo, and it opens now`
  )
}
