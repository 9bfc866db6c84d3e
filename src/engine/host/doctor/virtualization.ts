/**
 * Whether this host is itself a virtual machine. Then its KVM is nested: guests run slower,
 * and a nested KVM can open and answer and still not boot libkrun's kernel, which only a
 * boot shows.
 */
import fs from 'node:fs'
import type { CheckResult } from './verdict.js'

export interface VmFacts {
  /** /proc/cpuinfo: on x86 a guest's CPUs carry the `hypervisor` flag. */
  cpuinfo: string
  /** /sys/class/dmi/id/sys_vendor and product_name, where the firmware has DMI. */
  vendor: string
  product: string
  /** /sys/hypervisor/type (Xen). */
  hypervisorType: string
}

/** Products and vendors whose DMI names a virtual machine. */
const VM_DMI = [
  /\bQEMU\b/i,
  /\bKVM\b/,
  /VMware/i,
  /VirtualBox|innotek/i,
  /^Virtual Machine$/,
  /Amazon EC2/i,
  /Google Compute Engine/i,
  /\bXen\b/i,
  /Parallels/i,
  /OpenStack/i,
  /Cloud Hypervisor/i,
  /Firecracker/i
]

/** What shows that this host is a VM; empty when nothing does. */
export function vmEvidence(facts: VmFacts): string[] {
  const evidence: string[] = []
  if (/^flags\s*:.*\bhypervisor\b/m.test(facts.cpuinfo)) evidence.push('the CPU flag hypervisor')
  const dmi = [facts.vendor, facts.product].map((text) => text.trim()).filter(Boolean)
  if (dmi.some((text) => VM_DMI.some((pattern) => pattern.test(text)))) evidence.push(`DMI: ${dmi.join(' ')}`)
  if (facts.hypervisorType.trim()) evidence.push(`/sys/hypervisor/type: ${facts.hypervisorType.trim()}`)
  return evidence
}

export function insideVmCheck(facts: VmFacts): CheckResult {
  const evidence = vmEvidence(facts)
  const detail =
    evidence.length > 0
      ? `yes (${evidence.join('; ')}): KVM here is nested, so guests run slower, and a nested KVM may open yet fail to boot them`
      : 'no sign of it (bare metal, as far as the CPU flags and DMI tell)'
  return { name: 'inside a VM', verdict: 'info', detail, required: false }
}

function readOr(file: string, read: (p: string) => string): string {
  try {
    return read(file)
  } catch {
    return ''
  }
}

export function readVmFacts(read: (p: string) => string = (p) => fs.readFileSync(p, 'utf8')): VmFacts {
  return {
    cpuinfo: readOr('/proc/cpuinfo', read),
    vendor: readOr('/sys/class/dmi/id/sys_vendor', read),
    product: readOr('/sys/class/dmi/id/product_name', read),
    hypervisorType: readOr('/sys/hypervisor/type', read)
  }
}
