/**
 * The table of refused destinations krun-netguard keeps (native/netguard/table.c, the same
 * layout): made here, zeroed, before the VM process starts; read back after it ended, like
 * any file the host did not write itself: strict form, a size cap.
 *
 * Layout, little-endian: a 32-byte header (magic, capacity u32, used u32, total u64,
 * unlisted u64), then `capacity` 32-byte entries (family u8, protocol u8, port u16, 4
 * reserved bytes, address 16 bytes, count u64).
 */
import fs from 'node:fs'
import path from 'node:path'
import { readUntrustedFile } from '../guest/untrusted-file.js'

const MAGIC = 'KRNGTAB1'
const HEADER_BYTES = 32
const ENTRY_BYTES = 32
/** Distinct destinations itemized; refusals beyond them are only counted. */
export const TABLE_CAPACITY = 256
const TABLE_BYTES = HEADER_BYTES + TABLE_CAPACITY * ENTRY_BYTES
/** At most this many destinations are shown, the most refused first. */
export const SHOWN_REFUSALS = 20

const FAMILIES: Record<number, string> = { 0: 'other', 1: 'unix', 4: 'ipv4', 6: 'ipv6' }
const PROTOCOLS: Record<number, string> = { 0: 'other', 6: 'tcp', 17: 'udp' }

export interface Refusal {
  /** An address as shown ('host unix socket' for those). */
  address: string
  port: number
  protocol: string
  count: number
}

export interface Refusals {
  total: number
  /** Refused, but not itemized: the table was full. */
  unlisted: number
  /** The most refused first. */
  entries: Refusal[]
}

export function createRefusedTable(file: string): void {
  const bytes = Buffer.alloc(TABLE_BYTES)
  bytes.write(MAGIC, 0, 'latin1')
  bytes.writeUInt32LE(TABLE_CAPACITY, 8)
  fs.writeFileSync(file, bytes, { mode: 0o600, flag: 'wx' })
}

function ipv6Text(bytes: Buffer): string {
  if (bytes.subarray(0, 10).every((byte) => byte === 0) && bytes.readUInt16BE(10) === 0xffff) {
    return `::ffff:${[...bytes.subarray(12)].join('.')}`
  }
  const groups = Array.from({ length: 8 }, (_, i) => bytes.readUInt16BE(i * 2).toString(16))
  // The longest run of two or more zero groups becomes "::".
  let best = { start: -1, length: 1 }
  for (let start = 0; start < 8; start++) {
    let length = 0
    while (start + length < 8 && groups[start + length] === '0') length++
    if (length > best.length) best = { start, length }
  }
  if (best.start < 0) return groups.join(':')
  const head = groups.slice(0, best.start).join(':')
  const tail = groups.slice(best.start + best.length).join(':')
  return `${head}::${tail}`
}

function addressText(family: string, bytes: Buffer): string {
  if (family === 'ipv4') return [...bytes.subarray(0, 4)].join('.')
  if (family === 'ipv6') return ipv6Text(bytes)
  return family === 'unix' ? 'host unix socket' : 'another address family'
}

/** Thrown for a table that is not in form: the count is then unknown, and said so. */
export class BadTableError extends Error {}

export function parseRefusedTable(bytes: Buffer): Refusals {
  const bad = (what: string) => new BadTableError(`the refusal table ${what}`)
  if (bytes.length !== TABLE_BYTES || bytes.toString('latin1', 0, 8) !== MAGIC) throw bad('is not in form')
  if (bytes.readUInt32LE(8) !== TABLE_CAPACITY) throw bad('has another capacity')
  const used = bytes.readUInt32LE(12)
  if (used > TABLE_CAPACITY) throw bad('holds more entries than it has room for')
  const total = Number(bytes.readBigUInt64LE(16))
  const unlisted = Number(bytes.readBigUInt64LE(24))
  const entries: Refusal[] = []
  for (let i = 0; i < used; i++) {
    const at = HEADER_BYTES + i * ENTRY_BYTES
    const family = FAMILIES[bytes[at]]
    const protocol = PROTOCOLS[bytes[at + 1]]
    const count = Number(bytes.readBigUInt64LE(at + 24))
    if (family === undefined || protocol === undefined || count < 1) throw bad(`entry ${i} is not in form`)
    entries.push({
      address: addressText(family, bytes.subarray(at + 8, at + 24)),
      port: bytes.readUInt16LE(at + 2),
      protocol,
      count
    })
  }
  entries.sort((a, b) => b.count - a.count)
  return { total, unlisted, entries }
}

/** What the run's guard refused; undefined when the run had no guard (no table). */
export function readRefusedTable(file: string): Refusals | undefined {
  const bytes = readUntrustedFile(path.dirname(file), path.basename(file), TABLE_BYTES)
  return bytes === undefined ? undefined : parseRefusedTable(bytes)
}

function destinationText(refusal: Refusal): string {
  if (refusal.address.includes(' ')) return refusal.address
  const host = refusal.address.includes(':') ? `[${refusal.address}]` : refusal.address
  return `${host}:${refusal.port}`
}

/** The lines the log and the summary show: the first SHOWN_REFUSALS destinations and the total. */
export function refusalLines(refusals: Refusals): string[] {
  const times = (count: number) => (count === 1 ? 'once' : `${count} times`)
  const lines = refusals.entries
    .slice(0, SHOWN_REFUSALS)
    .map((refusal) => `${destinationText(refusal)} (${refusal.protocol}): refused ${times(refusal.count)}`)
  const hidden = refusals.entries.length - lines.length
  const more = hidden > 0 || refusals.unlisted > 0 ? ' (not all destinations are listed)' : ''
  return [`network public refused ${refusals.total} connection attempts or datagrams${more}`, ...lines]
}
