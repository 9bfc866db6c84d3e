/**
 * What the doctor asks the VM process in its probe mode (`node dist/vm/index.js --probe
 * REQUEST`), and what it answers on stdout as one JSON line. The facts need the native
 * loader, which only the VM process has; what they mean is judged on the engine's side.
 */
export const PROBE_FLAG = '--probe'

export interface ProbeRequest {
  /** Unset when none was found: the KVM device is still asked. */
  libkrun?: string
  /** The KVM device to ask KVM_GET_API_VERSION; unset when it does not open anyway. */
  kvmDevice?: string
  /** Symbols whose presence tells libkrun's age. */
  symbols: string[]
  /** krun_has_feature's numbers, by name. */
  features: Record<string, number>
  /** The libkrunfw sonames to try to load. */
  firmware: string[]
}

export type Failed = { error: string }

export interface ProbeAnswer {
  kvm?: { apiVersion: number } | Failed
  /** `features` is absent when the library has no krun_has_feature. */
  libkrun?: { symbols: string[]; features?: string[] } | Failed
  /** By soname: where the loader found it and the ABI version it reports. */
  firmware: Record<string, { path?: string; version?: number } | Failed>
}

export function failed<T extends object>(value: T | Failed | undefined): value is Failed {
  return value !== undefined && 'error' in value
}
