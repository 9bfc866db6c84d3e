/**
 * Reads back what the guest init recorded in the run directory's root (native/README.md).
 * That root is the guest's own root share, so the guest can write anything there: every
 * record is read as untrusted input (untrusted-file.ts) and parsed strictly. The host reads
 * only after the VM process has ended.
 */
import { visibleExcerpt } from '../../text/visible.js'
import { GUEST, STATUS_BYTES, STATUS_EXITED, STATUS_KILLED, STATUS_RUNNING } from './guest-protocol.js'
import { TamperedError, readUntrustedFile, untrustedPathExists } from './untrusted-file.js'

const INIT_ERROR_MAX_BYTES = 4096
/** How much of the init's error line is shown. */
const INIT_ERROR_SHOWN_CHARS = 200

/** The workload's end as the init recorded it: "exited N" or "killed N" (N a signal number). */
export interface GuestStatus {
  exitCode: number
  signal?: number
}

export type GuestRecords =
  | {
      tampered?: undefined
      started: boolean
      /** The final status; undefined when the init never wrote one (or only "running"). */
      status: GuestStatus | undefined
      /** The init's own failure, sanitized to one visible line. */
      initError: string | undefined
    }
  | {
      /** The record the guest left in a form the init never writes. */
      tampered: string
    }

/** A final status: its word, a space, a number with no leading zero. */
const STATUS_END = new RegExp(`^(${STATUS_EXITED}|${STATUS_KILLED}) (0|[1-9][0-9]{0,2})$`)

/** Thrown for a record whose content is not in the init's format. */
class MalformedRecord extends Error {}

/**
 * Parses the status record: exactly STATUS_BYTES, the record padded with spaces and ended
 * by a newline. "running" means the init started but recorded no end.
 */
export function parseStatusRecord(bytes: Buffer): GuestStatus | undefined {
  const text = bytes.toString('latin1')
  if (bytes.length !== STATUS_BYTES || !text.endsWith('\n')) throw new MalformedRecord()
  const trimmed = text.slice(0, -1).replace(/ +$/, '')
  if (trimmed === STATUS_RUNNING) return undefined
  const match = STATUS_END.exec(trimmed)
  const value = match ? Number(match[2]) : NaN
  if (!match || value > 255 || (match[1] === STATUS_KILLED && value === 0)) throw new MalformedRecord()
  return match[1] === STATUS_EXITED ? { exitCode: value } : { exitCode: 128 + value, signal: value }
}

/** The init's error line as it may be shown: its first line, made visible, capped. */
export function sanitizeInitError(bytes: Buffer): string | undefined {
  const firstLine = bytes.toString('utf8').split('\n')[0].trim()
  if (firstLine === '') return undefined
  return visibleExcerpt(firstLine, INIT_ERROR_SHOWN_CHARS)
}

/** Reads the records under `root` (the guest's root share). */
export function readGuestRecords(root: string): GuestRecords {
  let current: string = GUEST.started
  try {
    const started = untrustedPathExists(root, GUEST.started)
    current = GUEST.status
    const statusBytes = readUntrustedFile(root, GUEST.status, STATUS_BYTES)
    const status = statusBytes === undefined ? undefined : parseStatusRecord(statusBytes)
    current = GUEST.initError
    const initErrorBytes = readUntrustedFile(root, GUEST.initError, INIT_ERROR_MAX_BYTES)
    const initError = initErrorBytes === undefined ? undefined : sanitizeInitError(initErrorBytes)
    return { started, status, initError }
  } catch (error) {
    if (error instanceof TamperedError || error instanceof MalformedRecord) return { tampered: current }
    throw error
  }
}
