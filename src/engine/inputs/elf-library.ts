/**
 * Reads just enough of an ELF file to tell whether it can be libkrun for this machine:
 * a 64-bit little-endian shared object (not a position-independent executable) for this
 * architecture, whole, whose soname is a libkrun one. Reads at offsets from an open fd,
 * never the whole file.
 */
import fs from 'node:fs'
import { showValue } from '../errors.js'

const ELF_MAGIC = Buffer.from([0x7f, 0x45, 0x4c, 0x46])
const ELFCLASS64 = 2
const ELFDATA2LSB = 1
const ET_DYN = 3
const EHDR_SIZE = 64
const PHDR_SIZE = 56
const PT_LOAD = 1
const PT_DYNAMIC = 2
const DT_NULL = 0n
const DT_STRTAB = 5n
const DT_SONAME = 14n
const DT_FLAGS_1 = 0x6ffffffbn
const DF_1_PIE = 0x08000000n
const MAX_SONAME = 256

/** e_machine of the architectures the action runs on. */
const ELF_MACHINE: Record<string, number> = { x64: 62, arm64: 183 }

interface Segment {
  type: number
  offset: number
  vaddr: number
  filesz: number
}

class ElfProblem extends Error {}

function readAt(fd: number, size: number, offset: number, length: number): Buffer {
  if (offset < 0 || length < 0 || offset + length > size) throw new ElfProblem('is truncated')
  const buffer = Buffer.alloc(length)
  let done = 0
  while (done < length) {
    const read = fs.readSync(fd, buffer, done, length - done, offset + done)
    if (read === 0) throw new ElfProblem('is truncated')
    done += read
  }
  return buffer
}

function segments(fd: number, size: number, header: Buffer): Segment[] {
  const phoff = Number(header.readBigUInt64LE(32))
  const phentsize = header.readUInt16LE(54)
  const phnum = header.readUInt16LE(56)
  if (phentsize !== PHDR_SIZE || phnum === 0) throw new ElfProblem('is not a shared library')
  const table = readAt(fd, size, phoff, phnum * PHDR_SIZE)
  return Array.from({ length: phnum }, (_, i) => {
    const entry = table.subarray(i * PHDR_SIZE, (i + 1) * PHDR_SIZE)
    return {
      type: entry.readUInt32LE(0),
      offset: Number(entry.readBigUInt64LE(8)),
      vaddr: Number(entry.readBigUInt64LE(16)),
      filesz: Number(entry.readBigUInt64LE(32))
    }
  })
}

/** The file offset of a virtual address, through the loadable segment that holds it. */
function fileOffset(loads: Segment[], vaddr: number): number {
  const load = loads.find((s) => vaddr >= s.vaddr && vaddr < s.vaddr + s.filesz)
  if (!load) throw new ElfProblem('is not a shared library (its dynamic section is malformed)')
  return vaddr - load.vaddr + load.offset
}

function soname(fd: number, size: number, loads: Segment[], dynamic: Segment): { soname?: string; pie: boolean } {
  const table = readAt(fd, size, dynamic.offset, dynamic.filesz - (dynamic.filesz % 16))
  let strtab: number | undefined
  let sonameOffset: number | undefined
  let pie = false
  for (let at = 0; at < table.length; at += 16) {
    const tag = table.readBigInt64LE(at)
    const value = table.readBigUInt64LE(at + 8)
    if (tag === DT_NULL) break
    if (tag === DT_STRTAB) strtab = Number(value)
    if (tag === DT_SONAME) sonameOffset = Number(value)
    if (tag === DT_FLAGS_1 && (value & DF_1_PIE) !== 0n) pie = true
  }
  if (strtab === undefined || sonameOffset === undefined) return { pie }
  const start = fileOffset(loads, strtab) + sonameOffset
  const bytes = readAt(fd, size, start, Math.min(MAX_SONAME, size - start))
  const end = bytes.indexOf(0)
  if (end < 0) throw new ElfProblem('is not a shared library (its soname is malformed)')
  return { soname: bytes.subarray(0, end).toString('latin1'), pie }
}

/** Why the open ELF file cannot be libkrun here, or undefined when it may be. */
export function elfLibraryProblem(fd: number, arch: string = process.arch): string | undefined {
  try {
    const size = fs.fstatSync(fd).size
    const header = readAt(fd, size, 0, Math.min(EHDR_SIZE, size))
    if (header.length < EHDR_SIZE || !header.subarray(0, 4).equals(ELF_MAGIC)) return 'is not a shared library'
    if (header[4] !== ELFCLASS64 || header[5] !== ELFDATA2LSB) return 'is not a 64-bit little-endian shared library'
    if (header.readUInt16LE(16) !== ET_DYN) return 'is not a shared library'
    if (header.readUInt16LE(18) !== ELF_MACHINE[arch]) return `is built for another architecture than ${arch}`
    const all = segments(fd, size, header)
    const loads = all.filter((s) => s.type === PT_LOAD)
    if (loads.some((s) => s.offset + s.filesz > size)) return 'is truncated'
    const dynamic = all.find((s) => s.type === PT_DYNAMIC)
    if (!dynamic) return 'is not a shared library (it has no dynamic section)'
    const found = soname(fd, size, loads, dynamic)
    if (found.pie) return 'is an executable, not a shared library'
    if (found.soname === undefined) return 'is not libkrun (it has no soname)'
    if (!found.soname.startsWith('libkrun')) {
      return `is not libkrun (its soname is ${showValue(found.soname)})`
    }
    return undefined
  } catch (error) {
    if (error instanceof ElfProblem) return error.message
    throw error
  }
}
