/**
 * The parsers of the inputs about lasting state: `persist` (where the guest's writable layer
 * lives), `persist-size` (the size of its disk) and `prepare` (a setup script whose layer is
 * cached). Pure.
 */
import { InputError, showValue } from '../errors.js'
import { byteSize } from './parse.js'

export const PERSIST_MODES = ['step', 'job'] as const
export type PersistMode = (typeof PERSIST_MODES)[number]

export function parsePersist(raw: string): PersistMode {
  const text = raw.trim().toLowerCase()
  if (text === '') return 'step'
  if ((PERSIST_MODES as readonly string[]).includes(text)) return text as PersistMode
  throw new InputError(
    'persist',
    `${showValue(raw)} is not a persist mode; expected step (each step starts from the base) or job (what a step changes lasts for the job's later steps)`
  )
}

/** Smaller than this, ext4 has no room for its journal and a layer worth having. */
export const MIN_DISK_BYTES = 64 * 2 ** 20
export const MAX_DISK_BYTES = 16 * 2 ** 40

/** A size such as 8G, 512M or 2T (binary units); a plain number is bytes. */
export function parseDiskSize(raw: string): number {
  const bytes = byteSize(raw) ?? NaN
  if (!(bytes >= MIN_DISK_BYTES && bytes <= MAX_DISK_BYTES)) {
    throw new InputError(
      'persist-size',
      `${showValue(raw)} is not a disk size from 64M to 16T; expected a number with K, M, G or T (e.g. 8G)`
    )
  }
  // ext4 and the disk are made in whole 4 KiB blocks.
  return Math.floor(bytes / 4096) * 4096
}

/** The prepare script's bytes, or undefined for none. */
export function parsePrepare(raw: string): Buffer | undefined {
  if (raw.trim() === '') return undefined
  const bytes = Buffer.from(raw, 'utf8')
  const nul = bytes.indexOf(0)
  if (nul >= 0) {
    throw new InputError('prepare', 'contains a NUL byte; remove it (a shell script cannot hold NUL bytes)')
  }
  return bytes
}
