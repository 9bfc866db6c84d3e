/**
 * The one skip policy. Every test tier that needs something of the machine asks here whether
 * it runs; a tier that cannot run is a visible skip with its reason, or a failing test where
 * the environment says it must run:
 *
 * - KRUN_REQUIRE_E2E=1 (what .ci/run sets): every tier but real libkrun must run;
 * - KRUN_REQUIRE_REAL=1: the real-libkrun tier must run too.
 */
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

export const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
export const STANDIN = path.join(REPO, 'native/build/standin/libkrun.so.1')
export const STANDIN_1_16 = path.join(REPO, 'native/build/standin-1.16/libkrun.so.1')
/** A FUSE file system that answers ioctls with EOPNOTSUPP, as libkrun's virtio-fs did (issue 867). */
export const EOPNOTSUPP_FS = path.join(REPO, 'native/build/test/eopnotsupp-fs')
/** Runs a command with a KVM device stand-in where the machine has no usable /dev/kvm. */
export const WITH_KVM = path.join(REPO, 'native/build/test/with-kvm')

/**
 * - `standin`: the bundled action end to end against the stand-in libkrun;
 * - `registry`: a real OCI registry (distribution's docker-registry) on loopback;
 * - `root`: tests that mount (a small tmpfs) or make device nodes;
 * - `aarch64`: the aarch64 guest init and stand-in under user-mode emulation;
 * - `fuse`: a FUSE file system of the tests' own (mounting one needs root and /dev/fuse);
 * - `real`: a real libkrun booting a real guest (opt in with KRUN_LIBRARY).
 */
export type Tier = 'standin' | 'registry' | 'root' | 'fuse' | 'aarch64' | 'real'

const isRoot = process.getuid?.() === 0

/** Set to 1 by with-kvm in the environment of a command it gave a KVM device stand-in. */
export const KVM_STANDIN_VARIABLE = 'KRUN_TEST_KVM_STANDIN'

/** Why /dev/kvm, which the product's host check opens by default, will not do here. */
export function kvmDeviceProblem(): string | undefined {
  const device = '/dev/kvm'
  try {
    fs.closeSync(fs.openSync(device, 'r+'))
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    if (code === 'ENOENT')
      return `${device} does not exist on this machine; run the tests with npm test, which provides a KVM device stand-in (${path.relative(REPO, WITH_KVM)}) as root`
    return `${device} cannot be opened read-write by this user (${code})`
  }
  return undefined
}

function missing(file: string, fix: string): string | undefined {
  return fs.existsSync(file) ? undefined : `${path.relative(REPO, file)} is missing; ${fix}`
}

function onPath(program: string): boolean {
  return ['/usr/sbin', '/usr/bin', '/sbin', '/bin', ...(process.env.PATH ?? '').split(':')].some(
    (dir) => dir !== '' && fs.existsSync(path.join(dir, program))
  )
}

const reasons: Record<Exclude<Tier, 'real' | 'aarch64'>, () => string | undefined> = {
  root: () => (isRoot ? undefined : 'needs root (mounts and device nodes)'),
  standin: () =>
    (isRoot ? undefined : 'the stand-in libkrun needs root for its mount and PID namespaces') ??
    missing(STANDIN, 'run npm run build:native') ??
    missing(STANDIN_1_16, 'run npm run build:native') ??
    kvmDeviceProblem(),
  fuse: () =>
    (isRoot ? undefined : 'mounting a FUSE file system needs root') ??
    (fs.existsSync('/dev/fuse') ? undefined : '/dev/fuse does not exist (the fuse kernel module is not loaded)') ??
    missing(EOPNOTSUPP_FS, 'run npm run build:native'),
  registry: () =>
    onPath('docker-registry') && onPath('htpasswd')
      ? undefined
      : 'docker-registry or htpasswd is not installed (scripts/install-test-tools installs them)'
}

const extraReasons = new Map<Tier, () => string | undefined>()

/** Lets a tier whose check needs more than this file (aarch64, real) register it. */
export function defineTierCheck(tier: 'aarch64' | 'real', check: () => string | undefined): void {
  extraReasons.set(tier, check)
}

const cache = new Map<Tier, string | undefined>()

/** Why `tier` cannot run here, or undefined when it can. */
export function tierSkipReason(tier: Tier): string | undefined {
  if (!cache.has(tier)) {
    const check = tier === 'real' || tier === 'aarch64' ? extraReasons.get(tier) : reasons[tier]
    if (!check) throw new Error(`no check is defined for the ${tier} tier`)
    cache.set(tier, check())
  }
  return cache.get(tier)
}

/** Whether a tier that cannot run here must fail instead of skipping. */
export function tierRequired(tier: Tier): boolean {
  if (tier === 'real') return process.env.KRUN_REQUIRE_REAL === '1'
  return process.env.KRUN_REQUIRE_E2E === '1' || process.env.KRUN_REQUIRE_REAL === '1'
}

function reportCannotRun(tier: Tier, title: string, reason: string): void {
  if (tierRequired(tier)) {
    const variable = tier === 'real' ? 'KRUN_REQUIRE_REAL' : 'KRUN_REQUIRE_E2E'
    describe(title, () => {
      it(`runs, since ${variable}=1 requires it`, () => {
        throw new Error(`${title} cannot run here: ${reason}`)
      })
    })
  } else {
    describe(`${title} (skipped: ${reason})`, () => {
      it.skip(`runs ${title}`, () => undefined)
    })
  }
}

/** describe() for a tier: runs `body` when the tier can run here, else reports it by the policy. */
export function describeTier(tier: Tier | Tier[], title: string, body: () => void): void {
  const tiers = Array.isArray(tier) ? tier : [tier]
  for (const each of tiers) {
    const reason = tierSkipReason(each)
    if (reason !== undefined) {
      reportCannotRun(each, title, reason)
      return
    }
  }
  describe(title, body)
}

/** test() for one test of a tier inside an otherwise unconditional suite. */
export function testTier(tier: Tier, title: string, fn: () => Promise<void> | void, timeout?: number): void {
  const reason = tierSkipReason(tier)
  const body = async (): Promise<void> => {
    await fn()
  }
  if (reason === undefined) test(title, body, timeout)
  else if (tierRequired(tier))
    test(title, () => {
      throw new Error(`${title} cannot run here: ${reason}`)
    })
  else test.skip(`${title} (skipped: ${reason})`, body)
}
