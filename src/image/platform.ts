/** The runner's platform, and picking its manifest out of an image index. */
import type { Descriptor } from './manifest.js'

export interface Platform {
  os: 'linux'
  architecture: string
  variant?: string
}

const ARCHITECTURES: Record<string, string> = { x64: 'amd64', arm64: 'arm64' }

/** Maps Node's process.arch names (x64, arm64) to OCI's (amd64, arm64); OCI names pass through. */
export function platformFor(arch: string = process.arch): Platform {
  const architecture = ARCHITECTURES[arch] ?? arch
  return architecture === 'arm64' ? { os: 'linux', architecture, variant: 'v8' } : { os: 'linux', architecture }
}

export function showPlatform(p: { os?: string; architecture?: string; variant?: string }): string {
  return [p.os ?? '?', p.architecture ?? '?', ...(p.variant ? [p.variant] : [])].join('/')
}

/** Does an image of `candidate`'s platform run on `wanted`? arm64 accepts variant v8 or none. */
export function platformMatches(
  candidate: { os?: string; architecture?: string; variant?: string },
  wanted: Platform
): boolean {
  if (candidate.os !== wanted.os || candidate.architecture !== wanted.architecture) return false
  if (wanted.architecture === 'arm64') return !candidate.variant || candidate.variant === 'v8'
  return true
}

/**
 * The index entry for `wanted`; an exact variant match beats an entry without a variant.
 * Returns undefined when the index has none, with the platforms it does have (attestations left out).
 */
export function pickManifest(manifests: Descriptor[], wanted: Platform): { chosen?: Descriptor; available: string[] } {
  const candidates = manifests.filter((m) => m.platform && platformMatches(m.platform, wanted))
  const chosen = candidates.find((m) => m.platform?.variant === wanted.variant) ?? candidates[0]
  const available = [
    ...new Set(
      manifests
        .filter((m) => m.platform && m.platform.os !== 'unknown' && m.platform.architecture !== 'unknown')
        .map((m) => showPlatform(m.platform!))
    )
  ]
  return { chosen, available }
}
