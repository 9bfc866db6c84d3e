/**
 * Network public's enforcement: the VM process starts under krun-netguard
 * (native/netguard/), which installs the seccomp filter and forks the supervisor, then
 * becomes the VM process (same pid). Made here: its refusal table, before it starts; its
 * policy, before the guest may start (the supervisor reads it at the first call it checks).
 */
import fs from 'node:fs'
import path from 'node:path'
import { HostError } from '../errors.js'
import { type AllowEntry, type Lookup, resolveAllow } from '../inputs/allow-input.js'
import { policyRules, renderPolicy, resolversOf } from './network-policy.js'
import { createRefusedTable } from './refused-table.js'
import type { RunLayout } from '../guest/run-dir.js'

export interface NetGuard {
  binary: string
  policyFile: string
  tableFile: string
}

const GUARD_ARCH: Record<string, string> = { x64: 'x86_64', arm64: 'aarch64' }

export function netguardBinary(distDir: string, arch: string = process.arch): string {
  const binary = GUARD_ARCH[arch] && path.join(distDir, 'native', GUARD_ARCH[arch], 'krun-netguard')
  if (!binary || !fs.existsSync(binary)) {
    throw new HostError(`this action has no krun-netguard for the ${arch} architecture, which network public needs`)
  }
  return binary
}

/** The guard of a run in `layout`: its table is made now, empty. */
export function prepareGuard(distDir: string, layout: RunLayout): NetGuard {
  const guard = {
    binary: netguardBinary(distDir),
    policyFile: layout.netPolicyFile,
    tableFile: layout.refusedTableFile
  }
  createRefusedTable(guard.tableFile)
  return guard
}

export function guardedCommand(guard: NetGuard, command: readonly string[]): string[] {
  return [guard.binary, guard.policyFile, guard.tableFile, '--', ...command]
}

/** Whether a network input's raw text asks for the guard: the default, public, does. */
export function wantsGuard(rawNetwork: string | undefined): boolean {
  const mode = rawNetwork?.trim().toLowerCase() ?? ''
  return mode === '' || mode === 'public'
}

export interface PolicySources {
  resolvConf?: string
  lookup?: Lookup
}

/** Writes the run's policy: the host's resolvers, the `allow` input's rules (host names resolved now), the refused ranges. */
export async function writePolicy(
  file: string,
  allow: readonly AllowEntry[],
  sources: PolicySources = {}
): Promise<void> {
  const allowed = await resolveAllow(allow, sources.lookup)
  let resolvConf = sources.resolvConf
  if (resolvConf === undefined) {
    try {
      resolvConf = fs.readFileSync('/etc/resolv.conf', 'utf8')
    } catch {
      resolvConf = ''
    }
  }
  fs.writeFileSync(file, renderPolicy(policyRules(resolversOf(resolvConf), allowed)), { mode: 0o600 })
}
