/** The KVM device: there, opening read-write for this user, and answering as KVM does. */
import fs from 'node:fs'
import os from 'node:os'
import { errorCode } from '../../../image/errors.js'
import { type KvmAccessContext, kvmAccessFix, openKvm } from '../kvm-access.js'
import type { ProbeAnswer } from './probe-protocol.js'
import { type CheckResult, fail, pass, skip } from './verdict.js'

/** The KVM API version every Linux since 2.6.22 reports, and libkrun requires. */
export const KVM_API_VERSION = 12

const NO_KVM_FIX =
  'use a machine with KVM: bare metal, or a VM with nested virtualization (GitHub-hosted x86_64 Linux runners have it)'

export function kvmDeviceCheck(device: string, stat: (p: string) => fs.Stats = fs.statSync): CheckResult {
  const name = 'KVM device'
  let stats: fs.Stats
  try {
    stats = stat(device)
  } catch (error) {
    const code = errorCode(error)
    return fail(name, `${device} does not exist${code && code !== 'ENOENT' ? ` (${code})` : ''}`, NO_KVM_FIX)
  }
  const what = stats.isCharacterDevice() ? `a character device` : 'present, but not a character device'
  return pass(name, `${device} is ${what}`)
}

export function kvmAccessCheck(context: KvmAccessContext, open?: (p: string) => number): CheckResult {
  const name = 'KVM access'
  const result = openKvm(context.device, open)
  const user = os.userInfo().username
  if (result.ok) return pass(name, `${context.device} opens read-write for user ${user}`)
  if (result.kind === 'missing') return skip(name, `${context.device} does not exist`)
  if (result.kind === 'denied') {
    return fail(
      name,
      `${context.device} does not open read-write for user ${user} (${result.code})`,
      kvmAccessFix(context)
    )
  }
  return fail(
    name,
    `${context.device} does not open read-write (${result.code})`,
    'check that KVM works on this machine'
  )
}

/** From the VM process's probe; `kvm` is unset when the device was not asked (it does not open). */
export function kvmApiCheck(device: string, kvm: ProbeAnswer['kvm'] | Error): CheckResult {
  const name = 'KVM API'
  if (kvm === undefined) return skip(name, `${device} does not open`)
  if (kvm instanceof Error) return fail(name, kvm.message, 'reinstall the action; its dist/vm/index.js could not run')
  if ('error' in kvm) {
    return fail(
      name,
      `${device} did not answer KVM_GET_API_VERSION (${kvm.error}): it is not a working KVM device`,
      NO_KVM_FIX
    )
  }
  if (kvm.apiVersion !== KVM_API_VERSION) {
    return fail(
      name,
      `${device} reports version ${kvm.apiVersion}, libkrun needs ${KVM_API_VERSION}`,
      'use a host with a standard Linux KVM'
    )
  }
  return pass(name, `version ${KVM_API_VERSION}`)
}
