/**
 * The VM process's probe mode, for the doctor: loads libkrun as a run would, asks the KVM
 * device its API version, and loads libkrunfw by soname, then prints what it found as one
 * JSON line. It configures no VM.
 */
import fs from 'node:fs'
import type { ProbeAnswer, ProbeRequest } from '../engine/host/doctor/probe-protocol.js'
import { errorCode } from '../image/errors.js'
import { featureQuery, kvmApiVersion, loadFirmware, loadLibkrun } from './libkrun.js'

function kvm(device: string, describeErrno: (errno: number) => string): ProbeAnswer['kvm'] {
  let fd: number
  try {
    fd = fs.openSync(device, 'r+')
  } catch (error) {
    return { error: errorCode(error) ?? String(error) }
  }
  try {
    const version = kvmApiVersion(fd)
    return version < 0 ? { error: describeErrno(-version) } : { apiVersion: version }
  } finally {
    fs.closeSync(fd)
  }
}

function libkrun(library: string, request: ProbeRequest): ProbeAnswer['libkrun'] {
  let krun
  try {
    krun = loadLibkrun(library)
  } catch (error) {
    return { error: (error as Error).message }
  }
  const symbols = request.symbols.filter((symbol) => krun.has(symbol))
  const hasFeature = featureQuery(library)
  if (!hasFeature) return { symbols }
  const features = Object.entries(request.features)
    .filter(([, number]) => hasFeature(number) === 1)
    .map(([name]) => name)
  return { symbols, features }
}

/** Where the loader found a library: the file mapped into this process under that name. */
function mappedPath(soname: string): string | undefined {
  const base = soname.replace(/\.so\..*$/, '.so')
  const lines = fs.readFileSync('/proc/self/maps', 'utf8').split('\n')
  return lines.map((line) => line.split(/\s+/).slice(5).join(' ')).find((file) => file.includes(`/${base}`))
}

function firmware(soname: string): ProbeAnswer['firmware'][string] {
  try {
    const version = loadFirmware(soname)
    return { path: mappedPath(soname), ...(version === undefined ? {} : { version }) }
  } catch (error) {
    return { error: (error as Error).message }
  }
}

export function probe(request: ProbeRequest, describeErrno: (errno: number) => string): ProbeAnswer {
  return {
    ...(request.kvmDevice === undefined ? {} : { kvm: kvm(request.kvmDevice, describeErrno) }),
    ...(request.libkrun === undefined ? {} : { libkrun: libkrun(request.libkrun, request) }),
    firmware: Object.fromEntries(request.firmware.map((soname) => [soname, firmware(soname)]))
  }
}
