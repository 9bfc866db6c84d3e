/**
 * libkrun and libkrunfw: where libkrun is, which release it is (libkrun has no version call:
 * its file name may say, the symbols it exports always tell a lower bound), what its build
 * contains, and whether the libkrunfw it loads at start can be loaded.
 */
import path from 'node:path'
import { MIN_LIBKRUN_SYMBOL, MIN_LIBKRUN_VERSION, VERSION_MARKERS, since } from '../libkrun-symbols.js'
import type { ProbeAnswer } from './probe-protocol.js'
import { type CheckResult, fail, pass, skip } from './verdict.js'

/** krun_has_feature's numbers (KRUN_FEATURE_* in include/libkrun.h). */
export const FEATURES: Readonly<Record<string, number>> = {
  net: 0,
  blk: 1,
  gpu: 2,
  input: 4,
  tee: 6,
  'amd-sev': 7,
  'intel-tdx': 8,
  'aws-nitro': 9,
  'virgl-resource-map2': 10,
  'init-blob': 11
}

/** The release in an installed file's name, such as libkrun.so.1.17.3. */
export function versionFromFileName(file: string): string | undefined {
  return /^libkrun\.so\.(\d+\.\d+\.\d+)$/.exec(path.basename(file))?.[1]
}

/** The newest release whose marker the library exports; undefined when older than MIN_LIBKRUN_VERSION. */
export function versionFromSymbols(symbols: readonly string[]): string | undefined {
  return VERSION_MARKERS.find(([symbol]) => symbols.includes(symbol))?.[1]
}

/** The libkrunfw sonames a library's bytes name (a dlopen argument or a DT_NEEDED entry). */
export function namedFirmware(libraryBytes: Buffer | undefined): string[] {
  const named = libraryBytes?.toString('latin1').match(/libkrunfw(?:-sev|-tdx)?\.so\.\d+/g) ?? []
  return [...new Set(named)].sort((a, b) => a.length - b.length)
}

/**
 * The libkrunfw sonames this libkrun loads: those its bytes name; else by release,
 * libkrunfw.so.5 from 1.17 on, libkrunfw.so.4 before.
 */
export function firmwareSonames(libraryBytes: Buffer | undefined, symbols: readonly string[]): string[] {
  const named = namedFirmware(libraryBytes)
  if (named.length > 0) return named
  return [symbols.includes('krun_disable_implicit_vsock') ? 'libkrunfw.so.5' : 'libkrunfw.so.4']
}

const INSTALL = `install libkrun ${MIN_LIBKRUN_VERSION} or newer with its libkrunfw (Fedora: dnf install libkrun libkrunfw; Arch: pacman -S libkrun; Debian and Ubuntu: build it from source)`

export type Found = { path: string; realPath: string } | { error: string }

export function libkrunCheck(found: Found, answer: ProbeAnswer['libkrun'] | Error | undefined): CheckResult {
  const name = 'libkrun'
  if ('error' in found) return fail(name, found.error, '')
  if (answer === undefined || answer instanceof Error) {
    return fail(name, `${found.path}: ${answer?.message ?? 'not probed'}`, 'reinstall the action')
  }
  if ('error' in answer) {
    return fail(name, `${found.path} does not load: ${answer.error}`, INSTALL)
  }
  const bySymbols = versionFromSymbols(answer.symbols)
  if (bySymbols === undefined) {
    return fail(
      name,
      `${found.path} is older than libkrun ${MIN_LIBKRUN_VERSION} (it lacks ${MIN_LIBKRUN_SYMBOL}), which does not report the guest's exit code`,
      INSTALL
    )
  }
  const where = found.realPath === found.path ? found.path : `${found.path} (${found.realPath})`
  const fromName = versionFromFileName(found.realPath)
  const version = fromName ? `version ${fromName}` : `${bySymbols} or newer by the symbols it exports`
  const features = answer.features
    ? `features: ${answer.features.length > 0 ? answer.features.join(', ') : 'none of net, blk, gpu and the rest'}`
    : `features: not reported (no krun_has_feature, which came in ${since('krun_has_feature')})`
  return pass(name, `${where}, ${version}; ${features}`)
}

export function firmwareCheck(
  libkrun: string | undefined,
  sonames: readonly string[],
  answer: ProbeAnswer['firmware'] | undefined
): CheckResult {
  const name = 'libkrunfw'
  if (libkrun === undefined || answer === undefined) return skip(name, 'libkrun was not found or probed')
  for (const soname of sonames) {
    const loaded = answer[soname]
    if (!loaded || 'error' in loaded) continue
    const file = loaded.path ?? soname
    const where = path.dirname(file) === path.dirname(libkrun) ? 'beside libkrun' : "through the loader's search path"
    const abi = loaded.version === undefined ? '' : `, ABI version ${loaded.version}`
    return pass(name, `${soname} loads from ${file} (${where})${abi}`)
  }
  const errors = sonames.map((soname) => {
    const loaded = answer[soname]
    return loaded && 'error' in loaded ? loaded.error : `${soname} was not tried`
  })
  return fail(
    name,
    `${sonames.join(' or ')} does not load: ${errors.join('; ')}`,
    `install libkrunfw, or put ${sonames[0]} beside ${libkrun}`
  )
}
