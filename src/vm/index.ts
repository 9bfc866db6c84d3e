/**
 * The VM process: `node dist/vm/index.js <vm.json>`. Loads libkrun, checks it and the KVM
 * device, configures the VM, tells the action process it is ready, then hands the process
 * to libkrun, which ends it with the guest's exit code. `--probe REQUEST` only reports what
 * the doctor asks (probe.ts).
 */
import fs from 'node:fs'
import os from 'node:os'
import { PROBE_FLAG, type ProbeRequest } from '../engine/host/doctor/probe-protocol.js'
import { InputError } from '../engine/errors.js'
import type { VmConfig } from '../engine/guest/plan.js'
import { CHANNEL_FD, GO_LINE, START_LINE, type VmMessage, encodeMessage } from '../engine/vm-process/vm-protocol.js'
import { errorCode } from '../image/errors.js'
import {
  checkImageShareable,
  checkKvmApi,
  checkLibkrunVersion,
  configureContext,
  libkrunWarnings
} from './configure.js'
import { dieWithParent, kvmApiVersion, loadLibkrun, preloadKrunfw, strerror } from './libkrun.js'
import { probe } from './probe.js'

/** Exit code of the VM process when it fails before the guest starts. */
const SETUP_FAILED = 125

function send(message: VmMessage): void {
  fs.writeSync(CHANNEL_FD, encodeMessage(message))
}

function describeErrno(errno: number): string {
  const name = Object.entries(os.constants.errno).find(([, value]) => value === errno)?.[0]
  return `${strerror(errno)} (${name ?? `errno ${errno}`})`
}

/**
 * Waits for the action's `line`: GO_LINE (it may start this process before the
 * configuration is written), then START_LINE (the guest may start). The end of the channel
 * instead means the action let go of this process.
 */
function waitFor(line: string, what: string): void {
  const buffer = Buffer.alloc(line.length)
  let got = 0
  while (got < buffer.length) {
    let read: number
    try {
      read = fs.readSync(CHANNEL_FD, buffer, got, buffer.length - got, null)
    } catch (error) {
      if (errorCode(error) !== 'EAGAIN') throw error
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 1)
      continue
    }
    if (read === 0) process.exit(SETUP_FAILED)
    got += read
  }
  if (buffer.toString() !== line) throw new Error(`the action sent something other than ${what}`)
}

function readConfig(file: string): VmConfig {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as VmConfig
  } catch (error) {
    throw new Error(`cannot read the VM configuration ${file}: ${(error as Error).message}`, { cause: error })
  }
}

function checkKvm(device: string): void {
  const fd = fs.openSync(device, 'r+')
  try {
    checkKvmApi(kvmApiVersion(fd), device, describeErrno)
  } finally {
    fs.closeSync(fd)
  }
}

function main(): void {
  dieWithParent()
  try {
    waitFor(GO_LINE, 'its go-ahead')
    const config = readConfig(process.argv[2] ?? '')
    let krun
    try {
      preloadKrunfw(config.libkrun)
      krun = loadLibkrun(config.libkrun)
    } catch (error) {
      throw new InputError('libkrun', `cannot load ${config.libkrun}: ${(error as Error).message}`)
    }
    checkLibkrunVersion(krun, config.libkrun)
    checkImageShareable(krun, config)
    checkKvm(config.kvmDevice)
    const ctx = configureContext(krun, config, () => fs.openSync(config.logFile, 'a', 0o600), describeErrno)
    for (const message of libkrunWarnings(krun, config)) send({ kind: 'warning', message })
    send({ kind: 'ready' })
    waitFor(START_LINE, 'the start')
    const result = krun.startEnter(ctx)
    send({ kind: 'error', message: `krun_start_enter failed: ${describeErrno(-result)}` })
  } catch (error) {
    if (error instanceof InputError) send({ kind: 'error', message: error.problem, input: error.input })
    else send({ kind: 'error', message: (error as Error).message })
  }
  process.exit(SETUP_FAILED)
}

function probeMain(): void {
  dieWithParent()
  const request = JSON.parse(process.argv[3] ?? '{}') as ProbeRequest
  fs.writeSync(1, JSON.stringify(probe(request, describeErrno)) + '\n')
  process.exit(0)
}

if (process.argv[2] === PROBE_FLAG) probeMain()
else main()
