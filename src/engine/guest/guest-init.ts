/** Which guest init a run ships into the guest: the one built for this host's architecture. */
import fs from 'node:fs'
import path from 'node:path'
import { HostError } from '../errors.js'

/** The guest's architecture name for each Node architecture krun-action runs on. */
export const GUEST_ARCH: Record<string, string> = { x64: 'x86_64', arm64: 'aarch64' }

export function guestInitBinary(distDir: string, arch: string = process.arch): string {
  const guestArch = GUEST_ARCH[arch]
  const binary = guestArch && path.join(distDir, 'native', guestArch, 'krun-init')
  if (!binary || !fs.existsSync(binary)) {
    throw new HostError(
      `this action has no guest init for the ${arch} architecture; it runs on x86_64 and aarch64 Linux`
    )
  }
  return binary
}
